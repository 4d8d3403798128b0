import type { MatchedForecasts } from '../serving/match-actuals';
import { forEachPair } from '../serving/for-each-pair';
import type { StepChoice } from '../serving/select-steps';

export interface RollingWapeOptions {
  /** Periods per window (W): each point pools its own period and the W − 1 before it. */
  window: number;
  steps?: StepChoice;
  /** Only this version's forecasts, served or in shadow; null (the default): whatever was served. */
  version?: string | null;
}

export interface RollingWapePoint {
  period: number;
  /** Day of the period (days since 1970-01-01). */
  date: number;
  /** Σ|ŷ − y| / Σ|y| over the window; null when its actuals sum to 0. */
  wape: number | null;
  /** Pairs in the window. */
  rows: number;
}

/**
 * The served forecasts' WAPE over a sliding window of periods, one point per period that has matched rows: the line
 * of the operations timeline. Sums per period first, then pools the window's periods.
 */
export function rollingWape(matched: MatchedForecasts, { window, steps = 'all', version = null }: RollingWapeOptions): RollingWapePoint[] {
  const index = version === null ? null : matched.versions.indexOf(version);
  if (index === -1) return [];
  const perPeriod = new Map<number, { date: number; errors: number; total: number; rows: number }>();
  forEachPair(matched, { steps, version: index, sources: index === null ? ['served'] : ['served', 'shadow'] }, (row, y, f) => {
    const p = matched.period[row] as number;
    let sums = perPeriod.get(p);
    if (!sums) perPeriod.set(p, (sums = { date: matched.date[row] as number, errors: 0, total: 0, rows: 0 }));
    sums.errors += Math.abs(f - y);
    sums.total += Math.abs(y);
    sums.rows++;
  });
  const periods = [...perPeriod.keys()].sort((a, b) => a - b);
  const width = Math.max(1, Math.floor(window));
  // Each window is summed afresh (periods × W additions): a running sum that subtracts would leave rounding crumbs,
  // and a crumb over an all-zero window is a nonsense WAPE.
  let tail = 0;
  return periods.map((p, head) => {
    while ((periods[tail] as number) <= p - width) tail++;
    let errors = 0;
    let total = 0;
    let rows = 0;
    for (let i = tail; i <= head; i++) {
      const sums = perPeriod.get(periods[i] as number)!;
      errors += sums.errors;
      total += sums.total;
      rows += sums.rows;
    }
    return { period: p, date: perPeriod.get(p)!.date, wape: total > 0 ? errors / total : null, rows };
  });
}
