/**
 * Numbers for tables people read: four significant digits at most, thousands separated, "–" for nothing.
 * Fixed to the 'en' locale so screenshots and tests read the same on every machine.
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 0.001 || abs >= 1e9)) return value.toExponential(2);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : 3;
  return (BY_DIGITS[digits] ??= new Intl.NumberFormat('en', { maximumFractionDigits: digits })).format(value);
}

/**
 * One formatter per number of decimals, made on first use and kept: `toLocaleString` with options builds a new one on
 * every call, which made formatting a large part of drawing the Explore summary table (a profile of the first load).
 */
const BY_DIGITS: Intl.NumberFormat[] = [];

/** A ratio as a percentage change: 1.4 → "+40%". */
export function formatUplift(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  const pct = (ratio - 1) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(Math.abs(pct) < 10 ? 1 : 0)}%`;
}

/** A signed difference: "+0.012", "−3.4", "0"; "–" when missing. */
export function formatDelta(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '–';
  if (delta === 0) return '0';
  const text = formatNumber(Math.abs(delta));
  return delta > 0 ? `+${text}` : `−${text}`;
}
