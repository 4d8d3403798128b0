/**
 * CSV as RFC 4180 writes it: a field is quoted when it holds a comma, a double quote or a line break, and a quote
 * inside is doubled. Every CSV the app saves (the metrics download, any table's CSV) goes through csvField, so a
 * model, series or column name with a comma in it never shifts a row's columns.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** One field: numbers at full precision, an undefined number (null, NaN, ±Infinity) as an empty field. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A header and its rows as one CSV text; records end with CRLF, as RFC 4180 has them (spreadsheets read either). */
export function tableToCsv(header: readonly CsvCell[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
