import type { Frequency } from '../data/types';
import { addMonths } from '../data/civil-days';
import { periodIndex } from '../eda/calendar';

/**
 * The date that stands for `period` in a series stamped like `stamp`: the same weekday for weekly data, the same day of
 * the month (month-ends stay month-ends) for monthly data. Forecasts carry the dates their series would be stamped
 * with, so they line up with the actuals when those arrive.
 */
export function dateInPeriod(stamp: number, period: number, frequency: Frequency): number {
  if (frequency === 'daily') return period;
  const shift = period - periodIndex(stamp, frequency);
  return frequency === 'weekly' ? stamp + 7 * shift : addMonths(stamp, shift);
}
