/**
 * What the simulated endpoint answered, period by period, kept compact enough for a year of daily serving:
 *
 *   request in period t ──► forecasts for periods t … t+H−1 (steps 1 … H), per series, by the version that served it
 *                       └─► shadow: another version's forecasts for the same requests, logged and never served
 *   actuals arrive ──► matchActuals ──► per (series, period): actual, forecast made 1 … H steps ahead, version
 *
 * Forecasts are Float64Arrays, series-major (series s, step k + 1 at s · H + k), NaN where there is none; versions
 * are indices into the log's `versions`. Typed arrays, like SalesData's, cross to and from a worker as transferables
 * and are kept by IndexedDB as they are (../storage/to-json-safe encodes them for a JSON backup).
 */
export interface ServedLog {
  /** Steps per forecast. */
  horizon: number;
  /** Series per period, in SalesData.seriesLabels order. */
  seriesCount: number;
  /** Version labels (registry versions, e.g. "v3"), in order of first appearance. */
  versions: string[];
  /** In increasing `period` order. */
  periods: ServedPeriod[];
}

export interface ServedPeriod {
  /** The simulated period the requests were made in (0 = the first period after the training cutoff). */
  period: number;
  /** Target day of steps 1 … H (days since 1970-01-01); step 1 is the period itself. */
  dates: Int32Array;
  /** Per series, the index into `versions` of the version that answered; −1: no answer (a failed request). */
  servedBy: Int16Array;
  /** seriesCount × horizon forecasts served. */
  served: Float64Array;
  /** Per series, the version that forecast in shadow; −1: none. */
  shadowBy: Int16Array;
  /** seriesCount × horizon shadow forecasts; null when nothing ran in shadow this period. */
  shadow: Float64Array | null;
}

/** No answer, no shadow: the index that stands for "no version". */
export const NO_VERSION = -1;

export function createServedLog({ horizon, seriesCount }: { horizon: number; seriesCount: number }): ServedLog {
  return { horizon, seriesCount, versions: [], periods: [] };
}
