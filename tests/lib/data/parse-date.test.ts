import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDate } from '../../../src/lib/data/parse-date';
import { detectDateFormat } from '../../../src/lib/data/detect-date-format';
import { day } from './read-fixture';

describe('parseDate(text, format)', () => {
  it('parseDate(text) reads year-first dates, datetimes and year-month as whole UTC days', () => {
    expect(parseDate('1970-01-01')).toBe(0);
    expect(parseDate('2020-01-31')).toBe(day('2020-01-31'));
    expect(parseDate('2020/01/31')).toBe(day('2020-01-31'));
    expect(parseDate('2020-1-5')).toBe(day('2020-01-05'));
    expect(parseDate('20200131')).toBe(day('2020-01-31'));
    expect(parseDate('2020-01-31T00:00:00')).toBe(day('2020-01-31'));
    expect(parseDate('2020-01-31 23:59:59')).toBe(day('2020-01-31'));
    expect(parseDate('2020-01-31T23:00:00-05:00')).toBe(day('2020-01-31'));
    expect(parseDate('2020-03')).toBe(day('2020-03-01'));
    expect(parseDate('  2020-01-31\r')).toBe(day('2020-01-31'));
  });

  it('parseDate(text, order) reads short-first dates in the file’s order, dots always day-first', () => {
    expect(parseDate('31/01/2020', 'dmy')).toBe(day('2020-01-31'));
    expect(parseDate('01/31/2020', 'mdy')).toBe(day('2020-01-31'));
    expect(parseDate('02/03/2020', 'dmy')).toBe(day('2020-03-02'));
    expect(parseDate('02/03/2020', 'mdy')).toBe(day('2020-02-03'));
    expect(parseDate('31.01.2020', 'mdy')).toBe(day('2020-01-31'));
    expect(parseDate('31-01-2020', 'dmy')).toBe(day('2020-01-31'));
    expect(parseDate('1/31/20', 'mdy')).toBe(day('2020-01-31'));
    expect(parseDate('31/12/99', 'dmy')).toBe(day('1999-12-31'));
  });

  it('parseDate(text) is NaN for what is not a valid date', () => {
    const bad = ['', 'n/a', '2020-02-30', '2021-02-29', '2020-13-01', '2020-01-32', '2020-00', '01/31/2020x', '2020-01-31Tx'];
    for (const text of [...bad, '12345', '2020-01/31', '0999-01-01', '31/01/2020' /* short-first needs an order */]) {
      expect(parseDate(text), text).toBeNaN();
    }
    expect(parseDate('2020-02-29')).toBe(day('2020-02-29'));
  });

  it('parseDate(text) agrees with Date.UTC on random valid dates (fast-check, seed 7)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseDate(iso)).toBe(day(iso));
        expect(parseDate(`${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`)).toBe(day(iso));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('parseDate(text) keeps up with a million cells (correctness only; timing lives in npm run bench)', () => {
    let sum = 0;
    for (let i = 0; i < 1_000_000; i++) sum += parseDate('2021-06-15');
    expect(sum).toBe(1_000_000 * day('2021-06-15'));
  });
});

describe('detectDateFormat(samples)', () => {
  it('detectDateFormat(samples) proves day-first or month-first from a part above 12', () => {
    expect(detectDateFormat(['01/02/2020', '13/02/2020'])).toEqual({ format: 'dmy', share: 1, ambiguous: false });
    expect(detectDateFormat(['02/01/2020', '02/13/2020'])).toEqual({ format: 'mdy', share: 1, ambiguous: false });
    expect(detectDateFormat(['2020-01-01', '2020-01-02', ''])).toEqual({ format: 'ymd', share: 1, ambiguous: false });
  });

  it('detectDateFormat(samples) flags dates that read both ways, and dotted dates are not ambiguous', () => {
    expect(detectDateFormat(['01/02/2020', '03/04/2020'])).toEqual({ format: 'dmy', share: 1, ambiguous: true });
    expect(detectDateFormat(['01.02.2020', '03.04.2020']).ambiguous).toBe(false);
  });

  it('detectDateFormat(samples) reports the share of values that read as dates', () => {
    expect(detectDateFormat(['2020-01-01', 'abc', '7', '2020-01-03']).share).toBe(0.5);
    expect(detectDateFormat(['1', '2']).share).toBe(0);
  });
});
