/**
 * Metrics as every table, export and message prints them. Each headline metric has one format, so the leaderboard,
 * the runs table, the run comparison, the gates and the model card agree on what a number means: WAPE 0.2 is "20.0%"
 * everywhere, and so is sMAPE 20.
 */
import type { HeadlineKey } from '../runs/types';
import { formatDelta, formatNumber } from './format-number';

/** How a number reads: a fraction shows as a percentage (0.12 → 12.0%), a percent already is one (12 → 12.0%). */
export type MetricFormat = 'number' | 'fraction' | 'percent' | 'money' | 'count';

export const HEADLINE_FORMAT: Readonly<Record<HeadlineKey, MetricFormat>> = {
  wape: 'fraction',
  mae: 'number',
  rmse: 'number',
  smape: 'percent',
  mase: 'number',
  bias: 'number',
  coverage80: 'fraction',
  cost: 'money',
};

/** A metric for a table: "–" for undefined, fractions and percents with one decimal and a % sign. */
export function formatMetric(value: number | null | undefined, format: MetricFormat): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (format === 'fraction') return `${(value * 100).toFixed(1)}%`;
  if (format === 'percent') return `${value.toFixed(1)}%`;
  return formatNumber(value);
}

/**
 * A difference between two values of a metric. Percentages differ in percentage points ("−4.0 pp"): a relative change
 * of a percentage ("−20%") would read as the same kind of number and mislead.
 */
export function formatMetricDelta(delta: number | null, format: MetricFormat): string {
  if (delta === null || !Number.isFinite(delta)) return '–';
  if (format !== 'fraction' && format !== 'percent') return formatDelta(delta);
  const points = Math.abs(format === 'fraction' ? delta * 100 : delta).toFixed(1);
  if (Number(points) === 0) return '0 pp';
  return `${delta > 0 ? '+' : '−'}${points} pp`;
}
