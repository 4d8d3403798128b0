import type { SalesData } from '../data/types';
import { SEASON_LENGTH } from '../data/validate-sales';
import type { BaselineOptions } from './baseline-types';
import { forecastArima } from './classical/arima';
import { forecastEts } from './classical/ets';
import { forecastTheta } from './classical/theta';
import { prepareBaseline } from './prepare-baseline';
import type { Forecast, SeriesFit, SeriesForecast, SeriesModelOptions } from './types';

export type PerSeriesKind = 'ets' | 'theta' | 'arima';

const FIT: Record<PerSeriesKind, (y: Float64Array, options: SeriesModelOptions) => SeriesForecast> = {
  ets: forecastEts,
  theta: forecastTheta,
  arima: forecastArima,
};

export interface ClassicalForecast {
  forecast: Forecast;
  /** The forms chosen, most frequent first: 'ETS(M,Ad,M) ×7'. */
  forms: string[];
  /** Each fitted series' form and parameters (a series with no history has none). */
  fits: SeriesFit[];
}

/**
 * A per-series classical model over every series of the table: each series' history up to the cutoff on its period
 * grid (a missing period filled by straight-line interpolation between its neighbours, as R's na.interp does for
 * non-seasonal gaps), fitted alone, forecast `horizon` periods on. Forecasts below zero are clipped to zero (sales are
 * never negative; the peers' protocol clips too). A series with no history gets NaN, as the baselines do.
 */
export function classicalForecast(kind: PerSeriesKind, data: SalesData, options: BaselineOptions): ClassicalForecast {
  const { histories, forecast, horizon } = prepareBaseline(data, options);
  const season = SEASON_LENGTH[data.frequency];
  forecast.p10 = new Float64Array(forecast.p50.length).fill(NaN);
  forecast.p90 = new Float64Array(forecast.p50.length).fill(NaN);
  const forms = new Map<string, number>();
  const fits: SeriesFit[] = [];
  for (const { series, values, periods } of histories) {
    if (values.length === 0) continue;
    const fitted = FIT[kind](onGrid(values, periods), { season, horizon });
    forms.set(fitted.form, (forms.get(fitted.form) ?? 0) + 1);
    fits.push({ series, form: fitted.form, params: fitted.params });
    for (let k = 0; k < horizon; k++) {
      const at = series * horizon + k;
      forecast.p50[at] = Math.max(0, fitted.p50[k] as number);
      forecast.p10[at] = Math.max(0, fitted.p10[k] as number);
      forecast.p90[at] = Math.max(0, fitted.p90[k] as number);
    }
  }
  const ordered = [...forms.entries()].sort((a, b) => b[1] - a[1]).map(([form, count]) => (count > 1 ? `${form} ×${count}` : form));
  return { forecast, forms: ordered, fits };
}

/** Observed values at their periods → one value per period from the first to the last, gaps interpolated. */
function onGrid(values: number[], periods: number[]): Float64Array {
  const first = periods[0] as number;
  const y = new Float64Array((periods.at(-1) as number) - first + 1);
  for (let i = 0; i < values.length; i++) {
    const at = (periods[i] as number) - first;
    y[at] = values[i] as number;
    const prev = i > 0 ? (periods[i - 1] as number) - first : at;
    for (let gap = prev + 1; gap < at; gap++) {
      const t = (gap - prev) / (at - prev);
      y[gap] = (values[i - 1] as number) * (1 - t) + (values[i] as number) * t;
    }
  }
  return y;
}
