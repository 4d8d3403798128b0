import type { SalesData } from '../data/types';
import { SEASON_LENGTH } from '../data/validate-sales';
import { finiteOrNull } from '../core/finite';
import { evaluateMessages } from '../messages/evaluate';
import type { Forecast } from '../models/types';
import type { CostModel } from '../scope/cost-model';
import { alignForecast } from './align-forecast';
import { bias } from './bias';
import { biasPercent } from './bias-percent';
import { businessMetrics, type BusinessMetrics } from './business-metrics';
import { intervalCoverage } from './interval-coverage';
import { mae } from './mae';
import { mape } from './mape';
import { mase } from './mase';
import { matchForecast } from './match-forecast';
import { metricsBy, type GroupMetrics } from './metrics-by';
import { pinballLoss } from './pinball-loss';
import { rmse } from './rmse';
import { seriesScales } from './series-scales';
import { smape } from './smape';
import { valueEstimate, type ValueEstimate } from './value-estimate';
import { wape } from './wape';

export interface EvaluateForecastInput {
  /** The sales table: actuals for the forecast rows (matched by series and period) and the training history. */
  data: SalesData;
  forecast: Forecast;
  /** Last day of training: history for the MASE scale is the rows up to the cutoff's period. */
  cutoff: number;
  cost: CostModel;
  /** Covariates of `data` to break bias down by, read as flags (> 0 = on, 0 = off), e.g. ['holiday', 'promo']. */
  flags?: string[];
  /** A baseline's forecast for the same rows: the business view then says what the model saves against it. */
  baseline?: Forecast | null;
  /** Season length for MASE; default `SEASON_LENGTH[data.frequency]` (7, 52, 12). */
  season?: number;
  /**
   * Per data row, 1 = leave this row out of the score: its actual counts in no metric, and in the history it makes no
   * pair of a MASE scale, so the scale is the seasonal naive's error over the same kind of periods. For scoring open
   * periods only (see ./closed-periods: `closedMask`).
   */
  exclude?: Uint8Array;
}

/** What a data scientist compares models by. */
export interface DataScientistView {
  mae: number | null;
  rmse: number | null;
  mase: number | null;
  smape: number | null;
  /** Pinball loss at 0.1, 0.5 (the point forecast) and 0.9; null for a quantile the forecast lacks. */
  pinball: { p10: number | null; p50: number | null; p90: number | null };
  /** Share of actuals inside [P10, P90]; null without an interval. */
  coverage80: number | null;
}

/** Bias (forecast − actual) on the rows where a flag is on and where it is off. */
export interface FlagBreakdown {
  flag: string;
  on: GroupMetrics | null;
  off: GroupMetrics | null;
}

/** What a demand planner reads: relative error and which way the forecast leans, also on special days. */
export interface ExpertView {
  wape: number | null;
  mape: number | null;
  bias: number | null;
  biasPercent: number | null;
  byFlag: FlagBreakdown[];
}

/** What the shop's owner reads: stock and money under the cost model, a year's value against the baseline. */
export interface BusinessView extends BusinessMetrics {
  value: ValueEstimate | null;
}

export interface SeriesMetrics extends GroupMetrics {
  label: string;
  mase: number | null;
}

/** The metric table for three roles, plus breakdowns. Plain JSON: null stands for a metric that is undefined ("–"). */
export interface ForecastEvaluation {
  cutoff: number;
  horizon: number;
  season: number;
  /** Forecast rows, and how many of them have an actual. */
  rows: number;
  matched: number;
  /** Forecast rows with an actual that `exclude` left out (not in `matched`); absent without `exclude`. */
  excluded?: number;
  dataScientist: DataScientistView;
  expert: ExpertView;
  business: BusinessView;
  /** Error by horizon step (key = step, 1-based). */
  byStep: GroupMetrics[];
  /** Error by series (key = series index). */
  bySeries: SeriesMetrics[];
  warnings: string[];
}

/**
 * Scores a forecast against the actuals:
 *   1. line actuals (and baseline, flags) up with the forecast rows by series and period;
 *   2. per-series MASE scales from the history up to the cutoff;
 *   3. the three role views; 4. breakdowns by step and series.
 * MASE across series: each error divided by its own series' scale, then averaged (see ./mase.ts).
 * Rows `exclude` marks (closed days) take part in none of it, as if their sales were missing.
 */
export function evaluateForecast(input: EvaluateForecastInput): ForecastEvaluation {
  const { forecast, cutoff, cost, flags = [], baseline = null, exclude } = input;
  // A left-out row reads as a row without sales, which every metric and the MASE scale already skip.
  const data = exclude ? { ...input.data, sales: input.data.sales.map((v, r) => (exclude[r] === 1 ? NaN : v)) } : input.data;
  const season = input.season ?? SEASON_LENGTH[data.frequency];

  // 1. Alignment.
  const { row, actual } = alignForecast(data, forecast);
  const f = forecast.p50;
  const n = f.length;
  let matched = 0;
  let excluded = 0;
  let horizon = 0;
  for (let i = 0; i < n; i++) {
    const r = row[i] as number;
    if (!Number.isNaN(actual[i] as number) && !Number.isNaN(f[i] as number)) matched++;
    else if (exclude?.[r] === 1 && !Number.isNaN((input.data.sales[r] as number) - (f[i] as number))) excluded++;
    horizon = Math.max(horizon, forecast.step[i] as number);
  }
  const baselineValues = baseline ? matchForecast(forecast, baseline, data.frequency) : null;

  // 2. Scales.
  const scaleOfSeries = seriesScales(data, { cutoff, season });
  const scale = Float64Array.from(forecast.series, (s) => scaleOfSeries[s] ?? NaN);
  const unscaled = new Set<number>();
  for (let i = 0; i < n; i++) {
    const q = scale[i] as number;
    if (!(q > 0 && Number.isFinite(q)) && !Number.isNaN((actual[i] as number) - (f[i] as number))) unscaled.add(forecast.series[i] as number);
  }

  // 3. Role views.
  const { p10, p90 } = forecast;
  const dataScientist: DataScientistView = {
    mae: finiteOrNull(mae(actual, f)),
    rmse: finiteOrNull(rmse(actual, f)),
    mase: finiteOrNull(mase(actual, f, scale)),
    smape: finiteOrNull(smape(actual, f)),
    pinball: {
      p10: p10 ? finiteOrNull(pinballLoss(actual, p10, 0.1)) : null,
      p50: finiteOrNull(pinballLoss(actual, f, 0.5)),
      p90: p90 ? finiteOrNull(pinballLoss(actual, p90, 0.9)) : null,
    },
    coverage80: p10 && p90 ? finiteOrNull(intervalCoverage(actual, p10, p90)) : null,
  };
  const expert: ExpertView = {
    wape: finiteOrNull(wape(actual, f)),
    mape: finiteOrNull(mape(actual, f)),
    bias: finiteOrNull(bias(actual, f)),
    biasPercent: finiteOrNull(biasPercent(actual, f)),
    byFlag: flags.map((flag) => flagBreakdown(flag, data.covariates[flag], { row, actual, forecast: f })),
  };
  const money = businessMetrics(actual, f, cost, { baseline: baselineValues });
  const business: BusinessView = {
    ...money,
    value: money.savings === null || horizon === 0 ? null : valueEstimate(money.savings, { periods: horizon, frequency: data.frequency }),
  };

  // 4. Breakdowns.
  const byStep = metricsBy(actual, f, forecast.step);
  const bySeries = metricsBy(actual, f, forecast.series).map((g): SeriesMetrics => {
    const s = g.key as number;
    const q = scaleOfSeries[s] ?? NaN;
    return { ...g, label: data.seriesLabels[s] ?? String(s), mase: finiteOrNull(seriesMase({ actual, forecast: f, series: forecast.series, s, q })) };
  });

  const warnings = unscaled.size > 0 ? [evaluateMessages.noScale(unscaled.size)] : [];
  return { cutoff, horizon, season, rows: n, matched, ...(exclude ? { excluded } : {}), dataScientist, expert, business, byStep, bySeries, warnings };
}

interface Aligned {
  row: Int32Array;
  actual: Float64Array;
  forecast: Float64Array;
}

function flagBreakdown(flag: string, column: Float64Array | undefined, { row, actual, forecast }: Aligned): FlagBreakdown {
  if (!column) return { flag, on: null, off: null };
  const state = Float64Array.from(row, (r) => {
    const v = r < 0 ? NaN : (column[r] as number);
    return Number.isNaN(v) ? NaN : v > 0 ? 1 : 0;
  });
  const groups = metricsBy(actual, forecast, state);
  return { flag, on: groups.find((g) => g.key === 1) ?? null, off: groups.find((g) => g.key === 0) ?? null };
}

function seriesMase(o: { actual: Float64Array; forecast: Float64Array; series: Int32Array; s: number; q: number }): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < o.series.length; i++) {
    if (o.series[i] !== o.s) continue;
    const e = (o.forecast[i] as number) - (o.actual[i] as number);
    if (Number.isNaN(e)) continue;
    sum += Math.abs(e);
    n++;
  }
  return n > 0 && o.q > 0 && Number.isFinite(o.q) ? sum / n / o.q : NaN;
}
