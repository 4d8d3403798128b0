import type { SalesData } from '../data/types';
import { periodEnd, periodIndex } from '../core/periods';
import { evaluateMessages } from '../messages/evaluate';
import { checkCount } from './check-count';
import { cutSeries, type SeriesCuts } from './cut-series';
import { dateSpan } from './date-span';
import type { SeriesSplit, TimeSplit } from './types';

export interface SplitByTimeOptions {
  /** Periods to forecast: the test is the last `horizon` periods of the data. */
  horizon: number;
  /** Periods of validation just before the test; default `horizon`. 0 = no validation set. */
  validation?: number;
  /** Train on the last N periods before validation only; default null = all history. */
  trainingWindow?: number | null;
}

/**
 * Train / validation / test by calendar, the same cutoffs for every series:
 *
 *   … [trainStart ─ train ─ trainCutoff] (validation ─ validationCutoff] (test: the last `horizon` periods ─ end]
 *
 * The end is the last period that has any row; a series that stops earlier simply has an empty test.
 * Throws a RangeError for options that are not whole numbers or for an empty table; a split that leaves nothing to
 * train on is returned with a warning.
 */
export function splitByTime(data: SalesData, options: SplitByTimeOptions): TimeSplit {
  const horizon = checkCount('horizon', options.horizon);
  const validation = checkCount('validation', options.validation ?? horizon, 0);
  const trainingWindow = options.trainingWindow == null ? null : checkCount('trainingWindow', options.trainingWindow);
  const span = dateSpan(data);
  if (!span) throw new RangeError(evaluateMessages.noRows());
  const { frequency } = data;

  const last = periodIndex(span.last, frequency);
  const testCutoff = last - horizon;
  const trainCutoff = testCutoff - validation;
  const windowStart = trainingWindow === null ? null : trainCutoff - trainingWindow;
  const cuts = cutSeries(data, [
    windowStart === null ? -Infinity : periodEnd(windowStart, frequency),
    periodEnd(trainCutoff, frequency),
    periodEnd(testCutoff, frequency),
  ]);
  const series = cuts.map(toSeriesSplit);
  const counts = { train: 0, validation: 0, test: 0 };
  for (const s of series) {
    counts.train += s.train[1] - s.train[0];
    counts.validation += s.validation[1] - s.validation[0];
    counts.test += s.test[1] - s.test[0];
  }
  const warnings: string[] = [];
  if (counts.train === 0) {
    const periods = last - periodIndex(span.first, frequency) + 1;
    warnings.push(evaluateMessages.nothingToTrain(periods, horizon, validation, frequency));
  }
  return {
    horizon,
    validation,
    trainingWindow,
    trainStart: windowStart === null ? null : periodEnd(windowStart, frequency) + 1,
    trainCutoff: periodEnd(trainCutoff, frequency),
    validationCutoff: periodEnd(testCutoff, frequency),
    end: periodEnd(last, frequency),
    counts,
    series,
    warnings,
  };
}

function toSeriesSplit({ series, end, cuts }: SeriesCuts): SeriesSplit {
  const [from, trainTo, validationTo] = cuts as [number, number, number];
  return { series, train: [from, trainTo], validation: [trainTo, validationTo], test: [validationTo, end] };
}
