import { dayOfWeek, isoWeekOfYear, monthOfYear } from '../core/days';
import type { SalesData } from '../data/types';
import { featureMessages } from '../messages/features';
import { seriesScale } from './target-transform';
import type { FeatureSpec, FeatureState } from './types';

/** What compiling needs from a state: the parts fit before the scaler (see fitFeatureState). */
export type FeatureBasis = Pick<FeatureState, 'series' | 'fallbackScale' | 'fill'>;

/** Holiday distances are counted in days and capped: beyond a month away, a holiday no longer moves sales. */
export const HOLIDAY_DISTANCE_CAP = 30;
/** Mean number of ISO weeks in a Gregorian year (400 years hold 20 871 weeks). */
export const WEEKS_PER_YEAR = 20_871 / 400;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One feature row to write: a series' history, the grid position and date of the target, its data row. */
export interface RowInput {
  /** Transformed sales on the series' grid (see seriesHistory); positions before `pos` are read. */
  z: Float64Array;
  pos: number;
  date: number;
  /** The data row at the target date (its covariates), or −1 when the date has no row (a forecast's future). */
  row: number;
  /** Data series index. */
  series: number;
}

/**
 * A spec and a basis, compiled against one SalesData: the column names, and a writer that fills one row's raw
 * (unscaled) features. The public verbs (fitFeatureState, applyFeatures, forecastFromFeatures) all write rows through
 * this one function, so a training row and a forecast step with the same history get the same bytes.
 */
export interface CompiledFeatures {
  names: string[];
  /** Periods of history a row needs: the longest lag or rolling window. */
  warmup: number;
  /** Per column: 1 for a one-hot column (weekday, month, series), which the standard scaler leaves as it is. */
  oneHot: Uint8Array;
  /** Per data series: its 'series-scale' divisor (the state's, or the fallback for a series unseen in training). */
  scaleOf: Float64Array;
  /**
   * What the first columns read from the sales history, in column order (lags, then rolling stats): the only columns a
   * recursive forecast's feedback changes. Every later column depends on the target date, the covariates and the
   * series alone (a model export ships those ready-made; src/lib/export/tfjs-bundle.ts).
   */
  history: HistoryColumn[];
  write(input: RowInput, out: Float64Array): void;
}

/** A column read from the transformed sales z before the target period: z at lag k, or a window's mean or std (n − 1). */
export type HistoryColumn = { lag: number } | { window: number; stat: 'mean' | 'std' };

export function compileFeatures(data: SalesData, spec: FeatureSpec, basis: FeatureBasis): CompiledFeatures {
  const lags = [...new Set(spec.lags)].sort((a, b) => a - b);
  const rolling = spec.rolling.map(({ window, stats }) => ({ window, mean: stats.includes('mean'), std: stats.includes('std') }));
  const { calendar } = spec;
  const monthOneHot = calendar.month && (calendar.monthEncoding ?? (data.frequency === 'monthly' ? 'one-hot' : 'cyclic')) === 'one-hot';
  const holidayName = calendar.holiday;
  const covariateNames = spec.covariates.filter((name) => name !== holidayName);
  const available = Object.keys(data.covariates);
  const column = (name: string): Float64Array => {
    const values = data.covariates[name];
    if (!values) throw new Error(featureMessages.unknownCovariate(name, available));
    return values;
  };
  const holiday = holidayName === null ? null : column(holidayName);
  const covariates = covariateNames.map(column);
  const fills = covariateNames.map((name) => basis.fill[name] ?? 0);

  // 1. Names, in the order the writer fills them; one-hot groups are marked for the scaler to leave alone.
  const names: string[] = [];
  const marks: number[] = [];
  const add = (oneHot: boolean, ...added: string[]): void => {
    names.push(...added);
    for (const _ of added) marks.push(oneHot ? 1 : 0);
  };
  add(false, ...lags.map((k) => `lag_${k}`));
  for (const r of rolling) {
    if (r.mean) add(false, `rolling_mean_${r.window}`);
    if (r.std) add(false, `rolling_std_${r.window}`);
  }
  if (calendar.dayOfWeek) add(true, ...WEEKDAYS.map((d) => `dow_${d}`));
  if (calendar.month) {
    if (monthOneHot) add(true, ...MONTHS.map((m) => `month_${m}`));
    else add(false, 'month_sin', 'month_cos');
  }
  if (calendar.weekOfYear) add(false, 'week_sin', 'week_cos');
  const distance = holiday !== null && calendar.holidayDistance;
  if (holidayName !== null) add(false, holidayName);
  if (distance) add(false, 'days_to_holiday', 'days_since_holiday');
  add(false, ...covariateNames);
  const oneHot = spec.seriesIdentity === 'one-hot';
  if (oneHot) add(true, ...basis.series.map(({ label }) => `series=${label}`));
  if (spec.seriesIdentity === 'level') add(false, 'series_level');
  const history: HistoryColumn[] = lags.map((lag) => ({ lag }));
  for (const { window, mean, std } of rolling) {
    if (mean) history.push({ window, stat: 'mean' });
    if (std) history.push({ window, stat: 'std' });
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(featureMessages.duplicateFeatureName(name));
    seen.add(name);
  }

  // 2. Per data series: its slot among the state's series, its scale and level, its holidays.
  const slotByLabel = new Map<string, number>();
  basis.series.forEach(({ label }, slot) => slotByLabel.has(label) || slotByLabel.set(label, slot));
  const seriesCount = data.seriesLabels.length;
  const slotOf = Int32Array.from(data.seriesLabels, (label) => slotByLabel.get(label) ?? -1);
  const scaleOf = Float64Array.from(slotOf, (slot) => seriesScale(slot < 0 ? basis.fallbackScale : basis.series[slot]!.scale));
  const levelOf = Float64Array.from(scaleOf, (scale) => Math.log(scale));
  const holidays = distance ? holidayDays(data, holiday, seriesCount) : [];

  const warmup = Math.max(0, ...lags, ...rolling.map((r) => r.window));
  const oneHotWidth = oneHot ? basis.series.length : 0;

  // 3. The writer: plain loops over typed arrays, no allocation per row.
  function write({ z, pos, date, row, series }: RowInput, out: Float64Array): void {
    let j = 0;
    for (const k of lags) out[j++] = z[pos - k] as number;
    for (const r of rolling) {
      const from = pos - r.window;
      let sum = 0;
      for (let q = from; q < pos; q++) sum += z[q] as number;
      const mean = sum / r.window;
      if (r.mean) out[j++] = mean;
      if (r.std) {
        let squares = 0;
        for (let q = from; q < pos; q++) {
          const d = (z[q] as number) - mean;
          squares += d * d;
        }
        out[j++] = Math.sqrt(squares / (r.window - 1));
      }
    }
    if (calendar.dayOfWeek) {
      const dow = dayOfWeek(date);
      for (let d = 0; d < 7; d++) out[j++] = d === dow ? 1 : 0;
    }
    if (calendar.month) {
      const month = monthOfYear(date);
      if (monthOneHot) for (let m = 0; m < 12; m++) out[j++] = m === month ? 1 : 0;
      else {
        out[j++] = Math.sin((2 * Math.PI * month) / 12);
        out[j++] = Math.cos((2 * Math.PI * month) / 12);
      }
    }
    if (calendar.weekOfYear) {
      const angle = (2 * Math.PI * (isoWeekOfYear(date) - 1)) / WEEKS_PER_YEAR;
      out[j++] = Math.sin(angle);
      out[j++] = Math.cos(angle);
    }
    if (holiday !== null) out[j++] = row >= 0 && (holiday[row] as number) > 0 ? 1 : 0;
    if (distance) {
      const days = holidays[series]!;
      const next = upperBound(days, date);
      out[j++] = next < days.length ? Math.min(HOLIDAY_DISTANCE_CAP, days[next]! - date) : HOLIDAY_DISTANCE_CAP;
      const previous = lowerBound(days, date) - 1;
      out[j++] = previous >= 0 ? Math.min(HOLIDAY_DISTANCE_CAP, date - days[previous]!) : HOLIDAY_DISTANCE_CAP;
    }
    for (let c = 0; c < covariates.length; c++) {
      const value = row >= 0 ? (covariates[c]![row] as number) : NaN;
      out[j++] = Number.isFinite(value) ? value : fills[c]!;
    }
    if (oneHot) {
      const slot = slotOf[series] as number;
      for (let s = 0; s < oneHotWidth; s++) out[j++] = s === slot ? 1 : 0;
    }
    if (spec.seriesIdentity === 'level') out[j] = levelOf[series] as number; // the last column
  }

  return { names, warmup, oneHot: Uint8Array.from(marks), scaleOf, history, write };
}

/** Per series, the sorted days its holiday flag is set (> 0): holidays are planned, so a row may look ahead to the next one. */
function holidayDays(data: SalesData, flag: Float64Array | null, seriesCount: number): Int32Array[] {
  const lists: number[][] = Array.from({ length: seriesCount }, () => []);
  if (flag) for (let i = 0; i < flag.length; i++) if ((flag[i] as number) > 0) lists[data.series[i] as number]!.push(data.date[i] as number);
  return lists.map((days) => Int32Array.from(days).sort());
}

/** First index whose value is ≥ target. */
function lowerBound(sorted: Int32Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > target. */
function upperBound(sorted: Int32Array, target: number): number {
  return lowerBound(sorted, target + 1);
}
