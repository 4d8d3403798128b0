import { servingMessages as M } from '../messages/serving';
import { NO_VERSION, type ServedLog, type ServedPeriod } from './served-log';

/** Per series, the version label that answered (null: none), or one label for every series. */
export type VersionBySeries = string | readonly (string | null)[];

/** One period of serving, as the loop has it: version labels rather than the log's indices. */
export interface ServedEntry {
  period: number;
  /** Target day of steps 1 … H. */
  dates: ArrayLike<number>;
  servedBy: VersionBySeries;
  /** seriesCount × horizon, series-major; NaN where a series got no forecast. */
  served: ArrayLike<number>;
  shadow?: { by: VersionBySeries; forecasts: ArrayLike<number> } | null;
}

/**
 * The log with one more period: a new object (the old one is left as it was, so a reactive `$state.raw` sees the
 * change), its arrays copied from the entry. Periods must come in increasing order and every array must have the
 * log's shape: a mismatch throws, since a silently shifted forecast would corrupt every metric after it.
 */
export function appendServed(log: ServedLog, entry: ServedEntry): ServedLog {
  const { horizon, seriesCount } = log;
  const last = log.periods[log.periods.length - 1];
  if (last !== undefined && entry.period <= last.period) throw new Error(M.periodOutOfOrder(entry.period, last.period));
  const cells = horizon * seriesCount;
  checkLength('dates', entry.dates.length, horizon);
  checkLength('served', entry.served.length, cells);
  if (entry.shadow) checkLength('shadow', entry.shadow.forecasts.length, cells);
  const versions = [...log.versions];
  const period: ServedPeriod = {
    period: entry.period,
    dates: Int32Array.from(entry.dates),
    servedBy: versionIndices(entry.servedBy, versions, seriesCount),
    served: Float64Array.from(entry.served),
    shadowBy: entry.shadow ? versionIndices(entry.shadow.by, versions, seriesCount) : new Int16Array(seriesCount).fill(NO_VERSION),
    shadow: entry.shadow ? Float64Array.from(entry.shadow.forecasts) : null,
  };
  return { ...log, versions, periods: [...log.periods, period] };
}

function checkLength(field: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(M.wrongLength(field, actual, expected));
}

/** Labels to indices into `versions`, adding labels seen for the first time. */
function versionIndices(by: VersionBySeries, versions: string[], seriesCount: number): Int16Array {
  if (typeof by !== 'string') checkLength('servedBy', by.length, seriesCount);
  const out = new Int16Array(seriesCount);
  for (let s = 0; s < seriesCount; s++) {
    const label = typeof by === 'string' ? by : by[s];
    if (label === null || label === undefined) {
      out[s] = NO_VERSION;
      continue;
    }
    let index = versions.indexOf(label);
    if (index < 0) index = versions.push(label) - 1;
    out[s] = index;
  }
  return out;
}
