import { NO_VERSION, type ServedLog, type ServedPeriod } from './served-log';

/** The actual sales of a series on a day (days since 1970-01-01); NaN or undefined while unknown. */
export type ActualLookup = (series: number, date: number) => number | undefined;

export interface MatchActualsOptions {
  /** First target period to match; the first period logged by default. */
  from?: number;
  /** Last target period to match, e.g. `arrivedThrough(t, delay)`; the last one any forecast reaches by default. */
  through?: number;
}

/**
 * Served forecasts next to the actuals they forecast, one row per (series, target period) with a known actual and at
 * least one forecast, ordered by period, then series. Per row, H forecasts: `served[r · H + k]` is the forecast made
 * k + 1 periods ahead of the row's period (in request period − k), by version `servedBy[r · H + k]`; NaN and −1
 * where none was made (the first periods have no forecasts from before the cutoff). The same for `shadow`.
 */
export interface MatchedForecasts {
  horizon: number;
  /** The log's version labels, which `servedBy` and `shadowBy` index. */
  versions: string[];
  series: Int32Array;
  period: Int32Array;
  date: Int32Array;
  actual: Float64Array;
  served: Float64Array;
  servedBy: Int16Array;
  shadow: Float64Array;
  shadowBy: Int16Array;
}

/** Match the log against the actuals known so far. */
export function matchActuals(log: ServedLog, actual: ActualLookup, options: MatchActualsOptions = {}): MatchedForecasts {
  const { horizon: H, seriesCount } = log;
  const byPeriod = new Map<number, ServedPeriod>(log.periods.map((p) => [p.period, p]));
  const first = log.periods[0]?.period ?? 0;
  const lastRequest = log.periods[log.periods.length - 1]?.period ?? -1;
  const from = Math.max(options.from ?? first, first);
  const through = Math.min(options.through ?? lastRequest + H - 1, lastRequest + H - 1);
  const rows = { series: [] as number[], period: [] as number[], date: [] as number[], actual: [] as number[] };
  const served: number[] = [];
  const servedBy: number[] = [];
  const shadow: number[] = [];
  const shadowBy: number[] = [];
  const requests: (ServedPeriod | undefined)[] = new Array(H);
  for (let p = from; p <= through; p++) {
    for (let k = 0; k < H; k++) requests[k] = byPeriod.get(p - k);
    for (let s = 0; s < seriesCount; s++) {
      let date: number | null = null;
      for (let k = 0; k < H && date === null; k++) {
        const request = requests[k];
        if (request && (request.servedBy[s] !== NO_VERSION || request.shadowBy[s] !== NO_VERSION)) date = request.dates[k] as number;
      }
      if (date === null) continue;
      const y = actual(s, date);
      if (y === undefined || !Number.isFinite(y)) continue;
      rows.series.push(s);
      rows.period.push(p);
      rows.date.push(date);
      rows.actual.push(y);
      for (let k = 0; k < H; k++) {
        const request = requests[k];
        const cell = s * H + k;
        served.push(request ? (request.served[cell] as number) : NaN);
        servedBy.push(request ? (request.servedBy[s] as number) : NO_VERSION);
        shadow.push(request?.shadow ? (request.shadow[cell] as number) : NaN);
        shadowBy.push(request ? (request.shadowBy[s] as number) : NO_VERSION);
      }
    }
  }
  return {
    horizon: H,
    versions: [...log.versions],
    series: Int32Array.from(rows.series),
    period: Int32Array.from(rows.period),
    date: Int32Array.from(rows.date),
    actual: Float64Array.from(rows.actual),
    served: Float64Array.from(served),
    servedBy: Int16Array.from(servedBy),
    shadow: Float64Array.from(shadow),
    shadowBy: Int16Array.from(shadowBy),
  };
}
