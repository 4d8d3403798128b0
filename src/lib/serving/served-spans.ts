import { NO_VERSION, type ServedLog } from './served-log';

/** A run of consecutive logged periods in which one version served most series. */
export interface ServedSpan {
  version: string;
  /** First and last simulated period of the run. */
  from: number;
  to: number;
  /** Day of the first period, and the day the period after the last one starts (exclusive), days since 1970-01-01. */
  start: number;
  end: number;
}

/**
 * Which version served when, for the timeline's background bands: per period the version that answered most
 * series (the champion, even while a canary serves a few), merged into runs. Periods nobody answered are left out.
 * A span ends where the next period starts (step 2's day), so a one-day span still has a width and bands touch.
 */
export function servedSpans(log: ServedLog): ServedSpan[] {
  const spans: ServedSpan[] = [];
  const counts = new Int32Array(log.versions.length);
  for (const entry of log.periods) {
    const main = mostServing(entry.servedBy, counts);
    if (main === NO_VERSION) continue;
    const version = log.versions[main] as string;
    const day = entry.dates[0] as number;
    const end = entry.dates.length > 1 ? (entry.dates[1] as number) : day + 1;
    const open = spans[spans.length - 1];
    if (open && open.version === version && open.to === entry.period - 1) {
      open.to = entry.period;
      open.end = end;
    } else {
      spans.push({ version, from: entry.period, to: entry.period, start: day, end });
    }
  }
  return spans;
}

/** The version index answering most series (the lowest on a tie), or NO_VERSION; `counts` is scratch space. */
function mostServing(servedBy: Int16Array, counts: Int32Array): number {
  counts.fill(0);
  for (const v of servedBy) if (v !== NO_VERSION) counts[v]!++;
  let main = NO_VERSION;
  for (let v = 0; v < counts.length; v++) {
    const c = counts[v] as number;
    if (c > 0 && (main === NO_VERSION || c > (counts[main] as number))) main = v;
  }
  return main;
}
