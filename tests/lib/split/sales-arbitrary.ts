import fc from 'fast-check';
import { daysFromCivil, daysInMonth } from '../../../src/lib/core/days';
import type { Frequency, SalesData } from '../../../src/lib/data/types';
import { makeSales, type SalesRow } from '../eda/make-sales';

/**
 * Random small SalesData for property tests: 1–3 series of any frequency, each starting and ending on its own period,
 * with gaps, stamped on its own weekday (weekly) or day of month, month-ends included (monthly).
 */
export const salesArbitrary: fc.Arbitrary<SalesData> = fc
  .record({
    frequency: fc.constantFrom<Frequency>('daily', 'weekly', 'monthly'),
    origin: fc.integer({ min: 2000 * 12, max: 2030 * 12 }),
    series: fc.array(
      fc.record({
        offset: fc.integer({ min: 0, max: 12 }),
        present: fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }),
        stamp: fc.integer({ min: 0, max: 31 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .filter(({ series }) => series.some((s) => s.present.includes(true)))
  .map(({ frequency, origin, series }) => {
    const rows: SalesRow[] = [];
    series.forEach(({ offset, present, stamp }, s) => {
      present.forEach((keep, t) => {
        if (keep) rows.push({ date: dateOf(frequency, origin, offset + t, stamp), sales: s * 100 + t, key: `S${s}` });
      });
    });
    return makeSales(rows, { keys: ['key'], frequency });
  });

/** The date of period `origin + k`: a day, a week stamped on weekday `stamp % 7`, a month stamped on day `stamp`. */
function dateOf(frequency: Frequency, origin: number, k: number, stamp: number): number {
  const period = origin + k;
  if (frequency === 'daily') return daysFromCivil(2000, 1, 1) + (origin % 1000) + k;
  if (frequency === 'weekly') return 7 * (period - 20000) - 3 + (stamp % 7);
  const year = Math.floor(period / 12);
  const month = (period % 12) + 1;
  const last = daysInMonth(year, month);
  return daysFromCivil(year, month, stamp === 0 || stamp > last ? last : stamp);
}
