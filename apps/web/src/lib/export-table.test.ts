import { describe, expect, it } from 'vitest';
import { toCsv, type ExportColumn } from './export-table';

interface Row {
  name: string;
  krw: number | null;
}
const columns: ExportColumn<Row>[] = [
  { header: '과제', value: (row) => row.name },
  { header: '투자비 (원)', value: (row) => row.krw },
];

describe('toCsv', () => {
  it('starts with a BOM and quotes cells that need it', () => {
    const csv = toCsv([{ name: '폐수 "재이용", 1단계', krw: 12_000_000 }], columns);
    expect(csv.startsWith('\uFEFF과제,투자비 (원)\r\n')).toBe(true);
    expect(csv).toContain('"폐수 ""재이용"", 1단계",12000000');
  });

  it('defuses cells that a spreadsheet would run as formulas', () => {
    const csv = toCsv([{ name: '=HYPERLINK("http://x")', krw: null }], columns);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",`);
  });
});
