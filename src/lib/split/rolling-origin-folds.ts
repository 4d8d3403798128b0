import type { SalesData } from '../data/types';
import { periodIndex } from '../eda/calendar';
import { evaluateMessages } from '../messages/evaluate';
import { checkCount } from './check-count';
import { cutSeries } from './cut-series';
import { dateSpan } from './date-span';
import { periodEnd } from './period-end';
import type { Fold, RollingOrigin } from './types';

export interface RollingOriginOptions {
  /** Periods of history the first fold trains on, at least. */
  initial: number;
  /** Periods between consecutive cutoffs. */
  period: number;
  /** Periods each fold tests after its cutoff. */
  horizon: number;
  /** Keep only the latest N folds; default all that fit. */
  folds?: number | null;
  /** Each fold trains on the last N periods up to its cutoff only; default null = all history. */
  trainingWindow?: number | null;
}

/**
 * Backtest cutoffs as Prophet's `cross_validation` places them: the last cutoff is `horizon` periods before the end,
 * earlier ones follow every `period` periods going back, as long as at least `initial` periods of history lie up to
 * the cutoff (first period of the data through the cutoff, inclusive). Each fold trains on everything up to its cutoff
 * (or its window) and tests the periods (cutoff, cutoff + horizon]. Folds come oldest first; a fold whose test window
 * holds no row is left out (with a warning) rather than moved, unlike Prophet.
 */
export function rollingOriginFolds(data: SalesData, options: RollingOriginOptions): RollingOrigin {
  const initial = checkCount('initial', options.initial);
  const period = checkCount('period', options.period);
  const horizon = checkCount('horizon', options.horizon);
  const keep = options.folds == null ? null : checkCount('folds', options.folds);
  const trainingWindow = options.trainingWindow == null ? null : checkCount('trainingWindow', options.trainingWindow);
  const span = dateSpan(data);
  if (!span) throw new RangeError(evaluateMessages.noRows());
  const { frequency } = data;

  // 1. Cutoff periods, newest first, then oldest first.
  const first = periodIndex(span.first, frequency);
  const last = periodIndex(span.last, frequency);
  const cutoffs: number[] = [];
  for (let c = last - horizon; c - first + 1 >= initial; c -= period) cutoffs.push(c);
  cutoffs.reverse();
  const chosen = keep === null ? cutoffs : cutoffs.slice(Math.max(0, cutoffs.length - keep));

  // 2. Rows of each fold, per series.
  const folds: Fold[] = [];
  let empty = 0;
  for (const c of chosen) {
    const windowStart = trainingWindow === null ? null : c - trainingWindow;
    const cuts = cutSeries(data, [
      windowStart === null ? -Infinity : periodEnd(windowStart, frequency),
      periodEnd(c, frequency),
      periodEnd(c + horizon, frequency),
    ]);
    const counts = { train: 0, test: 0 };
    const series = cuts.map(({ series, cuts: [from, trainTo, testTo] }) => {
      counts.train += (trainTo as number) - (from as number);
      counts.test += (testTo as number) - (trainTo as number);
      return { series, train: [from, trainTo] as [number, number], test: [trainTo, testTo] as [number, number] };
    });
    if (counts.test === 0) {
      empty++;
      continue;
    }
    folds.push({
      index: folds.length,
      trainStart: windowStart === null ? null : periodEnd(windowStart, frequency) + 1,
      cutoff: periodEnd(c, frequency),
      testEnd: periodEnd(c + horizon, frequency),
      counts,
      series,
    });
  }

  // 3. What the user should know.
  const warnings: string[] = [];
  if (cutoffs.length === 0) warnings.push(evaluateMessages.noFolds(last - first + 1, initial, horizon, frequency));
  if (empty > 0) warnings.push(evaluateMessages.foldsWithoutTest(empty));
  return { initial, period, horizon, trainingWindow, folds, warnings };
}
