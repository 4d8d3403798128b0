import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/lib/core/days';
import type { Frequency } from '../../../src/lib/data/types';
import { evaluateMessages } from '../../../src/lib/messages/evaluate';
import { splitByTime } from '../../../src/lib/split/split-by-time';
import { isoDay, makeSales, type SalesRow } from '../eda/make-sales';
import { salesArbitrary } from './sales-arbitrary';

const daily = (series: string, from: string, days: number, value = (t: number) => t): SalesRow[] =>
  Array.from({ length: days }, (_, t) => ({ date: isoDay(from) + t, sales: value(t), store: series }));

describe('splitByTime(data, { horizon, validation, trainingWindow })', () => {
  it('tests the last horizon periods, validates the horizon before them and trains on the rest by default', () => {
    const data = makeSales(daily('A', '2024-01-01', 30), { keys: ['store'] });
    const split = splitByTime(data, { horizon: 7 });
    expect(split.validation).toBe(7);
    expect(split.trainingWindow).toBeNull();
    expect(split.trainStart).toBeNull();
    expect(split.end).toBe(isoDay('2024-01-30'));
    expect(split.validationCutoff).toBe(isoDay('2024-01-23'));
    expect(split.trainCutoff).toBe(isoDay('2024-01-16'));
    expect(split.counts).toEqual({ train: 16, validation: 7, test: 7 });
    expect(split.series).toEqual([{ series: 0, train: [0, 16], validation: [16, 23], test: [23, 30] }]);
    expect(split.warnings).toEqual([]);
  });

  it('splitByTime(data, { trainingWindow }) trains on the last N periods before validation only', () => {
    const data = makeSales(daily('A', '2024-01-01', 30), { keys: ['store'] });
    const split = splitByTime(data, { horizon: 7, validation: 3, trainingWindow: 10 });
    expect(split.trainStart).toBe(isoDay('2024-01-11'));
    expect(split.trainCutoff).toBe(isoDay('2024-01-20'));
    expect(split.series[0]).toEqual({ series: 0, train: [10, 20], validation: [20, 23], test: [23, 30] });
  });

  it('splitByTime(data, { validation: 0 }) has no validation rows', () => {
    const data = makeSales(daily('A', '2024-01-01', 10), { keys: ['store'] });
    const split = splitByTime(data, { horizon: 3, validation: 0 });
    expect(split.trainCutoff).toBe(split.validationCutoff);
    expect(split.counts).toEqual({ train: 7, validation: 0, test: 3 });
  });

  it('gives every series the same calendar cutoffs: a series that stops early has an empty test', () => {
    const rows = [...daily('A', '2024-01-01', 20), ...daily('B', '2024-01-05', 10)];
    const data = makeSales(rows, { keys: ['store'] });
    const split = splitByTime(data, { horizon: 5, validation: 5 });
    expect(split.validationCutoff).toBe(isoDay('2024-01-15'));
    // B runs 2024-01-05 … 2024-01-14: train up to 01-10 (6 rows), validation 01-11 … 01-14 (4 rows), no test.
    expect(split.series[1]).toEqual({ series: 1, train: [20, 26], validation: [26, 30], test: [30, 30] });
    expect(split.counts).toEqual({ train: 16, validation: 9, test: 5 });
  });

  it('reports cutoffs as period ends: Sundays for weekly data stamped on Mondays, month-ends for monthly data', () => {
    const weeks = Array.from({ length: 10 }, (_, t) => ({ date: isoDay('2024-01-01') + 7 * t, sales: t }));
    const weekly = splitByTime(makeSales(weeks, { frequency: 'weekly' }), { horizon: 2, validation: 2 });
    expect(weekly.end).toBe(isoDay('2024-03-10'));
    expect(weekly.validationCutoff).toBe(isoDay('2024-02-25'));
    expect(weekly.counts).toEqual({ train: 6, validation: 2, test: 2 });

    const months = Array.from({ length: 12 }, (_, t) => ({ date: `2023-${String(t + 1).padStart(2, '0')}-15`, sales: t }));
    const monthly = splitByTime(makeSales(months, { frequency: 'monthly' }), { horizon: 3, validation: 0, trainingWindow: 4 });
    expect(monthly.end).toBe(isoDay('2023-12-31'));
    expect(monthly.trainCutoff).toBe(isoDay('2023-09-30'));
    expect(monthly.trainStart).toBe(isoDay('2023-06-01'));
    expect(monthly.counts).toEqual({ train: 4, validation: 0, test: 3 });
  });

  it('warns, in a user-facing sentence, when nothing is left to train on', () => {
    const data = makeSales(daily('A', '2024-01-01', 10), { keys: ['store'] });
    const split = splitByTime(data, { horizon: 7, validation: 7 });
    expect(split.counts.train).toBe(0);
    expect(split.warnings).toEqual([evaluateMessages.nothingToTrain(10, 7, 7, 'daily')]);
  });

  it('throws a RangeError for a horizon that is not a whole number ≥ 1, and for an empty table', () => {
    const data = makeSales(daily('A', '2024-01-01', 10), { keys: ['store'] });
    expect(() => splitByTime(data, { horizon: 0 })).toThrow(evaluateMessages.notPositiveInteger('horizon', 0));
    expect(() => splitByTime(data, { horizon: 2.5 })).toThrow(RangeError);
    expect(() => splitByTime(data, { horizon: 2, validation: -1 })).toThrow(evaluateMessages.notNonNegativeInteger('validation', -1));
    expect(() => splitByTime(makeSales([]), { horizon: 2 })).toThrow(evaluateMessages.noRows());
  });

  it('cuts every series into train, validation and test in date order, cutoffs horizon and validation periods apart (fast-check)', () => {
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

  it('returns plain JSON', () => {
    const split = splitByTime(makeSales(daily('A', '2024-01-01', 30), { keys: ['store'] }), { horizon: 7 });
    expect(JSON.parse(JSON.stringify(split))).toEqual(split);
  });
});

/** `count` periods after a cutoff that is a period end, counted without the calendar code under test. */
function addPeriods(cutoff: number, count: number, frequency: Frequency): number {
  return frequency === 'daily' ? cutoff + count : frequency === 'weekly' ? cutoff + 7 * count : addMonths(cutoff, count);
}
