import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF as a reader extracts it (pdf.js from npm, so tests need no poppler): items
 * joined with spaces, pages in order. Text that is drawn as outlines or lacks a ToUnicode map
 * would come out empty or garbled, which is what the report tests guard against.
 */
export async function pdfText(data: Buffer): Promise<string> {
  const task = getDocument({ data: new Uint8Array(data), useSystemFonts: false });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await task.destroy();
  return pages.join('\n');
}
