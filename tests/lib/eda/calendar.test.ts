import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { civilFromDays, dayOfWeek, dayToIso, daysFromCivil, isoWeekOfYear, monthOfYear, periodIndex } from '../../../src/lib/eda/calendar';

const DAY_MS = 86_400_000;

describe('calendar', () => {
  it('dayToIso(days), dayOfWeek(days) and monthOfYear(days) agree with Date in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 80_000 }), (days) => {
        const date = new Date(days * DAY_MS);
        expect(dayToIso(days)).toBe(date.toISOString().slice(0, 10));
        expect(dayOfWeek(days)).toBe((date.getUTCDay() + 6) % 7);
        expect(monthOfYear(days)).toBe(date.getUTCMonth());
        const { year, month, day } = civilFromDays(days);
        expect(daysFromCivil(year, month, day)).toBe(days);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('isoWeekOfYear(days) follows ISO 8601 at year boundaries', () => {
    const week = (iso: string) => isoWeekOfYear(Date.parse(iso) / DAY_MS);
    expect(week('2021-01-03')).toBe(53); // a Sunday that belongs to 2020's last week
    expect(week('2021-01-04')).toBe(1);
    expect(week('2024-12-30')).toBe(1); // a Monday in week 1 of 2025
    expect(week('2026-12-31')).toBe(53);
    expect(week('2024-06-15')).toBe(24);
  });

  it('periodIndex(days, frequency) steps by one per day, week and month', () => {
    const day = (iso: string) => Date.parse(iso) / DAY_MS;
    expect(periodIndex(day('2024-01-02'), 'daily') - periodIndex(day('2024-01-01'), 'daily')).toBe(1);
    expect(periodIndex(day('2024-01-14'), 'weekly') - periodIndex(day('2024-01-07'), 'weekly')).toBe(1);
    expect(periodIndex(day('2024-01-13'), 'weekly')).toBe(periodIndex(day('2024-01-08'), 'weekly'));
    expect(periodIndex(day('2024-03-31'), 'monthly') - periodIndex(day('2024-02-29'), 'monthly')).toBe(1);
    expect(periodIndex(day('2025-01-01'), 'monthly') - periodIndex(day('2024-12-31'), 'monthly')).toBe(1);
  });
});
