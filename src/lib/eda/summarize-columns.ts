import * as aq from 'arquero';
import type { SalesData } from '../data/types';
import { dayToIso } from '../core/days';
import { finiteOrNull, sortFinite } from '../core/finite';
import { mean, quantile, skewness, std } from '../core/statistics';
import { isFlagColumn } from '../data/find-covariate';

export type ColumnType = 'date' | 'numeric' | 'categorical' | 'flag';
export type ColumnRole = 'date' | 'key' | 'sales' | 'covariate';

export interface ColumnQuantiles {
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/**
 * One column at a glance. Numbers are null where they do not apply (a category has no mean) or cannot be computed
 * (no values; skew of a constant). Conventions, as in ./statistics.ts: quantiles are numpy's 'linear' method,
 * `std` is the sample standard deviation (ddof = 1), `skew` is Fisher's, biased (scipy.stats.skew's default).
 */
export interface ColumnSummary {
  /** The column's name in the source file (from the mapping). */
  name: string;
  role: ColumnRole;
  type: ColumnType;
  /** Non-missing values. */
  count: number;
  missing: number;
  distinct: number;
  /** For the date column, days since epoch; see minLabel/maxLabel. */
  min: number | null;
  max: number | null;
  /** ISO dates for the date column; null for the others. */
  minLabel: string | null;
  maxLabel: string | null;
  quantiles: ColumnQuantiles | null;
  mean: number | null;
  std: number | null;
  skew: number | null;
  /** Categorical columns: the most frequent values, by row count, most frequent first (at most 10). */
  top: { value: string; count: number }[];
}

const TOP_VALUES = 10;

/** Summaries for the date column, each key column, sales, and each covariate, in that order. */
export function summarizeColumns(data: SalesData): ColumnSummary[] {
  const summaries: ColumnSummary[] = [summarizeDate(data)];
  const rowsPerSeries = countRowsPerSeries(data);
  data.seriesKeys.forEach((key, k) => summaries.push(summarizeKey(data, key, k, rowsPerSeries)));
  summaries.push(summarizeNumeric(data.mapping.sales || 'sales', 'sales', data.sales));
  for (const [name, values] of Object.entries(data.covariates)) summaries.push(summarizeNumeric(name, 'covariate', values));
  return summaries;
}

function summarizeDate(data: SalesData): ColumnSummary {
  const { sorted, missing, distinct } = sortFinite(data.date);
  const min = sorted.length > 0 ? (sorted[0] as number) : null;
  const max = sorted.length > 0 ? (sorted[sorted.length - 1] as number) : null;
  return {
    ...empty(data.mapping.date || 'date', 'date', 'date'),
    count: sorted.length,
    missing,
    distinct,
    min,
    max,
    minLabel: min === null ? null : dayToIso(min),
    maxLabel: max === null ? null : dayToIso(max),
  };
}

function summarizeKey(data: SalesData, key: string, k: number, rowsPerSeries: Float64Array): ColumnSummary {
  // Rows of one series share every key value, so counting per series first leaves a table as small as the number
  // of series: the natural size for arquero's groupby.
  const perSeries = aq.table({
    value: data.seriesKeyValues.map((values) => values[k] ?? ''),
    rows: rowsPerSeries,
  });
  const byValue = perSeries
    .groupby('value')
    .rollup({ rows: aq.op.sum('rows') })
    .orderby(aq.desc('rows'), 'value')
    .objects() as { value: string; rows: number }[];
  const present = byValue.filter((v) => v.value !== '' && v.rows > 0);
  const missing = byValue.filter((v) => v.value === '').reduce((sum, v) => sum + v.rows, 0);
  return {
    ...empty(key, 'key', 'categorical'),
    count: data.series.length - missing,
    missing,
    distinct: present.length,
    top: present.slice(0, TOP_VALUES).map((v) => ({ value: v.value, count: v.rows })),
  };
}

function summarizeNumeric(name: string, role: ColumnRole, values: Float64Array): ColumnSummary {
  const { sorted, missing, distinct } = sortFinite(values);
  const n = sorted.length;
  const base = empty(name, role, role === 'covariate' && isFlagColumn(sorted) ? 'flag' : 'numeric');
  if (n === 0) return { ...base, missing };
  return {
    ...base,
    count: n,
    missing,
    distinct,
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    quantiles: {
      p05: quantile(sorted, 0.05),
      p25: quantile(sorted, 0.25),
      p50: quantile(sorted, 0.5),
      p75: quantile(sorted, 0.75),
      p95: quantile(sorted, 0.95),
    },
    mean: finiteOrNull(mean(sorted)),
    std: finiteOrNull(std(sorted, { ddof: 1 })),
    skew: finiteOrNull(skewness(sorted)),
  };
}

function countRowsPerSeries(data: SalesData): Float64Array {
  const counts = new Float64Array(data.seriesLabels.length);
  for (let i = 0; i < data.series.length; i++) counts[data.series[i] as number]!++;
  return counts;
}

function empty(name: string, role: ColumnRole, type: ColumnType): ColumnSummary {
  return {
    name,
    role,
    type,
    count: 0,
    missing: 0,
    distinct: 0,
    min: null,
    max: null,
    minLabel: null,
    maxLabel: null,
    quantiles: null,
    mean: null,
    std: null,
    skew: null,
    top: [],
  };
}
