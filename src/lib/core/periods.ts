/**
 * The grid a series' frequency lays over days: one period per day, per Monday-based week or per calendar month.
 * Splits, features, models, evaluation and the simulated operations all count in periods, and all of them must agree
 * on where one ends and the next begins, whatever weekday or day of month a file stamps its periods with.
 */
import type { Frequency } from '../data/types';
import { addMonths, civilFromDays, daysFromCivil, daysInMonth } from './days';

/** A date's position on the grid, so that consecutive periods differ by exactly 1. */
export function periodIndex(days: number, frequency: Frequency): number {
  if (frequency === 'daily') return days;
  if (frequency === 'weekly') return Math.floor((days + 3) / 7);
  const { year, month } = civilFromDays(days);
  return year * 12 + month - 1;
}

/**
 * The last day of a period: the day itself for daily data, the Sunday of the week, the last day of the month.
 * Cutoffs are reported as period ends, so "every row dated up to the cutoff" and "every row in a period up to the
 * cutoff's period" are the same rows.
 */
export function periodEnd(period: number, frequency: Frequency): number {
  if (frequency === 'daily') return period;
  if (frequency === 'weekly') return 7 * period + 3;
  const year = Math.floor(period / 12);
  const month = period - year * 12 + 1;
  return daysFromCivil(year, month, daysInMonth(year, month));
}

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

/**
 * The date `count` periods after `day` (before, when negative): days and weeks are fixed steps, months are calendar
 * months counted from `day` itself, so a series stamped on the 31st stays on month-ends rather than drifting to the 28th.
 */
export function advancePeriods(day: number, count: number, frequency: Frequency): number {
  if (frequency === 'daily') return day + count;
  if (frequency === 'weekly') return day + 7 * count;
  return addMonths(day, count);
}
