export interface ParseNumberOptions {
  /**
   * Read `1.234,5` and a lone `12,345` the European way (comma = decimal). The importer turns this on for `;`-separated
   * files, the export format of spreadsheets in comma-decimal locales. Plain `12.5` reads as 12.5 either way.
   */
  decimalComma?: boolean;
  /** Also read true/false, yes/no, y/n, t/f (any case) as 1/0: how flags such as promo or holiday are often exported. */
  booleans?: boolean;
}

/**
 * Reads one numeric cell; NaN when it is not a number (use `isMissingValue` to tell empty from text).
 *
 * The fast path is `Number()` on cells that start like a number: the common case costs one call. The slow path
 * absorbs what spreadsheets export: thousands separators (`1,234.50`, `1 234`), currency signs (`$12`, `12 €`),
 * accounting negatives (`(12.50)`), a decimal comma (`12,5`).
 */
export function parseNumber(text: string, options: ParseNumberOptions = {}): number {
  const c = text.charCodeAt(0);
  if (((c >= 48 && c <= 57) || c === 45 /* - */ || c === 46 /* . */) && !(c === 48 && RADIX_LETTER.test(text.charAt(1)))) {
    const value = Number(text);
    // value - value is 0 exactly for finite numbers: one subtraction instead of a call per cell.
    if (value - value === 0) return value;
  }
  return parseSlow(text, options);
}

/** `Number()` reads 0x10, 0b11 and 0o7 as 16, 3 and 7; a sales export means none of them, so they are text. */
const RADIX_LETTER = /[xXbBoO]/;

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', 'nil', '-', '--', '?', '#n/a', 'missing', '.']);
const TRUE = new Set(['true', 'yes', 'y', 't']);
const FALSE = new Set(['false', 'no', 'n', 'f']);

/** Empty, or a token exports use for "no value" (NA, N/A, NaN, null, none, -, ?, #N/A). */
export function isMissingValue(text: string): boolean {
  if (text.length === 0) return true;
  const trimmed = text.trim();
  return trimmed.length <= 8 && MISSING.has(trimmed.toLowerCase());
}

function parseSlow(text: string, options: ParseNumberOptions): number {
  let s = text.trim();
  if (s === '') return NaN;
  if (options.booleans) {
    const lower = s.toLowerCase();
    if (TRUE.has(lower)) return 1;
    if (FALSE.has(lower)) return 0;
  }
  let sign = 1;
  if (s.startsWith('(') && s.endsWith(')')) {
    sign = -1;
    s = s.slice(1, -1);
  }
  // Currency signs and grouping spaces (including the no-break spaces spreadsheets use) carry no value.
  s = s.replace(/[$€£¥\s\u00a0\u202f']/g, '');
  if (s.startsWith('+')) s = s.slice(1);
  if (!/^-?[\d.,]*\d[\d.,]*$/.test(s)) return NaN;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: whichever comes last is the decimal mark.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const groupsOfThree = /^-?\d{1,3}(,\d{3})+$/.test(s);
    s = groupsOfThree && !options.decimalComma ? s.replace(/,/g, '') : s.indexOf(',') === lastComma ? s.replace(',', '.') : '';
  } else if (lastDot >= 0 && s.indexOf('.') !== lastDot) {
    // 1.234.567: dots as thousands separators.
    s = /^-?\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : '';
  }
  const value = s === '' ? NaN : Number(s);
  return Number.isFinite(value) ? sign * value : NaN;
}
