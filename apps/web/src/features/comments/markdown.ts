import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

/**
 * Comment bodies are markdown written by people: rendered without raw HTML, then sanitized again
 * (defence in depth), links open safely in a new tab. Mentions `@[Name](person:ID)` become chips
 * that name the person; the id stays in a data attribute.
 */
// CommonMark does not close `**(수세)**공정` (punctuation inside, a Hangul letter outside): the
// CJK-friendly rules make bold work in Korean text as people write it.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false }).use(cjkFriendly);

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
const defaultLinkClose = markdown.renderer.rules.link_close ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

// A mention is written `@[Name](person:ID)`: markdown-it reads the `@` as text before the link.
// Take it off that text so the chip (which shows its own `@`) owns it.
markdown.core.ruler.push('mention_at', (state) => {
  for (const block of state.tokens) {
    const children = block.children ?? [];
    children.forEach((token, index) => {
      const before = children[index - 1];
      if (token.type === 'link_open' && String(token.attrGet('href') ?? '').startsWith('person:') && before?.type === 'text' && before.content.endsWith('@')) {
        before.content = before.content.slice(0, -1);
      }
    });
  }
});

// markdown-it refuses unknown schemes only for javascript:, vbscript:, file: and data:, so
// `person:` links reach the renderer, where they become mention chips instead of anchors.
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const match = /^person:([0-9a-zA-Z-]{1,64})$/.exec(String(tokens[idx]?.attrGet('href') ?? ''));
  if (!match) return defaultLinkOpen(tokens, idx, options, env, self);
  // Links do not nest: the next link_close closes this mention.
  const close = tokens.slice(idx + 1).find((token) => token.type === 'link_close');
  if (close) close.meta = { mention: true };
  return `<span class="mention" data-person-id="${markdown.utils.escapeHtml(match[1] ?? '')}">@`;
};
markdown.renderer.rules.link_close = (tokens, idx, options, env, self) =>
  (tokens[idx]?.meta as { mention?: boolean } | null)?.mention ? '</span>' : defaultLinkClose(tokens, idx, options, env, self);

let hooked = false;
function purifier() {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

const ALLOWED_TAGS = [
  'p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'span',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

export function renderMarkdown(body: string): string {
  const html = markdown.render(body);
  return purifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'class', 'data-person-id', 'target', 'rel'],
    ALLOW_DATA_ATTR: false,
  });
}
