import { addMonths } from '../data/civil-days';
import type { Frequency } from '../data/types';

/**
 * The date `count` periods after `day` on a series' grid: days and weeks are fixed steps, months are calendar months
 * counted from `day` itself (so a series stamped on the 31st stays on month-ends rather than drifting to the 28th).
 */
export function advancePeriods(day: number, count: number, frequency: Frequency): number {
  if (frequency === 'daily') return day + count;
  if (frequency === 'weekly') return day + 7 * count;
  return addMonths(day, count);
}
