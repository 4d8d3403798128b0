import type { SalesData } from '../data/types';
import { dayToIso } from '../core/days';
import { finiteOrNull, sortFinite } from '../core/finite';
import { quantileOf } from '../core/statistics';

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
  const runs = valueRuns(data.date);
  const min = runs.values.length > 0 ? (runs.values[0] as number) : null;
  const max = runs.values.length > 0 ? (runs.values[runs.values.length - 1] as number) : null;
  return {
    ...empty(data.mapping.date || 'date', 'date', 'date'),
    count: runs.count,
    missing: runs.missing,
    distinct: runs.values.length,
    min,
    max,
    minLabel: min === null ? null : dayToIso(min),
    maxLabel: max === null ? null : dayToIso(max),
  };
}

function summarizeKey(data: SalesData, key: string, k: number, rowsPerSeries: Float64Array): ColumnSummary {
  // Rows of one series share every key value, so rows are counted per series first, then summed per value: a loop
  // as long as the number of series, not the number of rows.
  const rowsByValue = new Map<string, number>();
  data.seriesKeyValues.forEach((values, s) => {
    const value = values[k] ?? '';
    rowsByValue.set(value, (rowsByValue.get(value) ?? 0) + (rowsPerSeries[s] as number));
  });
  const missing = rowsByValue.get('') ?? 0;
  const present = [...rowsByValue]
    .filter(([value, rows]) => value !== '' && rows > 0)
    .sort(([a, rowsA], [b, rowsB]) => rowsB - rowsA || (a < b ? -1 : a > b ? 1 : 0));
  return {
    ...empty(key, 'key', 'categorical'),
    count: data.series.length - missing,
    missing,
    distinct: present.length,
    top: present.slice(0, TOP_VALUES).map(([value, rows]) => ({ value, count: rows })),
  };
}

function summarizeNumeric(name: string, role: ColumnRole, values: Float64Array): ColumnSummary {
  const runs = valueRuns(values);
  const n = runs.count;
  const flag = role === 'covariate' && n > 0 && runs.values.every((v) => v === 0 || v === 1);
  const base = empty(name, role, flag ? 'flag' : 'numeric');
  if (n === 0) return { ...base, missing: runs.missing };
  const at = (k: number) => valueAt(runs, k);
  const moments = runMoments(runs);
  return {
    ...base,
    count: n,
    missing: runs.missing,
    distinct: runs.values.length,
    min: runs.values[0] as number,
    max: runs.values[runs.values.length - 1] as number,
    quantiles: {
      p05: quantileOf(n, 0.05, at),
      p25: quantileOf(n, 0.25, at),
      p50: quantileOf(n, 0.5, at),
      p75: quantileOf(n, 0.75, at),
      p95: quantileOf(n, 0.95, at),
    },
    mean: finiteOrNull(moments.mean),
    std: finiteOrNull(moments.std),
    skew: finiteOrNull(moments.skew),
  };
}

/**
 * A column's finite values as runs of equal values, ascending: the sorted column without its million copies, from
 * which every figure of a summary can be read.
 */
interface ValueRuns {
  /** The distinct finite values, ascending. */
  values: Float64Array;
  /** ends[j]: how many values are ≤ values[j] (so ends[last] = count). */
  ends: Float64Array;
  count: number;
  missing: number;
}

/** Decimal places tried for counting (sales, dates and flags are whole; prices often in cents). */
const MAX_SCALE = 100;
/** Counting pays off while the buckets stay comparable in number to the values (as in sortFinite). */
const MAX_BUCKETS_PER_VALUE = 4;
const MAX_BUCKETS = 1 << 24;

/**
 * Whole numbers, and decimals with at most two places, are counted into buckets (two linear passes, no sort); any
 * other column is sorted. A value is bucketed only when it comes back from its bucket as the very same number.
 */
function valueRuns(column: ArrayLike<number>): ValueRuns {
  const n = column.length;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let scale = 1;
  for (let i = 0; i < n; i++) {
    const v = column[i] as number;
    if (v - v !== 0) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
    // (Whole numbers, the common case, need no division to tell.)
    while (scale <= MAX_SCALE && (scale === 1 ? Math.round(v) : Math.round(v * scale) / scale) !== v) scale *= 10;
  }
  const missing = n - count;
  const low = Math.round(min * scale);
  const buckets = Math.round(max * scale) - low + 1;
  if (count === 0 || scale > MAX_SCALE || buckets > MAX_BUCKETS || buckets > MAX_BUCKETS_PER_VALUE * count) {
    return { ...runsOfSorted(sortFinite(column).sorted), missing };
  }
  const counts = new Uint32Array(buckets);
  for (let i = 0; i < n; i++) {
    const v = column[i] as number;
    if (v - v === 0) counts[Math.round(v * scale) - low]!++;
  }
  let distinct = 0;
  for (let b = 0; b < buckets; b++) if ((counts[b] as number) > 0) distinct++;
  const values = new Float64Array(distinct);
  const ends = new Float64Array(distinct);
  let total = 0;
  for (let b = 0, j = 0; b < buckets; b++) {
    const c = counts[b] as number;
    if (c === 0) continue;
    total += c;
    values[j] = (b + low) / scale;
    ends[j++] = total;
  }
  return { values, ends, count, missing };
}

function runsOfSorted(sorted: Float64Array): Omit<ValueRuns, 'missing'> {
  const values: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) ends[ends.length - 1] = i + 1;
    else {
      values.push(sorted[i] as number);
      ends.push(i + 1);
    }
  }
  return { values: Float64Array.from(values), ends: Float64Array.from(ends), count: sorted.length };
}

/** The k-th smallest value (0-based). */
function valueAt({ values, ends }: ValueRuns, k: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] as number) > k) hi = mid;
    else lo = mid + 1;
  }
  return values[lo] as number;
}

/**
 * Mean, sample standard deviation and skew as ../core/statistics.ts computes them over the sorted column (mean
 * first, then central moments), each run's value added once per row in the same order, so every figure is the same
 * to the last bit; all three in two passes rather than six.
 */
function runMoments({ values, ends, count: n }: ValueRuns): { mean: number; std: number; skew: number } {
  let sum = 0;
  for (let j = 0, k = 0; j < values.length; j++) {
    const v = values[j] as number;
    for (const end = ends[j] as number; k < end; k++) sum += v;
  }
  const mean = sum / n;
  let sum2 = 0;
  let sum3 = 0;
  for (let j = 0, k = 0; j < values.length; j++) {
    const d = (values[j] as number) - mean;
    const d2 = d * d;
    const d3 = d2 * d;
    for (const end = ends[j] as number; k < end; k++) {
      sum2 += d2;
      sum3 += d3;
    }
  }
  const m2 = sum2 / n;
  return { mean, std: n > 1 ? Math.sqrt(m2 * (n / (n - 1))) : NaN, skew: m2 > 0 ? sum3 / n / m2 ** 1.5 : NaN };
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
