import { dayToIso } from '../core/days';
import { finiteOrNull } from '../core/finite';
import type { SalesData } from '../data/types';
import { SEASON_LENGTH } from '../data/validate-sales';
import type { ClassicalKind, FittedParams, Forecast, SeriesFit } from '../models/types';
import type { ClassicalParams, ClassicalSeriesParams } from './types';

/**
 * What a run keeps of a classical model's test window (RunArtifacts.classical): each fitted series' form and
 * parameters beside the forecast as it was scored — after the clip at zero and the closed periods' zeros, so the
 * numbers a download carries are the ones the leaderboard measured. Small by design: a few numbers per series and
 * step, never the history.
 */
export function classicalParams(options: {
  model: ClassicalKind;
  data: SalesData;
  cutoff: number;
  /** The window's forecast as scored. */
  forecast: Forecast;
  fits: SeriesFit[];
  shared?: FittedParams | null;
}): ClassicalParams {
  const { model, data, forecast, fits } = options;
  const rows = new Map<number, number[]>();
  for (let i = 0; i < forecast.p50.length; i++) {
    const s = forecast.series[i] as number;
    const list = rows.get(s) ?? [];
    list.push(i);
    rows.set(s, list);
  }
  const series = fits.map(({ series: s, form, params }): ClassicalSeriesParams => {
    const at = (rows.get(s) ?? []).sort((a, b) => (forecast.step[a] as number) - (forecast.step[b] as number));
    const read = (values: Float64Array | undefined) => at.map((i) => finiteOrNull(values?.[i]));
    return {
      label: data.seriesLabels[s] ?? String(s),
      form,
      params,
      dates: at.map((i) => dayToIso(forecast.date[i] as number)),
      p50: read(forecast.p50),
      p10: read(forecast.p10),
      p90: read(forecast.p90),
    };
  });
  return {
    model,
    frequency: data.frequency,
    season: SEASON_LENGTH[data.frequency],
    cutoff: dayToIso(options.cutoff),
    ...(options.shared ? { shared: options.shared } : {}),
    series,
  };
}
