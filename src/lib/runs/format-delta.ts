import { formatNumber } from '../format/format-number';

/** A signed difference for the comparison table: "+0.012", "−3.4", "0"; "–" when missing. */
export function formatDelta(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '–';
  if (delta === 0) return '0';
  const text = formatNumber(Math.abs(delta));
  return delta > 0 ? `+${text}` : `−${text}`;
}

/** A relative difference: 0.051 → "+5.1%"; "" when missing (no percentage is better than a made-up one). */
export function formatRelative(relative: number | null): string {
  if (relative === null || !Number.isFinite(relative)) return '';
  const pct = relative * 100;
  const text = Math.abs(pct).toFixed(Math.abs(pct) < 10 ? 1 : 0);
  if (Number(text) === 0) return '0%';
  return `${pct > 0 ? '+' : '−'}${text}%`;
}
