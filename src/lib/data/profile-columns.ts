import type { RawPreview } from './types';
import { detectDateFormat, type DateFormatGuess } from './detect-date-format';
import { isMissingValue, parseNumber } from './parse-number';

/** What a column's name and sampled values say about it; the input of mapping detection. */
export interface ColumnProfile {
  name: string;
  index: number;
  /** The name in lower-case words: `StoreID` → ['store', 'id'], `unit_sales` → ['unit', 'sales']. */
  tokens: string[];
  /** The name as one lower-case word without separators: `Is_Holiday` → 'isholiday'. */
  squashed: string;
  /** Sampled cells that are not empty or a missing-value token. */
  filled: number;
  /** How the column's values read as dates (share 0 when they do not). */
  dateGuess: DateFormatGuess;
  /** Share of filled cells that read as a number. */
  numericShare: number;
  /** Every filled cell is 0/1 (or true/false, yes/no). */
  binary: boolean;
  /** Every numeric cell is a whole number. */
  integer: boolean;
  /** Distinct filled values in the sample. */
  distinct: number;
  /** The most frequent filled value ('' when none is filled; the first seen of equally frequent ones). */
  topValue: string;
  /** Share of filled cells holding `topValue` (0 when none is filled): near 1 with `distinct` > 1 is a column of exceptions. */
  topShare: number;
  /** The sampled values, trimmed, in sample order (for judging which columns identify series). */
  values: string[];
}

/** Profiles every header column over the preview's sample rows. */
export function profileColumns(preview: RawPreview): ColumnProfile[] {
  const decimalComma = preview.delimiter === ';';
  return preview.header.map((name, index) => {
    const values = preview.sampleRows.map((row) => (row[index] ?? '').trim());
    let filled = 0;
    let numbers = 0;
    let flags = 0;
    let whole = 0;
    const counts = new Map<string, number>();
    for (const value of values) {
      if (isMissingValue(value)) continue;
      filled++;
      counts.set(value, (counts.get(value) ?? 0) + 1);
      const number = parseNumber(value, { decimalComma });
      if (!Number.isNaN(number)) {
        numbers++;
        if (Number.isInteger(number)) whole++;
      }
      const flag = parseNumber(value, { booleans: true });
      if (flag === 0 || flag === 1) flags++;
    }
    const share = (k: number): number => (filled === 0 ? 0 : k / filled);
    let topValue = '';
    let topCount = 0;
    for (const [value, count] of counts) {
      if (count > topCount) [topValue, topCount] = [value, count];
    }
    return {
      name,
      index,
      tokens: tokenize(name),
      squashed: name.toLowerCase().replace(/[^a-z0-9]/g, ''),
      filled,
      dateGuess: detectDateFormat(values),
      numericShare: share(numbers),
      binary: filled > 0 && flags === filled,
      integer: numbers > 0 && whole === numbers,
      distinct: counts.size,
      topValue,
      topShare: share(topCount),
      values,
    };
  });
}

/** Splits a column name into lower-case words at case changes, digits-to-letters and any punctuation. */
export function tokenize(name: string): string[] {
  return name
    .replace(/^\ufeff/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '');
}
