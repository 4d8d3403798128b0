import type { SalesData } from '../data/types';
import { dayOfWeek, monthOfYear } from '../core/days';
import { seriesRanges } from '../data/series-ranges';
import { STOCKOUT_PATTERN } from '../data/find-covariate';
import { KNOWN_IN_ADVANCE_PATTERN } from '../features/default-feature-spec';
import type { BaselineOptions } from './baseline-types';
import { prepareBaseline } from './prepare-baseline';
import type { FittedParams, Forecast, SeriesFit } from './types';

/** Years of history the regression is fitted on: enough for the month effects, recent enough for today's level. */
const HISTORY_DAYS = 4 * 365;
/** z-score of the 90th percentile of a normal: the 80 % interval's half-width in residual standard deviations. */
const Z90 = 1.2815515655446004;
/** A whisper of ridge on every coefficient but the intercept, so an empty month or a constant covariate cannot make the system singular. */
const RIDGE = 1e-9;

/**
 * A global calendar regression: one least-squares fit over every series, with no lags.
 *
 *   z = sales ÷ (the series' mean sales over the last year)          one scale for every series, as the features use
 *   log z ~ 1 + trend (years) + weekday (daily) + month + known covariates     (linear in z when zeros are common)
 *   forecast = exp(x·β + σ²/2) × scale, P10/P90 = exp(x·β ∓ 1.28σ) × scale    (σ²/2: the mean, not the median, of a log-normal)
 *
 * Why it earns a place beside the per-series and neural models: data whose pattern is a stable weekday × season
 * shape with noise on top (the Kaggle store-item file) is forecast best by averaging that shape over every series and
 * every year, which a model reading yesterday's noisy sales as lags cannot do (Prophet's idea, pooled across series).
 * The selection folds decide whether it fits a given file; it is cheap (a p × p system, p ≈ 20).
 */
export function calendarRegressionForecast(data: SalesData, options: BaselineOptions): CalendarRegression {
  const { forecast } = prepareBaseline(data, options);
  const unfitted: CalendarRegression = { forecast, shared: null, fits: [] };
  const cutoff = options.cutoff;
  const { start, end } = seriesRanges(data);
  const covariates = Object.keys(data.covariates).filter((name) => KNOWN_IN_ADVANCE_PATTERN.test(name) && !STOCKOUT_PATTERN.test(name));
  const fills = covariates.map((name) => meanBefore(data.covariates[name]!, data.date, cutoff));
  const daily = data.frequency === 'daily';
  const p = 2 + (daily ? 6 : 0) + 11 + covariates.length;
  const row = new Float64Array(p);
  const write = (day: number, dataRow: number) => {
    row.fill(0);
    row[0] = 1;
    row[1] = (day - cutoff) / 365.25;
    let j = 2;
    if (daily) {
      const dow = dayOfWeek(day);
      if (dow > 0) row[j + dow - 1] = 1;
      j += 6;
    }
    const month = monthOfYear(day);
    if (month > 0) row[j + month - 1] = 1;
    j += 11;
    covariates.forEach((name, c) => {
      const value = dataRow >= 0 ? (data.covariates[name]![dataRow] as number) : NaN;
      row[j + c] = Number.isFinite(value) ? value : (fills[c] as number);
    });
  };

  // 1. Scales, and whether the log model fits (zeros are rare).
  const scale = new Float64Array(data.seriesLabels.length);
  let positive = 0;
  let observed = 0;
  for (let s = 0; s < scale.length; s++) {
    let sum = 0;
    let count = 0;
    for (let i = start[s] as number; i < (end[s] as number); i++) {
      const day = data.date[i] as number;
      const v = data.sales[i] as number;
      if (day > cutoff || day <= cutoff - HISTORY_DAYS || !Number.isFinite(v)) continue;
      observed++;
      if (v > 0) positive++;
      if (day > cutoff - 365) {
        sum += v;
        count++;
      }
    }
    scale[s] = count > 0 && sum > 0 ? sum / count : 0;
  }
  const useLog = observed > 0 && positive / observed >= 0.95;

  // Every training row, its features written into `row`, with its target.
  const forEachTrainingRow = (visit: (target: number) => void) => {
    for (let s = 0; s < scale.length; s++) {
      const k = scale[s] as number;
      if (!(k > 0)) continue;
      for (let i = start[s] as number; i < (end[s] as number); i++) {
        const day = data.date[i] as number;
        const v = data.sales[i] as number;
        if (day > cutoff || day <= cutoff - HISTORY_DAYS || !Number.isFinite(v) || (useLog && v <= 0)) continue;
        write(day, i);
        visit(useLog ? Math.log(v / k) : v / k);
      }
    }
  };

  // 2. Normal equations over the training rows.
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  let n = 0;
  forEachTrainingRow((target) => {
    for (let a = 0; a < p; a++) {
      const ra = row[a] as number;
      if (ra === 0) continue;
      xty[a] = (xty[a] as number) + ra * target;
      for (let b = 0; b < p; b++) xtx[a * p + b] = (xtx[a * p + b] as number) + ra * (row[b] as number);
    }
    n++;
  });
  if (n <= p) return unfitted;
  for (let a = 1; a < p; a++) xtx[a * p + a] = (xtx[a * p + a] as number) + RIDGE * n;
  const beta = solveSymmetric(xtx, xty, p);
  if (!beta) return unfitted;

  // 3. Residual spread, then the forecast rows.
  let ss = 0;
  forEachTrainingRow((target) => {
    const residual = target - dot(beta, row);
    ss += residual * residual;
  });
  const sigma = Math.sqrt(ss / Math.max(1, n - p));
  forecast.p10 = new Float64Array(forecast.p50.length).fill(NaN);
  forecast.p90 = new Float64Array(forecast.p50.length).fill(NaN);
  const rowOf = futureRows(data, start, end);
  for (let at = 0; at < forecast.p50.length; at++) {
    const s = forecast.series[at] as number;
    const k = scale[s] as number;
    if (!(k > 0)) continue;
    const day = forecast.date[at] as number;
    write(day, rowOf(s, day));
    const mu = dot(beta, row);
    if (useLog) {
      forecast.p50[at] = Math.exp(mu + (sigma * sigma) / 2) * k;
      forecast.p10[at] = Math.exp(mu - Z90 * sigma) * k;
      forecast.p90[at] = Math.exp(mu + Z90 * sigma) * k;
    } else {
      forecast.p50[at] = Math.max(0, mu * k);
      forecast.p10[at] = Math.max(0, (mu - Z90 * sigma) * k);
      forecast.p90[at] = Math.max(0, (mu + Z90 * sigma) * k);
    }
  }
  const names = ['(Intercept)', 't', ...(daily ? [1, 2, 3, 4, 5, 6].map((d) => `dow${d}`) : []), ...Array.from({ length: 11 }, (_, i) => `mon${i + 2}`), ...covariates];
  const params: FittedParams = {
    target: useLog ? 'log' : 'linear',
    coefficients: Object.fromEntries(names.map((name, j) => [name, beta[j] as number])),
    sigma,
    fills: Object.fromEntries(covariates.map((name, c) => [name, fills[c] as number])),
    historyDays: HISTORY_DAYS,
    nobs: n,
  };
  const form = `Calendar regression (${useLog ? 'log' : 'linear'})`;
  const fits: SeriesFit[] = [];
  scale.forEach((k, series) => {
    if (k > 0) fits.push({ series, form, params: { scale: k } });
  });
  return { forecast, shared: params, fits };
}

export interface CalendarRegression {
  forecast: Forecast;
  /**
   * The one fit every series shares, as R's lm() would name it: `(Intercept)`, `t` (years from the cutoff), `dow1` …
   * `dow6` (0 = Monday the baseline), `mon2` … `mon12`, each covariate by its column; with the residual σ and the
   * fills of missing covariates. Null when too few rows or a singular system left nothing fitted (forecasts NaN).
   */
  shared: FittedParams | null;
  /** Per series it forecasts, its scale: the mean sales of its last year, which z = sales ÷ scale divides by. */
  fits: SeriesFit[];
}

/** The data row of (series, day), for the covariates known in advance on a forecast date; −1 when there is none. */
function futureRows(data: SalesData, start: Int32Array, end: Int32Array): (series: number, day: number) => number {
  return (series, day) => {
    let lo = start[series] as number;
    let hi = end[series] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((data.date[mid] as number) < day) lo = mid + 1;
      else hi = mid;
    }
    return lo < (end[series] as number) && data.date[lo] === day ? lo : -1;
  };
}

function meanBefore(values: Float64Array, date: Int32Array, cutoff: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if ((date[i] as number) <= cutoff && Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/** A · x = b for a symmetric positive definite A (p × p, row-major) by Cholesky; null when A is not positive definite. */
export function solveSymmetric(a: Float64Array, b: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * p + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * p + k] as number) * (l[j * p + k] as number);
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * p + i] = Math.sqrt(sum);
      } else {
        l[i * p + j] = sum / (l[j * p + j] as number);
      }
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * p + k] as number) * (y[k] as number);
    y[i] = sum / (l[i * p + i] as number);
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < p; k++) sum -= (l[k * p + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * p + i] as number);
  }
  return x;
}
