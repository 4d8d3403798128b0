/**
 * The world after the end of the data, for the simulated clock of the Deploy/Monitor/Retrain stages: every series
 * gets `periods` more periods, as a data feed would deliver them.
 *
 * The world model is a seasonal replay. For series s and future period t, with Y the periods of one year (364 days
 * for daily data, so weekdays stay aligned; 52 weeks; 12 months):
 *
 *   level(t)      = level(t − Y) × growth            level = the observed sales in history, the noise-free value in the future
 *   sales(t)      = max(0, round(level(t) × exp(σ·z − σ²/2)))       z ~ N(0, 1), σ = NOISE_SIGMA; round keeps the history's
 *                                                                   decimals, up or down at random (mean kept)
 *   covariate(t)  = covariate(t − Y)                                 price, promo, holiday, stockout, … of the same row
 *   growth        = mean(last year) / mean(year before), clamped to GROWTH_RANGE; 1 with less than two years
 *
 * When t − Y has no row (a short series, a gap) or no sales, the level falls back to the mean of the series' last
 * observed year; a covariate falls back to 0 for a 0/1 flag and to its last observed value otherwise.
 *
 * Why a replay and not a fitted model: it needs no model of the data, so it works on any imported file (any keys,
 * any covariates, daily, weekly or monthly, one series or thousands), and it cannot favour one forecasting model over
 * another. Whole rows replay together, so a promotion, a holiday or a stockout comes back with the sales that answered
 * it. Reading last year's noise-free level rather than last year's simulated sales keeps the noise from compounding
 * into a random walk over a long simulation. Known simplifications: dates move by 364 days, so a fixed-date holiday
 * (25 December) comes back one day early each year; a series that sold nothing on a day sells nothing a year later.
 *
 * Future dates continue each series' own grid (its weekday for weekly data, its day of month for monthly data) after
 * the last date of the whole data, so every series starts the simulation together even if one ended early.
 *
 * Replay: the same history, periods and seed give the same rows, bit for bit. Each series draws from its own stream,
 * forked from the seed in series order, so a series' future depends on its index and its own history alone.
 */
import type { Frequency, SalesData } from '../data/types';
import { advancePeriods, periodIndex } from '../core/periods';
import { isFlagColumn } from '../data/find-covariate';
import { seriesRows } from '../features/series-rows';
import { scenarioMessages as m } from '../messages/scenarios';
import { createRng } from '../random/rng';
import { checkCount } from '../split/check-count';
import { decimalsOf, stochasticRound } from './stochastic-round';

export interface ContinueSalesOptions {
  history: SalesData;
  /** Future periods to add to every series (0 = the history alone). */
  periods: number;
  /** Integer seed of the simulated future. */
  seed: number;
}

/** Periods in one year, as the replay counts them. */
export const YEAR_PERIODS: Readonly<Record<Frequency, number>> = { daily: 364, weekly: 52, monthly: 12 };
/** Year-over-year growth is clamped to this range: one odd year should not make the future explode or vanish. */
export const GROWTH_RANGE: readonly [number, number] = [0.8, 1.25];
/**
 * Log-scale spread of the fresh noise (about ±8%). Replayed sales already carry last year's noise, so this only needs to
 * keep the future from being a carbon copy of last year; much more and the future would look noisier than the data.
 */
export const NOISE_SIGMA = 0.08;

/** The continuation with what the scenarios need to know about it. */
export interface Continuation {
  data: SalesData;
  /** Per row: −1 for a history row, else its simulated period (0 = the first). */
  step: Int32Array;
  /** First simulated date (the earliest over the series). */
  start: number;
  /** Decimals the history's sales are recorded with (0 = whole units), null when they follow no short decimal grid. */
  salesDecimals: number | null;
}

/** History followed by `periods` simulated periods for every series (see the top of this file). */
export function continueSales(options: ContinueSalesOptions): SalesData {
  return continueSalesWithSteps(options).data;
}

/** `continueSales`, plus each row's simulated period, the first simulated date and the sales' decimals. */
export function continueSalesWithSteps({ history, periods, seed }: ContinueSalesOptions): Continuation {
  checkCount('periods', periods, 0);
  if (!Number.isInteger(seed)) throw new RangeError(m.notSeed(seed));
  const n = history.date.length;
  if (n === 0) throw new RangeError(m.noHistory());
  const { frequency } = history;
  const offsets = seriesRows(history);
  const seriesCount = history.seriesLabels.length;
  let end = -Infinity;
  for (let i = 0; i < n; i++) end = Math.max(end, history.date[i] as number);
  let active = 0;
  for (let s = 0; s < seriesCount; s++) if ((offsets[s + 1] as number) > (offsets[s] as number)) active++;

  // 1. Columns: history copied in, room for the future rows of every series that has rows.
  const total = n + active * periods;
  const names = Object.keys(history.covariates);
  const input = names.map((name) => history.covariates[name] as Float64Array);
  const flag = input.map((column) => isFlagColumn(column));
  const out = {
    date: new Int32Array(total),
    series: new Int32Array(total),
    sales: new Float64Array(total),
    covariates: names.map(() => new Float64Array(total)),
    lines: history.rowLines ? new Int32Array(total) : undefined,
    flags: history.rowFlags ? new Uint8Array(total) : undefined,
  };
  const step = new Int32Array(total).fill(-1);
  const salesDecimals = decimalsOf(history.sales);
  const root = createRng(seed);
  let start = Infinity;
  let row = 0;

  for (let s = 0; s < seriesCount; s++) {
    // Forked for every series, even an empty one, so a series' stream depends on its index alone.
    const rng = root.fork();
    const [a, b] = [offsets[s] as number, offsets[s + 1] as number];
    out.date.set(history.date.subarray(a, b), row);
    out.series.fill(s, row, row + b - a);
    out.sales.set(history.sales.subarray(a, b), row);
    input.forEach((column, c) => out.covariates[c]!.set(column.subarray(a, b), row));
    if (out.lines) out.lines.set(history.rowLines!.subarray(a, b), row);
    if (out.flags) out.flags.set(history.rowFlags!.subarray(a, b), row);
    if (a === b) continue;

    // 2. The series on its period grid: level and output row per period, history first.
    const last = history.date[b - 1] as number;
    const first = periodIndex(history.date[a] as number, frequency);
    const lastSlot = periodIndex(last, frequency) - first;
    const skip = firstStep(last, end, frequency);
    const level = new Float64Array(lastSlot + skip + periods).fill(NaN);
    const rowAt = new Int32Array(level.length).fill(-1);
    for (let i = a; i < b; i++) {
      const slot = periodIndex(history.date[i] as number, frequency) - first;
      level[slot] = history.sales[i] as number;
      rowAt[slot] = row + i - a;
    }
    const lag = YEAR_PERIODS[frequency];
    const growth = yearOverYear(level, lastSlot, lag);
    const fallbackLevel = meanOf(level, lastSlot - lag + 1, lastSlot + 1, meanOf(level, 0, lastSlot + 1, 0));
    const fallbackCovariate = input.map((column, c) => (flag[c] ? 0 : lastFinite(column, a, b)));
    row += b - a;

    // 3. The future, period by period: last year's level × growth × noise; last year's covariates.
    for (let t = 0; t < periods; t++, row++) {
      const slot = lastSlot + skip + t;
      const past = slot - lag;
      const base = past >= 0 ? (level[past] as number) : NaN;
      level[slot] = (Number.isFinite(base) ? base : fallbackLevel) * growth;
      rowAt[slot] = row;
      const noisy = (level[slot] as number) * Math.exp(NOISE_SIGMA * rng.normal() - (NOISE_SIGMA * NOISE_SIGMA) / 2);
      out.sales[row] = Math.max(0, stochasticRound(noisy, salesDecimals, rng));
      out.date[row] = advancePeriods(last, skip + t, frequency);
      out.series[row] = s;
      step[row] = t;
      const source = past >= 0 ? (rowAt[past] as number) : -1;
      out.covariates.forEach((column, c) => (column[row] = source >= 0 ? (column[source] as number) : (fallbackCovariate[c] as number)));
    }
    start = Math.min(start, advancePeriods(last, skip, frequency));
  }

  const data: SalesData = {
    ...history,
    date: out.date,
    series: out.series,
    sales: out.sales,
    covariates: Object.fromEntries(names.map((name, c) => [name, out.covariates[c]!])),
    seriesKeys: [...history.seriesKeys],
    seriesKeyValues: history.seriesKeyValues.map((values) => [...values]),
    seriesLabels: [...history.seriesLabels],
    mapping: { ...history.mapping, keys: [...history.mapping.keys], covariates: [...history.mapping.covariates] },
  };
  if (out.lines) data.rowLines = out.lines;
  if (out.flags) data.rowFlags = out.flags;
  return { data, step, start: Number.isFinite(start) ? start : end, salesDecimals };
}

/** The first step on a series' grid (counted from its last date) that falls after the end of the whole data. */
function firstStep(last: number, end: number, frequency: Frequency): number {
  if (frequency === 'daily') return Math.max(1, end - last + 1);
  if (frequency === 'weekly') return Math.max(1, Math.floor((end - last) / 7) + 1);
  let k = Math.max(1, periodIndex(end, frequency) - periodIndex(last, frequency));
  while (advancePeriods(last, k, frequency) <= end) k++;
  return k;
}

/** Last year's mean over the year before's, clamped; 1 without two years of history or a positive year before. */
function yearOverYear(level: Float64Array, lastSlot: number, lag: number): number {
  if (lastSlot + 1 < 2 * lag) return 1;
  const recent = meanOf(level, lastSlot - lag + 1, lastSlot + 1, NaN);
  const before = meanOf(level, lastSlot - 2 * lag + 1, lastSlot - lag + 1, NaN);
  if (!(recent >= 0 && before > 0)) return 1;
  return Math.min(GROWTH_RANGE[1], Math.max(GROWTH_RANGE[0], recent / before));
}

/** Mean of the finite values in [from, to) (from clamped at 0), or `empty` when there are none. */
function meanOf(values: Float64Array, from: number, to: number, empty: number): number {
  let [sum, count] = [0, 0];
  for (let i = Math.max(0, from); i < to; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) [sum, count] = [sum + v, count + 1];
  }
  return count > 0 ? sum / count : empty;
}

function lastFinite(values: Float64Array, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (Number.isFinite(values[i])) return values[i] as number;
  return NaN;
}
