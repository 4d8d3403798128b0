import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../src/lib/core/days';
import { directTargets } from '../../../src/lib/train/direct-targets';

const D = daysFromCivil(2024, 1, 1);
/**
 * Two series of daily rows, in the order buildFeatures writes them: series 0 on days 0–4 with day 3 missing (no
 * sales, so no row), series 1 on days 0–2. The target of a row is 10·series + day.
 */
const days = [[0, 1, 2, 4], [0, 1, 2]];
const series = Int32Array.from(days.flatMap((d, s) => d.map(() => s)));
const date = Int32Array.from(days.flatMap((d) => d.map((day) => D + day)));
const y = Float32Array.from(days.flatMap((d, s) => d.map((day) => 10 * s + day)));
const matrix = { y, rows: y.length, series, date };

describe('directTargets(matrix, { index, steps, upTo, frequency })', () => {
  it('gives each row its own target, then its series’ next periods; NaN for a missing period, another series or a date past upTo', () => {
    const targets = directTargets(matrix, { index: Int32Array.from([0, 1, 2, 3, 4, 5, 6]), steps: 3, upTo: D + 3, frequency: 'daily' });
    expect(Array.from(targets)).toEqual([
      0, 1, 2, // day 0: days 0, 1, 2
      1, 2, NaN, // day 1: day 3 has no row
      2, NaN, NaN, // day 2: day 4 lies after upTo
      4, NaN, NaN, // day 4: itself after upTo, yet kept (selectRows chose the row; only later steps are cut)
      10, 11, 12, // series 1 day 0
      11, 12, NaN, // series 1 ends on day 2: series 0's rows are not read
      12, NaN, NaN,
    ]);
  });

  it('follows the rows selected, in their order, and counts steps in weeks on weekly data', () => {
    const weeks = { ...matrix, date: Int32Array.from(days.flatMap((d) => d.map((day) => D + 7 * day))) };
    const targets = directTargets(weeks, { index: Int32Array.from([4, 0]), steps: 2, upTo: D + 70, frequency: 'weekly' });
    expect(Array.from(targets)).toEqual([10, 11, 0, 1]);
  });
});
