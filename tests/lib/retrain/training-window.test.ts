import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../src/lib/data/civil-days';
import { trainingWindow } from '../../../src/lib/retrain/training-window';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const sliding = (windowLength: number | null) => ({ window: 'sliding' as const, windowLength });

describe('trainingWindow({policy, end, historyStart, frequency})', () => {
  const historyStart = day(2018, 1, 1);

  it('expanding: all history up to the newest actual', () => {
    const end = day(2021, 3, 10);
    expect(trainingWindow({ policy: { window: 'expanding', windowLength: 30 }, end, historyStart, frequency: 'daily' })).toEqual({ start: historyStart, end });
  });

  it('sliding: exactly the last L periods, whatever the stamps', () => {
    const end = day(2021, 3, 10);
    expect(trainingWindow({ policy: sliding(7), end, historyStart, frequency: 'daily' })).toEqual({ start: day(2021, 3, 4), end });
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
});
