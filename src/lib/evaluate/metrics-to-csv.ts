export type CsvCell = string | number | boolean | null | undefined;

/**
 * Rows of metrics as CSV for the download: one column per key (in the order keys first appear), numbers at full
 * precision, an undefined metric (null, NaN, ±Infinity) as an empty cell, text quoted when it holds a comma, a quote
 * or a line break. The JSON download is the evaluation object itself.
 */
export function metricsToCsv<T extends { [K in keyof T]: CsvCell }>(rows: readonly T[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const lines = [columns.map(quote).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell((row as Record<string, CsvCell>)[c])).join(','));
  return lines.join('\n') + '\n';
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quote(value);
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
