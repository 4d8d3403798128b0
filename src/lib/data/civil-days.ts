/**
 * Calendar arithmetic on whole days since 1970-01-01 (proleptic Gregorian, no time zones), after Howard Hinnant's
 * `days_from_civil` / `civil_from_days`. Plain integer arithmetic: no Date object per call, which matters when a
 * million dates go through the importer.
 */

/** Days since 1970-01-01 for a calendar date (month 1–12). Does not validate; see `isValidCivil`. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The calendar date of a day number, packed as one integer `yyyymmdd` (e.g. 20200131) so that hot loops allocate
 * nothing: `Math.floor(p / 10000)` is the year, `Math.floor(p / 100) % 100` the month, `p % 100` the day.
 */
export function civilFromDays(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
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
  const p = civilFromDays(days);
  const year = Math.floor(p / 10000);
  const month = Math.floor(p / 100) % 100;
  const day = p % 100;
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = daysInMonth(y, m);
  const keepEnd = day === daysInMonth(year, month);
  return daysFromCivil(y, m, keepEnd || day > last ? last : day);
}

/** `YYYY-MM-DD` for a day number: the form issues' examples and labels show. */
export function formatDay(days: number): string {
  if (!Number.isFinite(days)) return '';
  const p = civilFromDays(days);
  const month = Math.floor(p / 100) % 100;
  const day = p % 100;
  return `${Math.floor(p / 10000)}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
