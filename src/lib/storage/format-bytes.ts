const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count for people, in SI units (1 kB = 1000 B, as the browsers' storage settings show it):
 * `formatBytes(0)` → "0 B", `formatBytes(1536)` → "1.5 kB", `formatBytes(12_345_678)` → "12 MB".
 * One decimal below 10 units, none above. Not a count (negative, NaN) → "?".
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  let value = bytes;
  let unit = 0;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  const rounded = value < 9.95 ? value.toFixed(1) : String(Math.round(value));
  return `${rounded} ${UNITS[unit]}`;
}
