import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/lib/data/civil-days';
import type { Frequency } from '../../../src/lib/data/types';
import { periodIndex } from '../../../src/lib/eda/calendar';
import { evaluateMessages } from '../../../src/lib/messages/evaluate';
import { rollingOriginFolds } from '../../../src/lib/split/rolling-origin-folds';
import { splitByTime } from '../../../src/lib/split/split-by-time';
import { isoDay, makeSales } from '../eda/make-sales';
import { salesArbitrary } from './sales-arbitrary';

const days = (count: number, first = '2024-01-01') => Array.from({ length: count }, (_, t) => ({ date: isoDay(first) + t, sales: t }));

/** `count` periods after a cutoff that is a period end. */
function addPeriods(cutoff: number, count: number, frequency: Frequency): number {
  return frequency === 'daily' ? cutoff + count : frequency === 'weekly' ? cutoff + 7 * count : addMonths(cutoff, count);
}

describe('rollingOriginFolds(data, { initial, period, horizon, folds, trainingWindow })', () => {
  it('places cutoffs as Prophet does: the last horizon periods before the end, then back every period, oldest first', () => {
    const data = makeSales(days(100));
    const { folds, warnings } = rollingOriginFolds(data, { initial: 30, period: 10, horizon: 14 });
    // Day indices 0…99; last cutoff 99 − 14 = 85; back by 10 while at least 30 days lie up to the cutoff (index ≥ 29).
    expect(folds.map((f) => f.cutoff - isoDay('2024-01-01'))).toEqual([35, 45, 55, 65, 75, 85]);
    expect(folds.map((f) => f.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(folds[0]!.counts).toEqual({ train: 36, test: 14 });
    expect(folds[5]!.testEnd).toBe(isoDay('2024-01-01') + 99);
    expect(warnings).toEqual([]);
  });

  it('rollingOriginFolds(data, { folds }) keeps the latest folds only', () => {
    const { folds } = rollingOriginFolds(makeSales(days(100)), { initial: 30, period: 10, horizon: 14, folds: 2 });
    expect(folds.map((f) => [f.index, f.cutoff - isoDay('2024-01-01')])).toEqual([
      [0, 75],
      [1, 85],
    ]);
  });

  it('rollingOriginFolds(data, { trainingWindow }) trains each fold on the last N periods up to its cutoff', () => {
    const { folds } = rollingOriginFolds(makeSales(days(60)), { initial: 20, period: 7, horizon: 7, trainingWindow: 14 });
    for (const fold of folds) {
      expect(fold.counts.train).toBe(14);
      expect(fold.trainStart).toBe(fold.cutoff - 13);
    }
  });

  it('warns when the data is too short for one fold, and leaves out folds whose test window falls in a gap', () => {
    const short = rollingOriginFolds(makeSales(days(20)), { initial: 15, period: 5, horizon: 7 });
    expect(short.folds).toEqual([]);
    expect(short.warnings).toEqual([evaluateMessages.noFolds(20, 15, 7, 'daily')]);

    const gappy = makeSales([...days(30), ...days(10, '2024-03-01')]);
    const { folds, warnings } = rollingOriginFolds(gappy, { initial: 10, period: 10, horizon: 5 });
    expect(folds.every((f) => f.counts.test > 0)).toBe(true);
    expect(warnings).toContain(evaluateMessages.foldsWithoutTest(3));
  });

  it('never trains on a row dated after its cutoff, and tests exactly the rows in (cutoff, cutoff + horizon] (fast-check)', () => {
    fc.assert(
      fc.property(
        salesArbitrary,
        fc.record({
          initial: fc.integer({ min: 1, max: 20 }),
          period: fc.integer({ min: 1, max: 10 }),
          horizon: fc.integer({ min: 1, max: 10 }),
          folds: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
          trainingWindow: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        }),
        (data, options) => {
          const { folds } = rollingOriginFolds(data, options);
          const first = Math.min(...data.date);
          if (options.folds !== undefined) expect(folds.length).toBeLessThanOrEqual(options.folds);
          for (const fold of folds) {
            expect(fold.testEnd).toBe(addPeriods(fold.cutoff, options.horizon, data.frequency));
            // At least `initial` periods from the first period of the data through the cutoff.
            expect(periodIndex(fold.cutoff, data.frequency) - periodIndex(first, data.frequency) + 1).toBeGreaterThanOrEqual(options.initial);
            for (const { train, test } of fold.series) {
              for (let i = train[0]; i < train[1]; i++) {
                expect(data.date[i]).toBeLessThanOrEqual(fold.cutoff);
                if (fold.trainStart !== null) expect(data.date[i]).toBeGreaterThanOrEqual(fold.trainStart);
              }
              for (let i = test[0]; i < test[1]; i++) {
                expect(data.date[i]).toBeGreaterThan(fold.cutoff);
                expect(data.date[i]).toBeLessThanOrEqual(fold.testEnd);
              }
            }
            // Exactly: every row in (cutoff, testEnd] is a test row of its series, every row in the window a train row.
            const testRows = new Set(fold.series.flatMap(({ test }) => range(test)));
            const trainRows = new Set(fold.series.flatMap(({ train }) => range(train)));
            for (let i = 0; i < data.date.length; i++) {
              const d = data.date[i] as number;
              expect(testRows.has(i)).toBe(d > fold.cutoff && d <= fold.testEnd);
              expect(trainRows.has(i)).toBe(d <= fold.cutoff && (fold.trainStart === null || d >= fold.trainStart));
            }
          }
          const cutoffs = folds.map((f) => periodIndex(f.cutoff, data.frequency));
          for (let k = 1; k < cutoffs.length; k++) expect(((cutoffs[k] as number) - (cutoffs[k - 1] as number)) % options.period).toBe(0);
        },
      ),
      { seed: 20240601, numRuns: 300 },
    );
  });

  it('splitByTime(data, options) cuts every series into train, validation and test in date order (fast-check)', () => {
    fc.assert(
      fc.property(salesArbitrary, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 10 }), (data, horizon, validation) => {
        const split = splitByTime(data, { horizon, validation });
        expect(split.end).toBe(addPeriods(split.validationCutoff, horizon, data.frequency));
        expect(split.validationCutoff).toBe(addPeriods(split.trainCutoff, validation, data.frequency));
        let covered = 0;
        for (const s of split.series) {
          expect(s.train[1]).toBe(s.validation[0]);
          expect(s.validation[1]).toBe(s.test[0]);
          for (let i = s.train[0]; i < s.train[1]; i++) expect(data.date[i]).toBeLessThanOrEqual(split.trainCutoff);
          for (let i = s.validation[0]; i < s.validation[1]; i++) {
            expect(data.date[i]).toBeGreaterThan(split.trainCutoff);
            expect(data.date[i]).toBeLessThanOrEqual(split.validationCutoff);
          }
          for (let i = s.test[0]; i < s.test[1]; i++) expect(data.date[i]).toBeGreaterThan(split.validationCutoff);
          covered += s.test[1] - s.train[0];
        }
        expect(covered).toBe(data.date.length);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

function range([from, to]: readonly [number, number]): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
