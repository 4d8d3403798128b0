import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Frequency } from '../../../src/lib/data/types';
import { advancePeriods, dateInPeriod, periodEnd, periodIndex } from '../../../src/lib/core/periods';

const day = (iso: string) => Date.parse(iso) / 86_400_000;
const FREQUENCIES: readonly Frequency[] = ['daily', 'weekly', 'monthly'];

describe('periods on a frequency grid', () => {
  it('periodIndex(days, frequency) steps by one per day, week and month', () => {
    expect(periodIndex(day('2024-01-02'), 'daily') - periodIndex(day('2024-01-01'), 'daily')).toBe(1);
    expect(periodIndex(day('2024-01-14'), 'weekly') - periodIndex(day('2024-01-07'), 'weekly')).toBe(1);
    expect(periodIndex(day('2024-01-13'), 'weekly')).toBe(periodIndex(day('2024-01-08'), 'weekly'));
    expect(periodIndex(day('2024-03-31'), 'monthly') - periodIndex(day('2024-02-29'), 'monthly')).toBe(1);
    expect(periodIndex(day('2025-01-01'), 'monthly') - periodIndex(day('2024-12-31'), 'monthly')).toBe(1);
  });

  it('periodEnd(period, frequency) is the last day of its period: the Sunday, the month-end', () => {
    expect(periodEnd(periodIndex(day('2024-01-10'), 'weekly'), 'weekly')).toBe(day('2024-01-14'));
    expect(periodEnd(periodIndex(day('2024-02-10'), 'monthly'), 'monthly')).toBe(day('2024-02-29'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom(...FREQUENCIES), (days, frequency) => {
        const end = periodEnd(periodIndex(days, frequency), frequency);
        expect(end).toBeGreaterThanOrEqual(days);
        expect(periodIndex(end, frequency)).toBe(periodIndex(days, frequency));
        expect(periodIndex(end + 1, frequency)).toBe(periodIndex(days, frequency) + 1);
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('advancePeriods(day, count, frequency) and dateInPeriod(stamp, period, frequency) keep the stamp', () => {
    expect(advancePeriods(day('2024-01-31'), 1, 'monthly')).toBe(day('2024-02-29'));
    expect(advancePeriods(day('2024-02-29'), -1, 'monthly')).toBe(day('2024-01-31'));
    expect(advancePeriods(day('2024-01-05'), -2, 'weekly')).toBe(day('2023-12-22'));
    const friday = day('2024-01-05');
    expect(dateInPeriod(friday, periodIndex(friday, 'weekly') + 3, 'weekly')).toBe(advancePeriods(friday, 3, 'weekly'));
    expect(dateInPeriod(day('2024-01-31'), periodIndex(day('2024-04-01'), 'monthly'), 'monthly')).toBe(day('2024-04-30'));
  });
});
