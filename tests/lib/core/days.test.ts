import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, civilFromDays, dayOfWeek, daysFromCivil, dayToIso, isoWeekOfYear, monthOfYear } from '../../../src/lib/core/days';

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(iso) / DAY_MS;

describe('civil days', () => {
  it('daysFromCivil and civilFromDays are inverse and agree with Date.UTC (fast-check, seed 11)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (days) => {
        const civil = civilFromDays(days);
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(days);
        expect(dayToIso(days)).toBe(new Date(days * DAY_MS).toISOString().slice(0, 10));
      }),
      { seed: 11, numRuns: 1000 },
    );
  });

  it('dayToIso(days), dayOfWeek(days) and monthOfYear(days) agree with Date in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 80_000 }), (days) => {
        const date = new Date(days * DAY_MS);
        expect(dayToIso(days)).toBe(date.toISOString().slice(0, 10));
        expect(dayOfWeek(days)).toBe((date.getUTCDay() + 6) % 7);
        expect(monthOfYear(days)).toBe(date.getUTCMonth());
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('dayToIso(days) is empty for a missing date', () => {
    expect([dayToIso(NaN), dayToIso(Infinity)]).toEqual(['', '']);
  });

  it('addMonths(days, k) keeps the day of month and month-ends', () => {
    expect(dayToIso(addMonths(day('2020-01-15'), 1))).toBe('2020-02-15');
    expect(dayToIso(addMonths(day('2020-01-31'), 1))).toBe('2020-02-29');
    expect(dayToIso(addMonths(day('2020-02-29'), 1))).toBe('2020-03-31');
    expect(dayToIso(addMonths(day('2020-11-01'), 3))).toBe('2021-02-01');
  });

  it('isoWeekOfYear(days) follows ISO 8601 at year boundaries', () => {
    expect(isoWeekOfYear(day('2021-01-03'))).toBe(53); // a Sunday that belongs to 2020's last week
    expect(isoWeekOfYear(day('2021-01-04'))).toBe(1);
    expect(isoWeekOfYear(day('2024-12-30'))).toBe(1); // a Monday in week 1 of 2025
    expect(isoWeekOfYear(day('2026-12-31'))).toBe(53);
    expect(isoWeekOfYear(day('2024-06-15'))).toBe(24);
  });
});
