import { describe, expect, it } from 'vitest';
import { inferFrequency } from '../../../src/lib/data/infer-frequency';
import { day } from './read-fixture';

const days = (start: string, count: number, step: number): number[] =>
  Array.from({ length: count }, (_, i) => day(start) + i * step);
const months = (year: number, count: number, dayOfMonth = 1): number[] =>
  Array.from({ length: count }, (_, i) => Date.UTC(year, i, dayOfMonth) / 86_400_000);

describe('inferFrequency(dates, options)', () => {
  it('inferFrequency(dates) finds daily, weekly and monthly steps', () => {
    expect(inferFrequency(days('2024-01-01', 30, 1)).frequency).toBe('daily');
    expect(inferFrequency(days('2024-01-05', 30, 7)).frequency).toBe('weekly');
    expect(inferFrequency(months(2020, 30)).frequency).toBe('monthly');
  });

  it('inferFrequency(dates) reads month-end stamps as monthly, not as 28–31-day steps', () => {
    const ends = Array.from({ length: 24 }, (_, i) => Date.UTC(2020, i + 1, 0) / 86_400_000);
    expect(inferFrequency(ends)).toMatchObject({ frequency: 'monthly', mixed: false });
  });

  it('inferFrequency(dates) is robust to gaps, repeats and unsorted input', () => {
    const daily = days('2024-01-01', 60, 1).filter((_, i) => i % 5 !== 3);
    expect(inferFrequency([...daily, ...daily.slice(0, 10)].reverse())).toMatchObject({ frequency: 'daily', mixed: false });
    const weekly = days('2024-01-05', 40, 7).filter((_, i) => i % 4 !== 1);
    expect(inferFrequency(weekly)).toMatchObject({ frequency: 'weekly', mixed: false, disagreement: 0 });
  });

  it('inferFrequency(dates) takes sparse series at the coarsest period all steps share', () => {
    expect(inferFrequency([0, 14, 35, 42, 70]).frequency).toBe('weekly');
    expect(inferFrequency([0, 3, 5, 9, 16]).frequency).toBe('daily');
  });

  it('inferFrequency(dates, { series }) reports daily and weekly series in one file as mixed', () => {
    const a = days('2024-08-01', 10, 1);
    const b = days('2024-08-02', 6, 7);
    const result = inferFrequency([...a, ...b], { series: [...a.map(() => 0), ...b.map(() => 1)] });
    expect(result).toMatchObject({ frequency: 'daily', mixed: true, irregularSeries: [1], seriesFrequency: ['daily', 'weekly'] });
    expect(result.disagreement).toBeCloseTo(5 / 14);
  });

  it('inferFrequency(dates, { series }) reports one weekly series among twenty daily ones, however few its steps', () => {
    const daily = days('2024-01-01', 60, 1);
    const weekly = days('2024-01-01', 9, 7);
    const dates = [...Array.from({ length: 20 }, () => daily).flat(), ...weekly];
    const series = [...Array.from({ length: 20 }, (_, s) => daily.map(() => s)).flat(), ...weekly.map(() => 20)];
    const result = inferFrequency(dates, { series });
    expect(result.disagreement).toBeLessThan(0.01);
    expect(result).toMatchObject({ frequency: 'daily', mixed: true, mixedSeries: [20] });
  });

  it('inferFrequency(dates) ignores a few odd steps (a holiday moved one weekly stamp)', () => {
    const weekly = days('2024-01-05', 30, 7);
    weekly[10]! -= 1;
    expect(inferFrequency(weekly)).toMatchObject({ frequency: 'weekly', mixed: false, irregularSeries: [0], mixedSeries: [] });
  });

  it('inferFrequency(dates) is null without two distinct dates in any series', () => {
    expect(inferFrequency([]).frequency).toBeNull();
    expect(inferFrequency([5, 5, 5]).frequency).toBeNull();
    expect(inferFrequency([1, 9], { series: [0, 1] }).frequency).toBeNull();
  });
});
