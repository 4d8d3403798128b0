import type { SalesData } from '../data/types';
import { seriesRows } from '../features/series-rows';
import type { Forecast } from '../models/types';

/**
 * Each series of a table as a table of its own (views over the same typed arrays, no copies), for online requests:
 * one request, one series. The feature state matches series by label, so a view forecasts like the whole table.
 */
export function seriesViews(data: SalesData): { series: number; view: SalesData }[] {
  const offsets = seriesRows(data);
  const views: { series: number; view: SalesData }[] = [];
  for (let s = 0; s + 1 < offsets.length; s++) {
    const begin = offsets[s] as number;
    const end = offsets[s + 1] as number;
    if (end <= begin) continue;
    const { rowLines: _lines, rowFlags: _flags, ...rest } = data;
    views.push({
      series: s,
      view: {
        ...rest,
        date: data.date.subarray(begin, end),
        series: new Int32Array(end - begin),
        sales: data.sales.subarray(begin, end),
        covariates: Object.fromEntries(Object.entries(data.covariates).map(([name, values]) => [name, values.subarray(begin, end)])),
        seriesKeyValues: [data.seriesKeyValues[s] ?? []],
        seriesLabels: [data.seriesLabels[s] ?? ''],
      },
    });
  }
  return views;
}

/** One forecast from per-series answers (each numbering its one series 0), series put back to their own index. */
export function mergeForecasts(parts: readonly { series: number; forecast: Forecast }[]): Forecast {
  const length = parts.reduce((n, p) => n + p.forecast.p50.length, 0);
  const out: Forecast = { series: new Int32Array(length), date: new Int32Array(length), step: new Int32Array(length), p50: new Float64Array(length) };
  const withBands = parts.every((p) => p.forecast.p10 && p.forecast.p90);
  if (withBands) {
    out.p10 = new Float64Array(length);
    out.p90 = new Float64Array(length);
  }
  let at = 0;
  for (const { series, forecast } of parts) {
    const n = forecast.p50.length;
    out.series.fill(series, at, at + n);
    out.date.set(forecast.date, at);
    out.step.set(forecast.step, at);
    out.p50.set(forecast.p50, at);
    if (withBands) {
      out.p10!.set(forecast.p10!, at);
      out.p90!.set(forecast.p90!, at);
    }
    at += n;
  }
  return out;
}
