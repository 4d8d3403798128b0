/**
 * Headline metrics as the runs table and the comparison print them: WAPE and P10–P90 coverage are fractions, shown
 * as percentages (0.2 → "20.0%") with their differences in percentage points; the others as plain numbers.
 */
import { formatNumber } from '../format/format-number';
import { formatDelta } from './format-delta';
import type { HeadlineKey } from './read-run';

const PERCENT: ReadonlySet<HeadlineKey> = new Set(['wape', 'coverage80']);

export function formatMetricValue(metric: HeadlineKey, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return PERCENT.has(metric) ? `${(value * 100).toFixed(1)}%` : formatNumber(value);
}

export function formatMetricDelta(metric: HeadlineKey, delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '–';
  if (!PERCENT.has(metric)) return formatDelta(delta);
  const points = (Math.abs(delta) * 100).toFixed(1);
  if (Number(points) === 0) return '0 pp';
  return `${delta > 0 ? '+' : '−'}${points} pp`;
}
