/**
 * CSV export of the dashboard's tables, as French spreadsheets open them: semicolon-separated,
 * UTF-8 with a byte-order mark, quotes doubled; a cell that a spreadsheet would run as a formula
 * (=, +, -, @) is prefixed with an apostrophe (employees' questions are untrusted text).
 */

/** One table: column titles and rows of cells. */
export interface CsvTable {
  columns: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV text. */
export function toCsv(table: CsvTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
