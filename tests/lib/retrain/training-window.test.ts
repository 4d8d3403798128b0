import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../src/lib/core/days';
import { SHIFTED_ROW_WEIGHT, trainingWindow, windowRows } from '../../../src/lib/retrain/training-window';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const sliding = (windowLength: number | null) => ({ window: 'sliding' as const, windowLength });

describe('trainingWindow({policy, end, historyStart, frequency, shifts, validationPeriods})', () => {
  const historyStart = day(2018, 1, 1);

  it('expanding: all history up to the newest actual', () => {
    const end = day(2021, 3, 10);
    expect(trainingWindow({ policy: { window: 'expanding', windowLength: 30 }, end, historyStart, frequency: 'daily' })).toEqual({ start: historyStart, end, shifted: [] });
  });

  it('sliding: exactly the last L periods, whatever the stamps', () => {
    const end = day(2021, 3, 10);
    expect(trainingWindow({ policy: sliding(7), end, historyStart, frequency: 'daily' })).toEqual({ start: day(2021, 3, 4), end, shifted: [] });
    // Weekly data stamped on Sundays: two weeks back from Sunday 7 March hold the stamps of 28 Feb and 7 Mar.
    const sunday = day(2021, 3, 7);
    expect(trainingWindow({ policy: sliding(2), end: sunday, historyStart, frequency: 'weekly' }).start).toBe(day(2021, 2, 22));
    // Monthly, month-end stamps: 12 months to 31 Dec 2020 start on 1 Jan 2020 (just after 31 Dec 2019).
    expect(trainingWindow({ policy: sliding(12), end: day(2020, 12, 31), historyStart, frequency: 'monthly' }).start).toBe(day(2020, 1, 1));
    // Month-start stamps: 12 months to 1 Dec 2020 include 1 Jan 2020 and leave out 1 Dec 2019.
    const start = trainingWindow({ policy: sliding(12), end: day(2020, 12, 1), historyStart, frequency: 'monthly' }).start;
    expect(start).toBeGreaterThan(day(2019, 12, 1));
    expect(start).toBeLessThanOrEqual(day(2020, 1, 1));
  });

  it('sliding without a length takes one year, and never starts before the history', () => {
    const end = day(2021, 3, 10);
    expect(trainingWindow({ policy: sliding(null), end, historyStart, frequency: 'daily' }).start).toBe(end - 364);
    expect(trainingWindow({ policy: sliding(5000), end, historyStart, frequency: 'daily' }).start).toBe(historyStart);
  });

  it('adaptive: all history, with each shifted store held to its rows from the shift on, but never to fewer than a week of them', () => {
    const end = day(2021, 3, 31);
    const policy = { window: 'adaptive' as const, windowLength: null };
    const shifts = [{ series: [0, 1], from: day(2021, 3, 1), label: 'store S1' }];
    const window = trainingWindow({ policy, end, historyStart, frequency: 'daily', shifts, validationPeriods: 7 });
    expect(window).toEqual({ start: historyStart, end, shifted: shifts });
    // A shift two days before the training rows end (31 March less 7 validation days): the last 7 training days instead.
    const recent = trainingWindow({ policy, end, historyStart, frequency: 'daily', shifts: [{ series: [2], from: day(2021, 3, 22) }], validationPeriods: 7 });
    expect(recent.shifted).toEqual([{ series: [2], from: day(2021, 3, 18) }]);
    // Expanding and sliding ignore shifts.
    expect(trainingWindow({ policy: { ...policy, window: 'expanding' }, end, historyStart, frequency: 'daily', shifts }).shifted).toEqual([]);
    expect(trainingWindow({ policy: sliding(30), end, historyStart, frequency: 'daily', shifts }).shifted).toEqual([]);
  });
});

describe('windowRows(matrix, selected, shifted)', () => {
  it('leaves out a shifted series’ rows dated before its shift and repeats those from it on, keeping x, y and index aligned', () => {
    // Rows: series 0 on days 1–3, series 1 on days 1–3; two features each.
    const matrix = { series: Int32Array.from([0, 0, 0, 1, 1, 1]), date: Int32Array.from([1, 2, 3, 1, 2, 3]) };
    const selected = { x: Float32Array.from([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]), y: Float32Array.from([0, 1, 2, 3, 4, 5]), rows: 6, width: 2, index: Int32Array.from([0, 1, 2, 3, 4, 5]) };
    const kept = windowRows(matrix, selected, [{ series: [1], from: 3 }]);
    const repeated = Array<number>(SHIFTED_ROW_WEIGHT).fill(5);
    expect(Array.from(kept.index)).toEqual([0, 1, 2, ...repeated]);
    expect(Array.from(kept.y)).toEqual([0, 1, 2, ...repeated]);
    expect(Array.from(kept.x)).toEqual([0, 0, 1, 1, 2, 2, ...repeated.flatMap((v) => [v, v])]);
    expect(kept.rows).toBe(3 + SHIFTED_ROW_WEIGHT);
    expect(windowRows(matrix, selected, [])).toBe(selected);
  });
});
