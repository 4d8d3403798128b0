import { gridDate, type PeriodGrid } from '../core/period-grid';
import { periodIndex } from '../core/periods';
import type { SalesData } from '../data/types';
import type { ModelVersion } from '../registry/types';
import type { SimulatedWorld } from '../scenarios/types';
import { PERIODS_PER_YEAR, type CostModel } from '../scope/cost-model';
import type { SegmentBias } from './alert-raise';
import type { AlertRules } from './alert-rules';
import { columnDrift, type ColumnDrift } from './column-drift';
import type { DataQualityIssue, DataQualityProfile, QualityTable } from './data-quality';
import { checkDataQuality } from './data-quality-check';
import { dataQualityProfile } from './data-quality-profile';
import { datasetDrift } from './dataset-drift';
import { performanceDecay, type PerformanceDecay } from './performance-decay';
import { windowPerformance, type PerformanceFigures } from './performance-figures';

/** What the Monitor stage shows for the latest period. */
export interface MonitorReport {
  period: number;
  date: number;
  reference: { start: number; end: number; rows: number };
  current: { start: number; end: number; rows: number };
  /** Input columns (covariates and key columns). */
  columns: ColumnDrift[];
  dataset: { drifted: boolean; share: number; driftedColumns: string[]; threshold: number };
  /** The served forecasts against those of the first monitoring window after deployment. */
  prediction: ColumnDrift | null;
  /** Actual sales against the training reference. */
  target: ColumnDrift | null;
  performance: PerformanceFigures & { decay: PerformanceDecay; costDecay: PerformanceDecay };
  /** Relative bias of the served forecasts per key value (store, product). */
  segments: SegmentBias[];
  quality: DataQualityIssue[];
}

export interface MonitorContext {
  world: SimulatedWorld;
  grid: PeriodGrid;
  rules: AlertRules;
  cost: CostModel;
  /** Periods in the current window. */
  window: number;
  horizon: number;
  /** Built on first use: the reference rows do not change during a simulation. */
  reference?: ReferenceColumns;
}

/**
 * The columns monitored for data drift: the covariates (price, promotion, …) and the series' key columns. A holiday
 * flag is left out: it follows the calendar, so a window with Christmas in it "drifts" every year without anything
 * being wrong. Sales are the target (target drift), the served forecasts the prediction (prediction drift).
 */
interface ReferenceColumns {
  /** History rows by period index, to cut a seasonal reference window from. */
  rowsByPeriod: Map<number, number[]>;
  lastPeriod: number;
  /** Data quality is about broken data, not seasons: profiled on the whole last year of history. */
  profile: DataQualityProfile;
}

const CALENDAR_FLAG = /holiday/i;

/** Periods in a year for the seasonal reference: 364 days keep weekdays aligned (as the simulated world does). */
const YEAR: Record<SalesData['frequency'], number> = { daily: 364, weekly: 52, monthly: 12 };

/**
 * Monitoring at the end of period `period`, once actuals through `known` arrived; null until a whole window has.
 *
 * Current window: the last `window` periods with actuals. Reference: the same weeks of the newest year of history
 * before deployment (Evidently's "reference dataset", taken seasonally): sales have a yearly rhythm, and comparing a
 * December window with a whole year would report the season as drift. Data quality is checked against the whole last
 * year. Prediction drift compares the served forecasts with the champion's own one-step-ahead predictions of the
 * reference window, as Evidently compares the prediction column of the current and reference datasets.
 */
export function monitorPeriod(
  context: MonitorContext,
  options: { period: number; known: number; served: Float64Array; champion: ModelVersion; referencePredictions: Float64Array },
): MonitorReport | null {
  const { known, period } = options;
  const from = known - context.window + 1;
  if (from < 0) return null;
  const { grid, world, rules } = context;
  const { data } = world;
  const reference = (context.reference ??= referenceColumns(world, grid));
  const current = currentColumns(data, grid, { from, to: known });
  const seasonal = seasonalRows(reference, { from: periodIndex(gridDate(grid, from), data.frequency), to: periodIndex(gridDate(grid, known), data.frequency), frequency: data.frequency });
  const past = collect(data, seasonal);
  const drift = (column: string, kind: 'numeric' | 'categorical', ref: ArrayLike<number> | readonly string[], cur: ArrayLike<number> | readonly string[]): ColumnDrift => {
    const test = kind === 'numeric' && rules.numericTest === 'psi' ? { test: 'psi' as const } : {};
    const result = columnDrift({ column, kind, reference: ref, current: cur, ...test });
    // The rules' overrides replace each test's own threshold, by the kind of statistic it is.
    const override = result.thresholdKind === 'p-value' ? rules.drift.pValue : rules.drift.distance;
    return override === null ? result : columnDrift({ column, kind, reference: ref, current: cur, ...test, threshold: override });
  };

  const columns: ColumnDrift[] = [];
  for (const [name, values] of past.numeric) columns.push(drift(name, 'numeric', values, current.numeric.get(name) ?? new Float64Array(0)));
  for (const [name, values] of past.categorical) columns.push(drift(name, 'categorical', values, current.categorical.get(name) ?? []));
  const dataset = datasetDrift(columns, { share: rules.datasetDriftShare });
  const target = drift('sales', 'numeric', past.sales, current.sales);
  const predicted = Float64Array.from(seasonal, (r) => options.referencePredictions[r] ?? NaN);
  const prediction = drift('prediction', 'numeric', predicted, servedValues(options.served, grid, { from, to: known }));

  const performance = windowPerformance(context, { from, to: known, forecast: options.served });
  const { metrics } = options.champion;
  const decay = performanceDecay({ current: performance, reference: { wape: metrics.wape }, tolerance: rules.performanceTolerance });
  // The test's cost per row: its cost over series × horizon rows (what the test window held).
  const testRows = grid.series * context.horizon;
  const costDecay = performanceDecay({
    current: performance,
    reference: { costPerRow: metrics.cost === null || testRows === 0 ? null : metrics.cost / testRows },
    tolerance: rules.costTolerance,
    metric: 'costPerRow',
  });
  const quality = checkDataQuality({ profile: reference.profile, current: current.quality, rules });
  const segments = segmentBiases(data, grid, { from, to: known, served: options.served });

  return {
    period,
    date: grid.dates[period] as number,
    reference: { ...dateRange(data, seasonal), rows: seasonal.length },
    current: { start: gridDate(grid, from), end: gridDate(grid, known), rows: current.sales.length },
    columns,
    dataset,
    prediction,
    target,
    performance: { ...performance, decay, costDecay },
    segments,
    quality,
  };
}

function referenceColumns(world: SimulatedWorld, grid: PeriodGrid): ReferenceColumns {
  const { data } = world;
  const end = grid.historyEnd;
  const lastPeriod = periodIndex(end, data.frequency);
  const span = PERIODS_PER_YEAR[data.frequency];
  const rowsByPeriod = new Map<number, number[]>();
  const lastYear: number[] = [];
  for (let r = 0; r < data.date.length; r++) {
    const d = data.date[r] as number;
    if (d > end) continue;
    const p = periodIndex(d, data.frequency);
    const list = rowsByPeriod.get(p);
    if (list) list.push(r);
    else rowsByPeriod.set(p, [r]);
    if (p > lastPeriod - span) lastYear.push(r);
  }
  return { rowsByPeriod, lastPeriod, profile: dataQualityProfile(collect(data, lastYear).quality) };
}

/** History rows in the periods from … to moved back whole years until they all lie in the history. */
function seasonalRows(reference: ReferenceColumns, range: { from: number; to: number; frequency: SalesData['frequency'] }) {
  const year = YEAR[range.frequency];
  const back = Math.max(1, Math.ceil((range.to - reference.lastPeriod) / year)) * year;
  const rows: number[] = [];
  for (let p = range.from - back; p <= range.to - back; p++) {
    for (const r of reference.rowsByPeriod.get(p) ?? []) rows.push(r);
  }
  return rows;
}

function currentColumns(data: SalesData, grid: PeriodGrid, range: { from: number; to: number }) {
  const rows: number[] = [];
  for (let t = range.from; t <= range.to; t++) {
    for (let s = 0; s < grid.series; s++) {
      const r = grid.row[t * grid.series + s] as number;
      if (r >= 0) rows.push(r);
    }
  }
  return collect(data, rows);
}

/** The monitored columns of some rows, plus the same in the shape data-quality checks read. */
function collect(data: SalesData, rows: number[]) {
  const numeric = new Map<string, Float64Array>();
  for (const name of Object.keys(data.covariates)) {
    if (CALENDAR_FLAG.test(name)) continue;
    const source = data.covariates[name] as Float64Array;
    numeric.set(name, Float64Array.from(rows, (r) => source[r] as number));
  }
  const categorical = new Map<string, string[]>();
  data.seriesKeys.forEach((key, k) => {
    categorical.set(key, rows.map((r) => data.seriesKeyValues[data.series[r] as number]?.[k] ?? ''));
  });
  const sales = Float64Array.from(rows, (r) => data.sales[r] as number);
  const quality: QualityTable = {
    numeric: Object.fromEntries([...numeric, [data.mapping.sales || 'sales', sales] as const]),
    categorical: Object.fromEntries(categorical),
  };
  return { numeric, categorical, sales, quality };
}

function servedValues(served: Float64Array, grid: PeriodGrid, range: { from: number; to: number }): Float64Array {
  const values: number[] = [];
  for (let t = Math.max(0, range.from); t <= range.to && t < grid.dates.length; t++) {
    for (let s = 0; s < grid.series; s++) {
      const v = served[t * grid.series + s] as number;
      if (Number.isFinite(v)) values.push(v);
    }
  }
  return Float64Array.from(values);
}

function dateRange(data: SalesData, rows: readonly number[]): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const r of rows) {
    const d = data.date[r] as number;
    if (d < start) start = d;
    if (d > end) end = d;
  }
  return rows.length === 0 ? { start: NaN, end: NaN } : { start, end };
}

/**
 * Relative bias (and WAPE, for the timeline's per-store lines) of the served forecasts per value of the first key column that takes several values (the store, in
 * most shop data) over the window. Only that one: the finer keys (products) move with their own prices and
 * promotions, and a dozen more tests would mostly find noise. A segment needs a whole window of rows.
 */
function segmentBiases(data: SalesData, grid: PeriodGrid, range: { from: number; to: number; served: Float64Array }): SegmentBias[] {
  const out: SegmentBias[] = [];
  const k = data.seriesKeys.findIndex((_, key) => new Set(data.seriesKeyValues.map((values) => values[key])).size > 1);
  if (k < 0) return out;
  const column = data.seriesKeys[k] as string;
  {
    const sums = new Map<string, { error: number; absolute: number; actual: number; rows: number }>();
    for (let t = range.from; t <= range.to; t++) {
      for (let s = 0; s < grid.series; s++) {
        const r = grid.row[t * grid.series + s] as number;
        const f = range.served[t * grid.series + s] as number;
        if (r < 0 || !Number.isFinite(f)) continue;
        const y = data.sales[r] as number;
        if (!Number.isFinite(y)) continue;
        const value = data.seriesKeyValues[s]?.[k] ?? '';
        const sum = sums.get(value) ?? { error: 0, absolute: 0, actual: 0, rows: 0 };
        sum.error += f - y;
        sum.absolute += Math.abs(f - y);
        sum.actual += y;
        sum.rows += 1;
        sums.set(value, sum);
      }
    }
    for (const [value, sum] of sums) {
      if (sum.actual > 0 && sum.rows >= range.to - range.from + 1) {
        out.push({ column, value, bias: sum.error / sum.actual, wape: sum.absolute / sum.actual, rows: sum.rows, actual: sum.actual, forecast: sum.actual + sum.error });
      }
    }
  }
  return out;
}
