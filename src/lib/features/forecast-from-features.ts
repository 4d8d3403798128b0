import { advancePeriods, periodIndex } from '../core/periods';
import type { Frequency, SalesData } from '../data/types';
import { featureMessages } from '../messages/features';
import type { Forecast } from '../models/types';
import { checkState } from './check-state';
import { compileFeatures, type CompiledFeatures, type RowInput } from './compile-features';
import { scaleRow } from './scale-row';
import { seriesHistory, type SeriesHistory } from './series-history';
import { seriesRows } from './series-rows';
import { inverseTransformTarget, transformTarget } from './target-transform';
import type { FeatureSpec, FeatureState } from './types';

/** A model's forward pass: `rows` feature rows (row-major) in, rows × k outputs out (k = 1, or one per quantile). */
export type PredictFn = (x: Float32Array, rows: number) => Float32Array | Promise<Float32Array>;

export interface FeatureForecastOptions {
  data: SalesData;
  spec: FeatureSpec;
  state: FeatureState;
  /** The forecast origin (days since epoch): sales dated after it are never read. */
  cutoff: number;
  /** Steps ahead, in periods of the data's frequency. */
  horizon: number;
  predict: PredictFn;
  /**
   * The quantile of each output column when `predict` returns several per row, ascending (e.g. [0.1, 0.5, 0.9]).
   * Default: [0.1, 0.5, 0.9] for three columns. The 0.5 column (else the middle one) is the point forecast.
   */
  quantiles?: number[];
  /**
   * A DIRECT multi-horizon model's steps (ModelSpec.steps): `predict` returns, for the first step's row, the outputs
   * of every step in turn, and is called once. Absent: recursive, one output set per row and step.
   */
  steps?: number;
}

/**
 * A forecast from the features, RECURSIVE one-step-ahead (the default; see ./types.ts) or DIRECT multi-horizon:
 *
 *   recursive  for h = 1 … H:  rows at cutoff + h for every series ──► predict ──► median fed back as the next steps' lag
 *   direct     rows at cutoff + 1 for every series ──► predict once ──► outputs of step h read from block h
 *
 *   1. Per series, its history on the period grid from sales dated ≤ cutoff only (missing values carried forward,
 *      as in training), extended by H empty periods.
 *   2. Each step writes one row per series through the same writer as training (compileFeatures), with the known
 *      covariates of the target date from the data (a target date without a row takes the training fills), scales
 *      it with the state's scaler, and calls `predict` once for all series.
 *   3. The median output is written into the history (the next steps read it as a lag and in rolling windows);
 *      every output is inverse-transformed to sales. P10/P90 are conditional on the median path so far: they carry
 *      the model's one-step uncertainty, not the error that accumulates over the steps.
 *
 * Direct: the model learnt step h from the features of the first step's row (its lags end at the cutoff, its calendar
 * and covariates are the first step's), so nothing is fed back and errors do not compound, but the later steps' own
 * covariates (a promotion on step 5) are not seen. Its outputs pass the same bounds as the fed-back values.
 *
 * A series without `warmup` periods of history at the cutoff (or with none) gets no forecast; the result holds
 * the others in data order, step by step.
 */
export async function forecastFromFeatures(options: FeatureForecastOptions): Promise<Forecast> {
  const { data, spec, state, cutoff, horizon, predict } = options;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(featureMessages.badHorizon(horizon));
  if (!Number.isInteger(cutoff)) throw new RangeError(featureMessages.badCutoff(cutoff));
  const compiled = compileFeatures(data, spec, state);
  checkState({ data, spec, compiled, state });
  const width = compiled.names.length;

  // 1. Histories of the series that can be forecast.
  const active = forecastOrigins({ data, spec, compiled, cutoff, horizon });

  const m = active.length;
  const forecast: Forecast = {
    series: new Int32Array(m * horizon),
    date: new Int32Array(m * horizon),
    step: new Int32Array(m * horizon),
    p50: new Float64Array(m * horizon),
  };
  const values = new Float64Array(width);
  const input: RowInput = { z: values, pos: 0, date: 0, row: -1, series: 0 };
  let columns: OutputColumns | null = null;
  const steps = options.steps ?? 1;
  if (!Number.isInteger(steps) || steps < 1 || (steps > 1 && steps < horizon)) throw new RangeError(featureMessages.badSteps(steps, horizon));

  let predicted: { out: Float32Array; columns: OutputColumns } | null = null;
  for (let h = 1; h <= horizon && m > 0; h++) {
    // Recursive: a prediction per step. Direct: the first step's prediction holds every step, block h − 1 for step h.
    const block = steps === 1 ? 0 : h - 1;
    if (block === 0 || predicted === null) predicted = await predictRows(h);
    const { out, columns: { k, median, p10, p90 } } = predicted;
    const at0 = (j: number) => j * k * steps + block * k;
    if (p10 >= 0) forecast.p10 ??= new Float64Array(m * horizon);
    if (p90 >= 0) forecast.p90 ??= new Float64Array(m * horizon);

    // 3. Feed the median back; store every output as sales.
    active.forEach(({ series, history, base, dates, bounds }, j) => {
      // A guard against run-away feedback (see feedbackBounds), whose lower bound also keeps sales non-negative.
      const z = Math.min(bounds[1], Math.max(bounds[0], out[at0(j) + median] as number));
      history.z[base + h] = z;
      const scale = compiled.scaleOf[series] as number;
      const at = j * horizon + h - 1;
      forecast.series[at] = series;
      forecast.date[at] = dates[h - 1] as number;
      forecast.step[at] = h;
      const sales = (value: number) => Math.max(0, inverseTransformTarget(spec.target, Math.min(bounds[1], Math.max(bounds[0], value)), scale));
      forecast.p50[at] = sales(z);
      if (forecast.p10) forecast.p10[at] = sales(out[at0(j) + p10] as number);
      if (forecast.p90) forecast.p90[at] = sales(out[at0(j) + p90] as number);
    });
  }
  return forecast;

  /** 2. One row per series at cutoff + h, predicted; a fresh buffer, since `predict` may transfer it to a worker. */
  async function predictRows(h: number): Promise<{ out: Float32Array; columns: OutputColumns }> {
    const x = new Float32Array(m * width);
    active.forEach(({ series, history, base, dates }, j) => {
      input.z = history.z;
      input.pos = base + h;
      input.date = dates[h - 1] as number;
      input.row = history.rowAt[base + h] ?? -1;
      input.series = series;
      compiled.write(input, values);
      scaleRow(values, state.scaler, x, j * width);
    });
    const out = await predict(x, m);
    // A direct model returns every step's outputs for the row: the columns are those of one step.
    columns ??= outputColumns(out.length / steps, m, options.quantiles);
    if (out.length !== m * columns.k * steps) throw new Error(featureMessages.badPrediction(out.length, m));
    return { out, columns };
  }
}

/** A series that can be forecast from a cutoff, and where each of its steps stands. */
export interface ForecastOrigin {
  /** Data series index. */
  series: number;
  /** Its transformed sales on its period grid, read up to the cutoff and extended through the last step. */
  history: SeriesHistory;
  /** The cutoff's grid position: step h's target sits at base + h. */
  base: number;
  /** The date of each step (stepDates). */
  dates: Int32Array;
  /** The range, in transformed units, every output is held to (feedbackBounds). */
  bounds: [number, number];
}

export interface ForecastOriginsInput {
  data: SalesData;
  spec: FeatureSpec;
  compiled: CompiledFeatures;
  cutoff: number;
  horizon: number;
}

/**
 * Step 1 of forecastFromFeatures: each series with `warmup` periods of history at the cutoff, in data order (the others
 * get no forecast). A model export writes its inputs from these (src/lib/export/tfjs-bundle.ts).
 */
export function forecastOrigins({ data, spec, compiled, cutoff, horizon }: ForecastOriginsInput): ForecastOrigin[] {
  const { frequency } = data;
  const origin = periodIndex(cutoff, frequency);
  const offsets = seriesRows(data);
  const active: ForecastOrigin[] = [];
  for (let s = 0; s + 1 < offsets.length; s++) {
    const begin = offsets[s] as number;
    const end = offsets[s + 1] as number;
    if (end <= begin) continue;
    const history = seriesHistory(data, {
      begin, end, target: spec.target, scale: compiled.scaleOf[s] as number, until: cutoff, through: origin + horizon,
    });
    const base = origin - history.start;
    if (history.firstObserved < 0 || base + 1 - compiled.warmup < history.firstObserved) continue;
    const bounds = feedbackBounds({ z: history.z, base, target: spec.target, scale: compiled.scaleOf[s] as number });
    active.push({ series: s, history, base, dates: stepDates({ data, history, base, horizon, frequency }), bounds });
  }
  return active;
}

interface FeedbackBoundsInput {
  /** The series' transformed history; positions 0…base are observed (or carried forward). */
  z: Float64Array;
  base: number;
  target: FeatureSpec['target'];
  scale: number;
}

/**
 * The range a fed-back prediction may take, returned in the transformed target's units: the series' observed SALES
 * range [lo, hi] widened by 2·w on each side, w = max(hi − lo, |hi|) (so a flat series still has room), and never
 * below 0. A recursive forecast multiplies its own errors (a lag weight above 1 compounds over the steps), and a
 * half-trained model can otherwise run off to absurd values; real demand that leaves this range within one horizon
 * is rare, and the cap is recorded here rather than hidden in a model.
 *
 * Widened in sales, then mapped through the transform, not widened in z: under 'log1p' a series near 400 000 sales
 * has z ≈ 12.9, and widening THAT by twice its size lets z reach ≈ 39, i.e. expm1(39) ≈ 9·10¹⁶ sales. Every
 * transform is increasing, so the z range's ends are the sales range's ends, and the bounds map back in order.
 */
function feedbackBounds({ z, base, target, scale }: FeedbackBoundsInput): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i <= base && i < z.length; i++) {
    const v = z[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi >= lo)) return [-Infinity, Infinity];
  const low = inverseTransformTarget(target, lo, scale);
  const high = inverseTransformTarget(target, hi, scale);
  const width = Math.max(high - low, Math.abs(high), 1e-9);
  return [transformTarget(target, Math.max(0, low - 2 * width), scale), transformTarget(target, high + 2 * width, scale)];
}

/** How many outputs per row, and which column is the median, P10 and P90 (−1 when absent). */
export interface OutputColumns {
  k: number;
  median: number;
  p10: number;
  p90: number;
}

export function outputColumns(length: number, rows: number, quantiles: number[] | undefined): OutputColumns {
  const k = length / rows;
  if (!Number.isInteger(k) || k < 1) throw new Error(featureMessages.badPrediction(length, rows));
  if (k === 1 && quantiles === undefined) return { k, median: 0, p10: -1, p90: -1 };
  const q = quantiles ?? (k === 3 ? [0.1, 0.5, 0.9] : []);
  if (q.length !== k) throw new Error(featureMessages.badQuantiles(k, q));
  const find = (p: number) => q.findIndex((v) => Math.abs(v - p) < 1e-9);
  const median = find(0.5);
  return { k, median: median >= 0 ? median : (k - 1) >> 1, p10: find(0.1), p90: find(0.9) };
}

interface StepDatesInput {
  data: SalesData;
  history: SeriesHistory;
  base: number;
  horizon: number;
  frequency: Frequency;
}

/**
 * The date of each step: the data row's own date when the target period has a row (its covariates are used too),
 * else counted on from the series' last row before it (a day, 7 days, or a calendar month per period).
 */
function stepDates({ data, history, base, horizon, frequency }: StepDatesInput): Int32Array {
  const dates = new Int32Array(horizon);
  let anchorPos = -1;
  let anchorDate = 0;
  for (let pos = Math.min(base, history.rowAt.length - 1); pos >= 0; pos--) {
    const row = history.rowAt[pos] as number;
    if (row >= 0) {
      anchorPos = pos;
      anchorDate = data.date[row] as number;
      break;
    }
  }
  for (let h = 1; h <= horizon; h++) {
    const pos = base + h;
    const row = history.rowAt[pos] ?? -1;
    if (row >= 0) {
      anchorPos = pos;
      anchorDate = data.date[row] as number;
      dates[h - 1] = anchorDate;
      continue;
    }
    dates[h - 1] = advancePeriods(anchorDate, pos - anchorPos, frequency);
  }
  return dates;
}
