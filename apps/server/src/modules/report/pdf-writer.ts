import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Pretendard (SIL OFL, from npm) covers Hangul and Latin. pdfkit embeds only the glyphs a
 * document uses (a subset with its ToUnicode map), so files stay small and their text extractable.
 * Read once per process; the TrueType files (not the CFF .otf) subset most reliably.
 */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function fontFiles(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve('pretendard/dist/public/static/alternative/Pretendard-Regular.ttf')),
    bold: readFileSync(require.resolve('pretendard/dist/public/static/alternative/Pretendard-Bold.ttf')),
  };
  return fonts;
}

export interface Column {
  label: string;
  /** Share of the usable width. */
  width: number;
  align?: 'left' | 'right';
}

const MARGIN = 40;
const ACCENT = '#2f7d4f';
const MUTED = '#666666';
const RULE = '#cccccc';

/** A thin layer over pdfkit: headings, label/value lines, tables that break across pages, bar charts. */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly finished: Promise<Buffer>;

  /** pdfkit is loaded with the first report, not with the hub: among the heaviest of the start's imports. */
  static async open(meta: { title: string; lang: string }): Promise<PdfWriter> {
    const { default: PDFDocument } = await import('pdfkit');
    return new PdfWriter(new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: meta.title, Creator: 'EcoHub' }, lang: meta.lang, displayTitle: true }));
  }

  private constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    const { regular, bold } = fontFiles();
    this.doc.registerFont('regular', regular);
    this.doc.registerFont('bold', bold);
    this.doc.font('regular').fontSize(9);
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.finished = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN - 20;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string, subtitle: string): void {
    this.doc.font('bold').fontSize(18).fillColor(ACCENT).text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.font('regular').fontSize(9).fillColor(MUTED).text(subtitle, { width: this.width });
    this.doc.fillColor('black').moveDown(1);
  }

  heading(text: string): void {
    this.ensure(60);
    this.doc.moveDown(0.6);
    this.doc.font('bold').fontSize(12).fillColor(ACCENT).text(text, MARGIN, this.doc.y, { width: this.width });
    const y = this.doc.y + 2;
    this.doc.moveTo(MARGIN, y).lineTo(MARGIN + this.width, y).lineWidth(0.5).strokeColor(ACCENT).stroke();
    this.doc.fillColor('black').font('regular').fontSize(9);
    this.doc.y = y + 6;
  }

  paragraph(text: string, options: { muted?: boolean } = {}): void {
    this.ensure(14);
    this.doc.font('regular').fontSize(9).fillColor(options.muted ? MUTED : 'black').text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.fillColor('black');
  }

  /** Label and value pairs, two to a line. */
  facts(pairs: [string, string][]): void {
    const half = this.width / 2;
    for (let i = 0; i < pairs.length; i += 2) {
      this.ensure(16);
      const y = this.doc.y;
      let next = y;
      for (const [k, [label, value]] of pairs.slice(i, i + 2).entries()) {
        const x = MARGIN + k * half;
        this.doc.font('regular').fontSize(8).fillColor(MUTED).text(label, x, y, { width: half * 0.45 - 4 });
        next = Math.max(next, this.doc.y);
        this.doc.font('bold').fontSize(9).fillColor('black').text(value, x + half * 0.45, y, { width: half * 0.55 - 6 });
        next = Math.max(next, this.doc.y);
      }
      this.doc.y = next + 3;
    }
    this.doc.font('regular');
  }

  table(columns: Column[], rows: string[][], options: { totals?: string[] } = {}): void {
    const widths = columns.map((c) => c.width * this.width);
    const drawRow = (cells: string[], bold: boolean) => {
      this.doc.font(bold ? 'bold' : 'regular').fontSize(8);
      const height = Math.max(...cells.map((cell, i) => this.doc.heightOfString(cell, { width: widths[i]! - 4 }))) + 4;
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        header();
        this.doc.font(bold ? 'bold' : 'regular').fontSize(8);
      }
      const y = this.doc.y;
      let x = MARGIN;
      cells.forEach((cell, i) => {
        this.doc.text(cell, x + 2, y + 2, { width: widths[i]! - 4, align: columns[i]!.align ?? 'left', lineBreak: true });
        x += widths[i]!;
      });
      this.doc.y = y + height;
      this.doc.moveTo(MARGIN, this.doc.y).lineTo(MARGIN + this.width, this.doc.y).lineWidth(0.3).strokeColor(RULE).stroke();
    };
    const header = () => {
      this.doc.fillColor(ACCENT);
      drawRow(columns.map((c) => c.label), true);
      this.doc.fillColor('black');
    };
    this.ensure(40);
    header();
    for (const row of rows) drawRow(row, false);
    if (options.totals) drawRow(options.totals, true);
    this.doc.x = MARGIN;
    this.doc.moveDown(0.5);
  }

  /** Horizontal bars, one per item, scaled to the largest value. */
  barChart(title: string, items: { label: string; value: number; text: string }[]): void {
    const barHeight = 12;
    this.ensure(30 + items.length * (barHeight + 4));
    this.doc.font('bold').fontSize(9).text(title, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
    const labelWidth = this.width * 0.3;
    const barSpace = this.width * 0.5;
    const max = Math.max(...items.map((i) => i.value), 0);
    for (const item of items) {
      const y = this.doc.y;
      this.doc.font('regular').fontSize(8).fillColor('black').text(item.label, MARGIN, y + 2, { width: labelWidth - 6, height: barHeight, ellipsis: true });
      const length = max > 0 ? Math.max((item.value / max) * barSpace, item.value > 0 ? 1 : 0) : 0;
      if (length > 0) this.doc.rect(MARGIN + labelWidth, y, length, barHeight).fill(ACCENT);
      this.doc.fillColor('black').text(item.text, MARGIN + labelWidth + length + 4, y + 2, { width: this.width - labelWidth - length - 4 });
      this.doc.y = y + barHeight + 4;
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.5);
  }

  image(data: Buffer, caption: string): void {
    this.ensure(200);
    const y = this.doc.y;
    try {
      this.doc.image(data, MARGIN, y, { fit: [this.width / 2, 170] });
      this.doc.y = y + 172;
    } catch {
      // A file that passed the upload's type check but does not decode: keep its caption only.
      this.doc.y = y;
    }
    this.paragraph(caption, { muted: true });
    this.doc.moveDown(0.5);
  }

  /** Page numbers in the footer, then the finished file. */
  async finish(pageLabel: (n: number, of: number) => string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Writing inside the bottom margin would make pdfkit add a page: lift the margin first.
      this.doc.page.margins.bottom = 0;
      this.doc.font('regular').fontSize(7).fillColor(MUTED).text(pageLabel(i + 1, range.count), MARGIN, this.doc.page.height - MARGIN + 10, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      });
    }
    this.doc.end();
    return this.finished;
  }
}
