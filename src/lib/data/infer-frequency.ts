import type { Frequency } from './types';
import { civilFromDays, daysInMonth } from '../core/days';

export interface InferFrequencyOptions {
  /** Per date, its series index; absent = one series. */
  series?: ArrayLike<number>;
}

export interface FrequencyInference {
  /** The frequency most steps follow, or null when no series has two distinct dates. */
  frequency: Frequency | null;
  /** Per series index, its own modal frequency (null with fewer than two distinct dates). */
  seriesFrequency: (Frequency | null)[];
  /** Share of steps that do not fit `frequency` (0–1), see below. */
  disagreement: number;
  /** True when `disagreement` is at least `MIXED_SHARE`, or any series has a frequency of its own. */
  mixed: boolean;
  /** Series holding at least one step that does not fit `frequency`, ascending. */
  irregularSeries: number[];
  /** The series the mix is about (empty when not mixed): all irregular ones, or those at another frequency. */
  mixedSeries: number[];
}

/** A tenth of all steps: below that, odd steps are noise (a holiday moved a weekly stamp), not a second frequency. */
export const MIXED_SHARE = 0.1;

// Class indices double as offsets into a series' tally: [all steps, week multiples, month multiples].
const DAY = 0;
const WEEK = 1;
const MONTH = 2;
const FREQUENCIES: Frequency[] = ['daily', 'weekly', 'monthly'];
/** Stands for the order 0, 1, 2… without allocating it. */
const IDENTITY = new Int32Array(0);

/**
 * The frequency of dated rows, robust to gaps and to many series.
 *
 * 1. Per series, the steps between consecutive distinct dates are counted: all, multiples of 7 days, whole calendar
 *    months (same day of month, or month-end to month-end; see monthStep).
 * 2. A series' frequency is the coarsest period nearly all its steps (all but `MIXED_SHARE`) are multiples of, so
 *    gaps (two weeks, three months) do not change it, and neither does one stamp moved by a holiday.
 * 3. The file's frequency is the one most steps belong to. A step disagrees when its series has another frequency, or
 *    when it is not a whole multiple of the file's period (every step is a whole number of days). A share of
 *    disagreeing steps of `MIXED_SHARE` or more marks the file as mixed, and so does any series at a frequency of
 *    its own, however short.
 */
export function inferFrequency(dates: ArrayLike<number>, options: InferFrequencyOptions = {}): FrequencyInference {
  const series = options.series ?? new Int32Array(dates.length);
  const order = sortedOrder(dates, series);
  let seriesCount = 0;
  for (let i = 0; i < series.length; i++) if (series[i]! >= seriesCount) seriesCount = series[i]! + 1;

  // 1. Per series: [all steps, multiples of 7 days, whole months].
  const tally = new Float64Array(seriesCount * 3);
  for (let i = 1; i < dates.length; i++) {
    const prev = order === IDENTITY ? i - 1 : order[i - 1]!;
    const row = order === IDENTITY ? i : order[i]!;
    const s = series[row]!;
    const step = dates[row]! - dates[prev]!;
    if (s !== series[prev] || step <= 0) continue;
    const t = s * 3;
    tally[t]!++;
    if (step % 7 === 0) tally[t + 1]!++;
    if (step >= 28 && monthStep(dates[prev]!, dates[row]!) > 0) tally[t + 2]!++;
  }

  // 2. Each series' frequency, and the votes (its steps) for the table's.
  const seriesFrequency: (Frequency | null)[] = [];
  const votes = [0, 0, 0];
  let total = 0;
  for (let s = 0; s < seriesCount; s++) {
    const own = seriesClass(tally[s * 3]!, tally[s * 3 + 1]!, tally[s * 3 + 2]!);
    seriesFrequency.push(own === null ? null : FREQUENCIES[own]!);
    if (own !== null) votes[own]! += tally[s * 3]!;
    total += tally[s * 3]!;
  }
  if (total === 0) return { frequency: null, seriesFrequency, disagreement: 0, mixed: false, irregularSeries: [], mixedSeries: [] };
  const cls = votes[MONTH]! > votes[WEEK]! && votes[MONTH]! > votes[DAY]! ? MONTH : votes[WEEK]! > votes[DAY]! ? WEEK : DAY;
  const frequency = FREQUENCIES[cls]!;

  // 3. Steps that disagree with it.
  let disagreeing = 0;
  const irregular = new Set<number>();
  for (let s = 0; s < seriesCount; s++) {
    const t = s * 3;
    const fitting = seriesFrequency[s] !== frequency ? 0 : tally[t + cls]!;
    const off = tally[t]! - fitting;
    if (off > 0) {
      disagreeing += off;
      irregular.add(s);
    }
  }
  const disagreement = disagreeing / total;
  const irregularSeries = [...irregular].sort((a, b) => a - b);
  // A whole series at another frequency is never noise, however few of the file's steps it holds (one weekly store
  // among forty daily ones is 0.4 % of the steps).
  const ownFrequency = seriesFrequency.flatMap((own, s) => (own !== null && own !== frequency ? [s] : []));
  const mixedSeries = disagreement >= MIXED_SHARE ? irregularSeries : ownFrequency;
  return { frequency, seriesFrequency, disagreement, mixed: mixedSeries.length > 0, irregularSeries, mixedSeries };
}

/** The coarsest period (month, week, day) that all but `MIXED_SHARE` of a series' steps are whole multiples of. */
function seriesClass(all: number, weekMultiples: number, monthMultiples: number): number | null {
  if (all === 0) return null;
  const enough = (1 - MIXED_SHARE) * all;
  return monthMultiples >= enough ? MONTH : weekMultiples >= enough ? WEEK : DAY;
}

/**
 * Whole calendar months from `from` to `to` (same day of month, or both month-ends), or 1 for a step of at most 31
 * days into the next month; 0 otherwise.
 */
export function monthStep(from: number, to: number): number {
  if (to - from < 28) return 0;
  const a = civilFromDays(from);
  const b = civilFromDays(to);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  if (a.day === b.day || (a.day === daysInMonth(a.year, a.month) && b.day === daysInMonth(b.year, b.month))) return months;
  // One month between stamps that wander by a few days (the last business day of each month, say).
  return months === 1 && to - from <= 31 ? 1 : 0;
}

/** Row indices in (series, date) order; `IDENTITY` when the input already is (the usual case for SalesData). */
function sortedOrder(dates: ArrayLike<number>, series: ArrayLike<number>): Int32Array {
  const n = dates.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) {
    const ds = series[i]! - series[i - 1]!;
    if (ds < 0 || (ds === 0 && dates[i]! < dates[i - 1]!)) sorted = false;
  }
  if (sorted) return IDENTITY;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => series[a]! - series[b]! || dates[a]! - dates[b]!);
}
