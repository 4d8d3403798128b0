import type { PeriodGrid } from '../core/period-grid';
import type { SalesData } from '../data/types';
import type { Forecast } from '../models/types';
import type { SimulationSnapshot } from '../ops/types';

/** Call `write(series, p50)` for every series' forecast at one step ahead. */
export function writeStep(forecast: Forecast, step: number, write: (series: number, value: number) => void): void {
  for (let i = 0; i < forecast.p50.length; i++) {
    if (forecast.step[i] === step) write(forecast.series[i] as number, forecast.p50[i] as number);
  }
}

/** Total actual sales per simulated date (what the forecast chart compares with, once arrived). */
export function totalActuals(data: SalesData, grid: PeriodGrid): Map<number, number> {
  const totals = new Map<number, number>();
  for (let t = 0; t < grid.dates.length; t++) {
    let sum = 0;
    let any = false;
    for (let s = 0; s < grid.series; s++) {
      const r = grid.row[t * grid.series + s] as number;
      const y = r < 0 ? NaN : (data.sales[r] as number);
      if (Number.isFinite(y)) {
        sum += y;
        any = true;
      }
    }
    if (any) totals.set(grid.dates[t] as number, sum);
  }
  return totals;
}

export interface ServedSummaryOptions {
  /** The newest request's forecast, and how many of its first steps are periods already past (`lead`). */
  forecast: Forecast;
  lead: number;
  /** The newest date whose actuals have arrived. */
  knownDate: number;
  /** Served next-period forecasts, period × series. */
  served: Float64Array;
  grid: PeriodGrid;
  totals: Map<number, number>;
  period: number;
  horizon: number;
}

/**
 * What the Deploy stage draws: the served next-period forecasts of the last two horizons against the actuals that
 * arrived for them, then the newest request's forecast ahead, all summed over series. Actuals only where they have
 * arrived: the page never sees ahead.
 */
export function servedSummary(options: ServedSummaryOptions): SimulationSnapshot['lastForecast'] {
  const { forecast, lead, knownDate, served, grid, totals, period, horizon } = options;
  const S = grid.series;
  const points: SimulationSnapshot['lastForecast'] = [];
  for (let p = Math.max(1, period - 2 * horizon); p <= period && p < grid.dates.length; p++) {
    let sum = 0;
    let any = false;
    for (let s = 0; s < S; s++) {
      const f = served[p * S + s] as number;
      if (Number.isFinite(f)) {
        sum += f;
        any = true;
      }
    }
    const date = grid.dates[p] as number;
    if (any) points.push({ date, forecast: sum, actual: date <= knownDate ? (totals.get(date) ?? null) : null });
  }
  const byDate = new Map<number, number>();
  for (let i = 0; i < forecast.p50.length; i++) {
    if ((forecast.step[i] as number) <= lead + 1) continue;
    const date = forecast.date[i] as number;
    byDate.set(date, (byDate.get(date) ?? 0) + (forecast.p50[i] as number));
  }
  for (const [date, value] of [...byDate.entries()].sort((a, b) => a[0] - b[0])) points.push({ date, forecast: value, actual: null });
  return points;
}
