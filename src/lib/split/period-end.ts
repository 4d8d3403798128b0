import type { Frequency } from '../data/types';
import { daysFromCivil, daysInMonth } from '../data/civil-days';

/**
 * The last day of a period on the frequency's grid (the grid of `periodIndex` in ../eda/calendar): the day itself for
 * daily data, the Sunday of a Monday-based week, the last day of a month.
 *
 * Cutoffs are reported as period ends, so "every row dated up to the cutoff" and "every row in a period up to the
 * cutoff's period" are the same rows, whatever weekday or day of month a file stamps its periods with.
 */
export function periodEnd(period: number, frequency: Frequency): number {
  if (frequency === 'daily') return period;
  if (frequency === 'weekly') return 7 * period + 3;
  const year = Math.floor(period / 12);
  const month = period - year * 12 + 1;
  return daysFromCivil(year, month, daysInMonth(year, month));
}
