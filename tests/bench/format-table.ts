/**
 * A plain-text table: columns padded to their widest cell, numbers (cells that start with a digit, a sign or '~')
 * right-aligned, everything else left-aligned. A row of one cell is a sub-heading across the table.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.filter((r) => r.length > 1).map((r) => (r[c] ?? '').length)));
  const numeric = (cell: string) => /^[-+~≤≥<>]?\s?\d/.test(cell);
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c > 0 && numeric(cell) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map((r) => (r.length === 1 ? r[0]! : line(r)))].join('\n');
}

export const ms = (value: number | null): string => (value === null ? '–' : `${Math.round(value).toLocaleString('en')} ms`);
/** Decimal units, as Vite's build report prints them (1 kB = 1,000 bytes). */
export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
/** `value / target` as a percentage, e.g. "41 %". */
export const ratio = (value: number, target: number): string => `${Math.round((value / target) * 100)} %`;
