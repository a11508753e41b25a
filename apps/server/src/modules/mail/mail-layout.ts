/** One mail's content before it is laid out as HTML and plain text. */
export interface MailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  items?: { text: string; url: string | null }[];
  action?: { label: string; url: string };
  /** Small print under the content (why you got this, how to stop it). */
  footer: string[];
  unsubscribe?: { label: string; url: string };
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Both parts of a mail from the same content: the HTML for mail apps, the text for everything else. */
export function layOut(content: MailContent, locale: string): { subject: string; html: string; text: string } {
  const items = content.items ?? [];
  const html = [
    `<!doctype html><html lang="${locale === 'en' ? 'en' : 'ko'}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933;max-width:40rem;margin:0 auto;padding:1rem">',
    `<h1 style="font-size:1.25rem">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    items.length
      ? `<ul>${items.map((item) => `<li>${item.url ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text)}</li>`).join('')}</ul>`
      : '',
    content.action
      ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:.5rem 1rem;background:#1d6f42;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>`
      : '',
    '<hr style="border:none;border-top:1px solid #d0d7de">',
    ...content.footer.map((p) => `<p style="font-size:.8rem;color:#57606a">${escapeHtml(p)}</p>`),
    content.unsubscribe
      ? `<p style="font-size:.8rem"><a href="${escapeHtml(content.unsubscribe.url)}">${escapeHtml(content.unsubscribe.label)}</a></p>`
      : '',
    '</body></html>',
  ].join('');
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...items.map((item) => `- ${item.text}${item.url ? `\n  ${item.url}` : ''}`),
    ...(items.length ? [''] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '--',
    ...content.footer,
    ...(content.unsubscribe ? [`${content.unsubscribe.label}: ${content.unsubscribe.url}`] : []),
  ].join('\n');
  return { subject: content.subject, html, text };
}
