export type Cell = string | number | null;

export interface Table {
  title?: string;
  columns: string[];
  rows: Cell[][];
}

export interface TargetCheck {
  target: string;
  measured: string;
  /** null: could not be measured in this run (the note says why). */
  met: boolean | null;
}

export interface ScenarioResult {
  id: number;
  title: string;
  tables: Table[];
  targets: TargetCheck[];
  notes: string[];
  /** Raw figures for the JSON file. */
  figures: Record<string, unknown>;
  seconds?: number;
}

export function formatCell(cell: Cell): string {
  if (cell === null) return '—';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toLocaleString('en-US') : cell.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return cell;
}

/** A Markdown table: readable in a terminal and pasteable into the README as is. */
export function renderTable(table: Table): string {
  const cells = [table.columns, ...table.rows.map((row) => row.map(formatCell))];
  const widths = table.columns.map((_, c) => Math.max(...cells.map((row) => displayWidth(row[c] ?? ''))));
  const line = (row: string[]) => `| ${row.map((cell, c) => pad(cell, widths[c] ?? 0)).join(' | ')} |`;
  const out = [line(table.columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)];
  return (table.title ? `${table.title}\n\n` : '') + out.join('\n');
}

export function renderScenario(result: ScenarioResult): string {
  const parts = [`### ${result.id}. ${result.title}`, ...result.tables.map(renderTable)];
  if (result.targets.length > 0) {
    parts.push(
      renderTable({
        columns: ['target', 'measured', 'status'],
        rows: result.targets.map((t) => [t.target, t.measured, t.met === null ? 'not measured' : t.met ? 'met' : 'MISSED']),
      }),
    );
  }
  if (result.notes.length > 0) parts.push(result.notes.map((note) => `- ${note}`).join('\n'));
  return parts.join('\n\n');
}

/** Hangul and other wide characters take two terminal columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function ms(value: number | null): string {
  return value === null ? '—' : `${formatCell(value)} ms`;
}
