/**
 * Calendar arithmetic on SalesData's day numbers (whole days since 1970-01-01 UTC), done with integer maths
 * (Howard Hinnant's civil-date algorithms) rather than a Date per row: a million rows take milliseconds, and nothing
 * depends on the machine's time zone.
 */
import type { Frequency } from '../data/types';
import { civilFromDays as packedCivilFromDays, daysFromCivil } from '../data/civil-days';

const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** The calendar date of a day number, unpacked from civil-days' allocation-free `yyyymmdd` form. */
export function civilFromDays(days: number): CivilDate {
  const packed = packedCivilFromDays(days);
  return { year: Math.floor(packed / 10000), month: Math.floor(packed / 100) % 100, day: packed % 100 };
}

export { daysFromCivil };

export function dayToIso(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Monday … 6 = Sunday (ISO order). Day 0, 1970-01-01, was a Thursday. */
export function dayOfWeek(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** 0 = January … 11 = December. */
export function monthOfYear(days: number): number {
  return civilFromDays(days).month - 1;
}

/** ISO 8601 week number, 1–53: the week belongs to the year its Thursday falls in. */
export function isoWeekOfYear(days: number): number {
  const thursday = days - dayOfWeek(days) + 3;
  const jan1 = daysFromCivil(civilFromDays(thursday).year, 1, 1);
  return Math.floor((thursday - jan1) / 7) + 1;
}

/**
 * The position of a date on a regular grid for its frequency, so consecutive periods differ by exactly 1:
 * days for daily data, Monday-based weeks for weekly data (any consistent stamp weekday works), months for monthly.
 */
export function periodIndex(days: number, frequency: Frequency): number {
  if (frequency === 'daily') return days;
  if (frequency === 'weekly') return Math.floor((days + 3) / 7);
  const { year, month } = civilFromDays(days);
  return year * 12 + month - 1;
}

export function weekdayLabel(slot: number): string {
  return WEEKDAY_LABELS[slot] ?? String(slot);
}

export function monthLabel(slot: number): string {
  return MONTH_LABELS[slot] ?? String(slot);
}
