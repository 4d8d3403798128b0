import type { DateFormat } from './types';
import { daysFromCivil, isValidCivil } from '../core/days';

/**
 * Reads one date cell as whole days since 1970-01-01 UTC; NaN when it is not a date in `format`.
 *
 * Accepted (surrounding spaces ignored):
 * - year first, under every format: `2020-01-31`, `2020/01/31`, `2020.01.31`, `20200131`, `2020-01` (the 1st),
 *   and datetimes `2020-01-31T13:45:00`, `2020-01-31 13:45:00+02:00` (the time and zone are ignored: a sales row is
 *   stamped with the local day it belongs to, and shifting it to UTC would move late-evening rows to the next day);
 * - day or month first with a 4- or 2-digit year (`31/01/2020`, `01/31/20`): `format` 'dmy' or 'mdy' decides,
 *   'ymd' rejects them (a short-first date in a year-first file is a mistake worth showing, not guessing);
 * - `31.01.2020`: dots always mean day-first (the German/Nordic convention; nobody writes MM.DD.YYYY).
 *   Two-digit years follow POSIX `%y`: 69–99 → 1900s, 00–68 → 2000s.
 *
 * A hand-written scanner, not a regex or `Date.parse`: a million cells take a few tens of milliseconds, and
 * `Date.parse` would read `2020-01-31` as UTC but `2020/01/31` as local time.
 */
export function parseDate(text: string, format: DateFormat = 'ymd'): number {
  let i = 0;
  let end = text.length;
  while (i < end && text.charCodeAt(i) <= 32) i++;
  while (end > i && text.charCodeAt(end - 1) <= 32) end--;

  // Fast path for the commonest cell, `YYYY-MM-DD`.
  if (end - i === 10 && text.charCodeAt(i + 4) === 45 && text.charCodeAt(i + 7) === 45) {
    const y = digits(text, i, 4);
    const m = digits(text, i + 5, 2);
    const d = digits(text, i + 8, 2);
    if (y >= 0 && m >= 0 && d >= 0) return civil(y, m, d);
  }

  // Field a: digits.
  let a = 0;
  const aStart = i;
  for (let c = text.charCodeAt(i); i < end && c >= 48 && c <= 57; c = text.charCodeAt(++i)) a = a * 10 + c - 48;
  const la = i - aStart;
  if (la === 0) return NaN;
  if (i === end) {
    if (la !== 8) return NaN;
    return civil(Math.floor(a / 10000), Math.floor(a / 100) % 100, a % 100);
  }

  const sep = text.charCodeAt(i++);
  if (sep !== 45 /* - */ && sep !== 47 /* / */ && sep !== 46 /* . */) return NaN;

  let b = 0;
  const bStart = i;
  for (let c = text.charCodeAt(i); i < end && c >= 48 && c <= 57; c = text.charCodeAt(++i)) b = b * 10 + c - 48;
  const lb = i - bStart;
  if (lb === 0) return NaN;
  if (i === end) {
    // Year and month only: the period is stamped with its first day.
    if (la === 4 && lb <= 2) return civil(a, b, 1);
    if (la <= 2 && lb === 4) return civil(b, a, 1);
    return NaN;
  }

  if (text.charCodeAt(i++) !== sep) return NaN;
  let c3 = 0;
  const cStart = i;
  for (let c = text.charCodeAt(i); i < end && c >= 48 && c <= 57; c = text.charCodeAt(++i)) c3 = c3 * 10 + c - 48;
  const lc = i - cStart;
  if (lc === 0) return NaN;
  if (i < end) {
    // A time may follow the date, separated by T or a space, and must start with a digit.
    const next = text.charCodeAt(i);
    if ((next !== 84 /* T */ && next !== 32) || i + 1 >= end) return NaN;
    const digit = text.charCodeAt(i + 1);
    if (digit < 48 || digit > 57) return NaN;
  }

  if (la === 4) return lb <= 2 && lc <= 2 ? civil(a, b, c3) : NaN;
  if (la > 2 || lb > 2 || (lc !== 4 && lc !== 2)) return NaN;
  const year = lc === 4 ? c3 : c3 < 69 ? 2000 + c3 : 1900 + c3;
  if (sep === 46 || format === 'dmy') return civil(year, b, a);
  if (format === 'mdy') return civil(year, a, b);
  return NaN;
}

/** The value of `count` decimal digits at `from`, or -1 if any is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let k = from; k < from + count; k++) {
    const c = text.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function civil(year: number, month: number, day: number): number {
  return isValidCivil(year, month, day) ? daysFromCivil(year, month, day) : NaN;
}
