import { addMonths } from '../data/civil-days';
import type { Frequency } from '../data/types';
import { PERIODS_PER_YEAR } from '../scope/cost-model';
import type { RetrainPolicy } from './retrain-policy';

export interface TrainingWindowOptions {
  policy: Pick<RetrainPolicy, 'window' | 'windowLength'>;
  /** The newest day with actuals (days since 1970-01-01): the window's last day. */
  end: number;
  /** The first day of the history. */
  historyStart: number;
  frequency: Frequency;
}

/**
 * The days a retraining learns from, both inclusive: all history up to `end` (expanding), or the last
 * `windowLength` periods of it (sliding; one year by default), never before the history starts. A sliding window of
 * L periods starts the day after `end` moved back L periods, so it holds exactly L period stamps whatever weekday
 * or day of the month the data is stamped with.
 */
export function trainingWindow({ policy, end, historyStart, frequency }: TrainingWindowOptions): { start: number; end: number } {
  if (policy.window === 'expanding') return { start: Math.min(historyStart, end), end };
  const length = policy.windowLength ?? PERIODS_PER_YEAR[frequency];
  const back = frequency === 'daily' ? end - length : frequency === 'weekly' ? end - 7 * length : addMonths(end, -length);
  return { start: Math.min(Math.max(back + 1, historyStart), end), end };
}
