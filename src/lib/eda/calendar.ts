/**
 * Calendar arithmetic on SalesData's day numbers (whole days since 1970-01-01 UTC), done with integer maths
 * (Howard Hinnant's civil-date algorithms) rather than a Date per row: a million rows take milliseconds, and nothing
 * depends on the machine's time zone.
 */
import type { Frequency } from '../data/types';

const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 'YYYY-MM-DD', the form vega-lite reads as a UTC date. */
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
