import type { Frequency, SalesData } from '../data/types';
import { periodIndex } from '../core/periods';
import { findCovariate, STOCKOUT_PATTERN } from '../data/find-covariate';
import { seriesRows } from './series-rows';
import type { FeatureSpec } from './types';

/**
 * Names that say a covariate is planned, hence known for a future date: a price, a promotion or discount, a
 * holiday or event, store opening (Rossmann's `Open`, `StateHoliday`, `SchoolHoliday`), markdowns (Walmart),
 * SNAP days (M5). Anything else (customers, footfall, temperature, a stockout flag) is a same-day outcome or a
 * measurement nobody has in advance: it would leak on past rows and be missing for a forecast, so it stays out
 * by default and the user can add it.
 */
export const KNOWN_IN_ADVANCE_PATTERN = /price|promo|discount|holiday|event|markdown|^open$|is_?open|closed|snap|campaign|coupon|display/i;

/** Up to this many series get one column each; beyond, one level column (a one-hot of thousands bloats the matrix). */
export const ONE_HOT_MAX_SERIES = 50;

interface Defaults {
  lags: number[];
  windows: number[];
  dayOfWeek: boolean;
  weekOfYear: boolean;
  monthEncoding: 'one-hot' | 'cyclic';
}

/**
 * The lags and windows per frequency: the recent periods, then whole seasonal cycles (a week of days, a quarter and
 * a year of weeks, a year of months), the pattern that wins on retail data nobody has tuned for yet.
 */
const DEFAULTS: Record<Frequency, Defaults> = {
  daily: { lags: [1, 2, 3, 4, 5, 6, 7, 14, 21, 28], windows: [7, 28], dayOfWeek: true, weekOfYear: false, monthEncoding: 'cyclic' },
  weekly: { lags: [1, 2, 3, 4, 8, 13, 52], windows: [4, 13], dayOfWeek: false, weekOfYear: true, monthEncoding: 'cyclic' },
  monthly: { lags: [1, 2, 3, 6, 12], windows: [3, 12], dayOfWeek: false, weekOfYear: false, monthEncoding: 'one-hot' },
};

/**
 * Good features for data nobody has looked at, from the data's frequency, length, series count and column names:
 *
 *   lags and rolling mean/std   per frequency (above), keeping only those ≤ half the typical series length, so at
 *                               least half of each series is left as feature rows (weekly lag 52 needs two years)
 *   calendar                    weekday one-hots (daily); week of year as sin/cos (weekly); month (cyclic, or
 *                               12 one-hots for monthly data); a holiday-like 0/1 column as the holiday flag, with
 *                               the days to and from the nearest holiday for daily data
 *   covariates                  every column planned in advance (KNOWN_IN_ADVANCE_PATTERN), never a stockout flag
 *   series identity             none for one series, one-hot up to ONE_HOT_MAX_SERIES, else a level column
 *   target 'series-scale'       sales ÷ the series' mean training sales. Levels differ by orders of magnitude
 *                               between series; dividing puts them on one scale so one model weighs them alike and
 *                               a lag means "relative to usual" everywhere, zeros stay zeros, and the inverse is
 *                               exact and unbiased. log1p also evens levels out, but undoing it on a predicted mean
 *                               gives the geometric mean, which under-forecasts counts (retransformation bias), and it
 *                               stretches the 0–3 range of slow movers.
 *   scale 'standard'            inputs standardised with training means/stds (one-hot columns left as they are)
 */
export function defaultFeatureSpec(data: SalesData): FeatureSpec {
  const defaults = DEFAULTS[data.frequency];
  const half = Math.floor(typicalLength(data) / 2);
  const lags = defaults.lags.filter((k) => k <= half);
  const windows = defaults.windows.filter((w) => w <= half);
  const holiday = findCovariate(data, { pattern: /holiday/i, flagOnly: true });
  const seriesCount = data.seriesLabels.length;
  return {
    version: 1,
    lags: lags.length > 0 ? lags : [1],
    rolling: windows.map((window) => ({ window, stats: ['mean', 'std'] })),
    calendar: {
      dayOfWeek: defaults.dayOfWeek,
      month: true,
      monthEncoding: defaults.monthEncoding,
      weekOfYear: defaults.weekOfYear,
      holiday,
      holidayDistance: holiday !== null && data.frequency === 'daily',
    },
    covariates: Object.keys(data.covariates).filter(
      (name) => name !== holiday && KNOWN_IN_ADVANCE_PATTERN.test(name) && !STOCKOUT_PATTERN.test(name) && hasValues(data.covariates[name]!),
    ),
    seriesIdentity: seriesCount <= 1 ? 'none' : seriesCount <= ONE_HOT_MAX_SERIES ? 'one-hot' : 'level',
    target: 'series-scale',
    scale: 'standard',
  };
}

/** The median series length in periods of the data's frequency (first to last row). */
function typicalLength(data: SalesData): number {
  const offsets = seriesRows(data);
  const lengths: number[] = [];
  for (let s = 0; s + 1 < offsets.length; s++) {
    const begin = offsets[s] as number;
    const end = offsets[s + 1] as number;
    if (end > begin) {
      lengths.push(periodIndex(data.date[end - 1] as number, data.frequency) - periodIndex(data.date[begin] as number, data.frequency) + 1);
    }
  }
  lengths.sort((a, b) => a - b);
  return lengths[(lengths.length - 1) >> 1] ?? 0;
}

function hasValues(values: Float64Array): boolean {
  return values.some((v) => Number.isFinite(v));
}
