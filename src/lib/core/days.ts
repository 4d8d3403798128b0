/**
 * Calendar arithmetic on the lab's day numbers (whole days since 1970-01-01, proleptic Gregorian, no time zones),
 * after Howard Hinnant's `days_from_civil` / `civil_from_days`. Plain integer maths rather than a Date per call: a
 * million dates go through the importer and the feature builder, and nothing may depend on the machine's time zone.
 */

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Days since 1970-01-01 for a calendar date (month 1–12). Does not validate; see `isValidCivil`. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number. A fresh object per call costs nothing measurable in hot loops: V8 elides it. */
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

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Years outside 1000–9999 are treated as garbage: no sales export has them, and they wreck date ranges. */
export function isValidCivil(year: number, month: number, day: number): boolean {
  return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The day `months` calendar months after `days`, keeping the day of month (clamped, and month-ends stay month-ends). */
export function addMonths(days: number, months: number): number {
  const { year, month, day } = civilFromDays(days);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = daysInMonth(y, m);
  const keepEnd = day === daysInMonth(year, month);
  return daysFromCivil(y, m, keepEnd || day > last ? last : day);
}

/**
 * `YYYY-MM-DD` for a day number: how every label, export and message shows a date. Empty for a missing date (NaN),
 * so a table cell stays blank rather than reading "NaN-NaN-NaN".
 */
export function dayToIso(days: number): string {
  if (!Number.isFinite(days)) return '';
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
