import type { SalesData } from '../data/types';
import type { SegmentBias } from '../monitor/alert-raise';
import type { Alert } from '../monitor/alert-rules';
import type { PeriodGrid } from '../core/period-grid';

/** A store (one value of the segment key) whose sales moved to a new level, as monitoring saw it. */
export interface LevelShift {
  column: string;
  value: string;
  /** Its series (indices into the data's series). */
  series: number[];
  /** The first simulated period at the new level, and its date (days since 1970-01-01). */
  period: number;
  from: number;
}

export interface DetectLevelShiftsOptions {
  data: SalesData;
  grid: PeriodGrid;
  /** The served next-period forecasts, `served[t * series + s]`. */
  served: Float64Array;
  /** The newest period with actuals. */
  known: number;
  /** This period's bias per store (the monitor report's). */
  segments: readonly SegmentBias[];
  /** The segment-bias rule: a store whose forecasts are off by more than this share has shifted. */
  threshold: number;
  /** Alerts so far: a data-quality alert since the shift says broken data, not a new level. */
  alerts: readonly Pick<Alert, 'kind' | 'period'>[];
  /** Shifts found before. */
  previous: readonly LevelShift[];
}

/**
 * The level shifts monitoring has seen so far: `previous`, plus every store whose served forecasts are now off by
 * more than the segment-bias rule (the condition of its bias alert), each found once. When the shift began is
 * estimated from the served log, not taken from the alert: the alert fires only once the shift fills enough of a
 * monitoring window, weeks after it began. The estimate is the split of the store's periods into two runs of the log
 * ratio Σ actual / Σ forecast with the least squared error (one change in the mean, the step of binary segmentation); the
 * forecasts take the weekday and the season out of the sales, so what is left steps at the shift.
 *
 * A data-quality alert at or after the estimated start leaves the store out: a feed in the wrong units or with a
 * column gone is a bug to fix, and a model that learnt it as the new level would have to unlearn it after the fix.
 */
export function detectLevelShifts(options: DetectLevelShiftsOptions): LevelShift[] {
  const { data, grid, served, known, threshold, alerts, previous } = options;
  const found = [...previous];
  for (const segment of options.segments) {
    if (Math.abs(segment.bias) <= threshold || found.some((f) => f.column === segment.column && f.value === segment.value)) continue;
    const key = data.seriesKeys.indexOf(segment.column);
    const series = data.seriesKeyValues.flatMap((values, s) => (values[key] === segment.value ? [s] : []));
    const period = shiftStart(logRatios({ data, grid, served, known, series }));
    if (period === null || alerts.some((a) => a.kind === 'data-quality' && a.period >= period)) continue;
    found.push({ column: segment.column, value: segment.value, series, period, from: grid.dates[period] as number });
  }
  return found;
}

/** Per period through `known`: ln(Σ actual / Σ served forecast) over the series, where both sums are positive. */
function logRatios(options: Pick<DetectLevelShiftsOptions, 'data' | 'grid' | 'served' | 'known'> & { series: readonly number[] }): { period: number; value: number }[] {
  const { data, grid, served, known, series } = options;
  const out: { period: number; value: number }[] = [];
  for (let t = 0; t <= known && t < grid.dates.length; t++) {
    let actual = 0;
    let forecast = 0;
    for (const s of series) {
      const r = grid.row[t * grid.series + s] as number;
      const f = served[t * grid.series + s] as number;
      const y = r < 0 ? NaN : (data.sales[r] as number);
      if (!Number.isFinite(y) || !Number.isFinite(f)) continue;
      actual += y;
      forecast += f;
    }
    if (actual > 0 && forecast > 0) out.push({ period: t, value: Math.log(actual / forecast) });
  }
  return out;
}

/** The first period of the second run in the least-squares split of the values into two runs (null: fewer than two). */
function shiftStart(points: readonly { period: number; value: number }[]): number | null {
  const n = points.length;
  let total = 0;
  let squares = 0;
  for (const { value } of points) {
    total += value;
    squares += value * value;
  }
  let best = Infinity;
  let start: number | null = null;
  let left = 0;
  for (let i = 1; i < n; i++) {
    left += (points[i - 1] as { value: number }).value;
    const right = total - left;
    // Σ squares minus what each run's own mean explains: the error of splitting before point i.
    const error = squares - (left * left) / i - (right * right) / (n - i);
    if (error < best) {
      best = error;
      start = (points[i] as { period: number }).period;
    }
  }
  return start;
}
