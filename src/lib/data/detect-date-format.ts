import type { DateFormat } from './types';
import { parseDate } from './parse-date';

export interface DateFormatGuess {
  format: DateFormat;
  /** Share of non-empty samples that read as dates under `format` (0 when there are none). */
  share: number;
  /**
   * True when short-first dates exist but none tells day from month (every part ≤ 12): `format` is then a default
   * ('dmy', the order most of the world writes), and the importer says so.
   */
  ambiguous: boolean;
}

/**
 * Decides, once per file, how to read its dates: a value like `13/01/2020` proves day-first, `01/13/2020` proves
 * month-first. Deciding per file, not per cell, keeps `01/02/2020` meaning the same day on every row.
 */
export function detectDateFormat(samples: readonly string[]): DateFormatGuess {
  let nonEmpty = 0;
  let yearFirst = 0;
  let shortFirst = 0;
  let dmy = 0;
  let mdy = 0;
  let bothWays = 0;
  for (const sample of samples) {
    const text = sample.trim();
    if (text === '') continue;
    nonEmpty++;
    if (/^\d{4}/.test(text)) {
      if (!Number.isNaN(parseDate(text, 'ymd'))) yearFirst++;
      continue;
    }
    shortFirst++;
    const asDmy = !Number.isNaN(parseDate(text, 'dmy'));
    const asMdy = !Number.isNaN(parseDate(text, 'mdy'));
    if (asDmy) dmy++;
    if (asMdy) mdy++;
    // Dotted dates read under both orders only because dots always mean day-first: no doubt there.
    if (asDmy && asMdy && !text.includes('.')) bothWays++;
  }
  if (nonEmpty === 0) return { format: 'ymd', share: 0, ambiguous: false };
  if (shortFirst === 0 || dmy + mdy === 0) return { format: 'ymd', share: yearFirst / nonEmpty, ambiguous: false };
  const format = mdy > dmy ? 'mdy' : 'dmy';
  const read = yearFirst + (format === 'mdy' ? mdy : dmy);
  return { format, share: read / nonEmpty, ambiguous: dmy === mdy && bothWays > 0 };
}
