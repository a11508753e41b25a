/**
 * Table exports for people who continue in a spreadsheet. Both formats take the same column
 * definitions; CSV starts with a byte-order mark so Excel reads Korean text as UTF-8.
 */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
  /** Excel number format for numeric columns, e.g. '#,##0' for KRW. */
  format?: string;
  width?: number;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Cells starting with = + - @ would run as formulas in a spreadsheet: prefix them.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[]): string {
  const lines = [columns.map((column) => csvCell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[], fileName: string): void {
  downloadBlob(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), fileName);
}

export async function xlsxBlob<Row>(
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
  sheet: string,
): Promise<Blob> {
  // Loaded on demand: most visits never export.
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = columns.map((column) => ({ value: column.header, fontWeight: 'bold' as const }));
  const body = rows.map((row) =>
    columns.map((column) => {
      const value = column.value(row);
      if (value === null) return null;
      return typeof value === 'number'
        ? { value, type: Number, ...(column.format ? { format: column.format } : {}) }
        : { value, type: String };
    }),
  );
  return writeXlsxFile([header, ...body], {
    sheet,
    columns: columns.map((column) => ({ width: column.width ?? 16 })),
    stickyRowsCount: 1,
  }).toBlob();
}

export async function downloadXlsx<Row>(
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
  fileName: string,
  sheet: string,
): Promise<void> {
  downloadBlob(await xlsxBlob(rows, columns, sheet), fileName);
}
