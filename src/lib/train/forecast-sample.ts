import type { SalesData } from '../data/types';
import type { Forecast } from '../models/types';
import type { ForecastSample, ModelName } from '../runs/types';
import { dayToIso } from '../core/days';
import { finiteOrNull } from '../core/finite';

/**
 * What the predicted-vs-actual chart draws for one model over a window: the total over all series (P50 summed;
 * no band, since summed quantiles are not the total's quantiles) and the biggest series with its P10–P90 band.
 */
export function forecastSample(data: SalesData, forecast: Forecast, options: { model: ModelName }): ForecastSample {
  const actual = actualsByKey(data);
  const totals = new Map<number, { actual: number; p50: number; missing: boolean }>();
  const volume = new Map<number, number>();
  for (let i = 0; i < forecast.p50.length; i++) {
    const s = forecast.series[i] as number;
    const d = forecast.date[i] as number;
    const y = actual.get(key(s, d));
    const p50 = forecast.p50[i] as number;
    const t = totals.get(d) ?? { actual: 0, p50: 0, missing: false };
    t.p50 += Number.isFinite(p50) ? p50 : 0;
    if (y === undefined || !Number.isFinite(y)) t.missing = true;
    else t.actual += y;
    totals.set(d, t);
    volume.set(s, (volume.get(s) ?? 0) + (y !== undefined && Number.isFinite(y) ? y : 0));
  }
  const top = [...volume.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const rows: ForecastSample['rows'] = [...totals.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([d, t]) => ({ date: dayToIso(d), series: 'total', actual: t.missing ? null : t.actual, p10: null, p50: t.p50, p90: null }));
  for (let i = 0; i < forecast.p50.length; i++) {
    const s = forecast.series[i] as number;
    if (s !== top) continue;
    const d = forecast.date[i] as number;
    const y = actual.get(key(s, d));
    rows.push({
      date: dayToIso(d),
      series: data.seriesLabels[s] ?? String(s),
      actual: y === undefined || !Number.isFinite(y) ? null : y,
      p10: finiteOrNull(forecast.p10?.[i]),
      p50: forecast.p50[i] as number,
      p90: finiteOrNull(forecast.p90?.[i]),
    });
  }
  return { model: options.model, rows };
}

const key = (series: number, date: number) => series * 1e6 + date;

function actualsByKey(data: SalesData): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < data.date.length; i++) map.set(key(data.series[i] as number, data.date[i] as number), data.sales[i] as number);
  return map;
}
