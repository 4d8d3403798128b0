import { describe, expect, it } from 'vitest';
import { findZeroRuns } from '../../../src/lib/eda/find-zero-runs';
import { makeSales, type SalesRow } from './make-sales';

function series(shop: string, values: number[]): SalesRow[] {
  return values.map((sales, t) => ({ date: 19_723 + t, sales, shop }));
}

describe('findZeroRuns', () => {
  const data = makeSales(
    [
      ...series('a', [0, 0, 0, 5, 4, 0, 0, 0, 0, 3, 0, 0]),
      ...series('b', [2, 0, 0, NaN, 0, 0, 1, 0, 0, 0]),
      ...series('c', [0, 0, 0]),
    ],
    { keys: ['shop'] },
  );

  it('findZeroRuns(data, {minLength: 3}) finds runs at the start, middle and end of each series, longest first', () => {
    const report = findZeroRuns(data, { minLength: 3 });
    expect(report.runs.map((r) => [r.label, r.start, r.end, r.length, r.position])).toEqual([
      ['shop a', '2024-01-06', '2024-01-09', 4, 'middle'],
      ['shop a', '2024-01-01', '2024-01-03', 3, 'start'],
      ['shop b', '2024-01-08', '2024-01-10', 3, 'end'],
      ['shop c', '2024-01-01', '2024-01-03', 3, 'whole'],
    ]);
    expect(report).toMatchObject({ total: 4, rowsInRuns: 13, seriesWithRuns: 3, minLength: 3 });
  });

  it('findZeroRuns(data, {minLength}) treats a missing value as the end of a run, not part of it', () => {
    const report = findZeroRuns(data, { minLength: 2 });
    const b = report.runs.filter((r) => r.label === 'shop b').map((r) => r.length);
    expect(b).toEqual([3, 2, 2]);
  });

  it('findZeroRuns(data, {minLength, limit}) keeps the longest runs and counts all', () => {
    const report = findZeroRuns(data, { minLength: 2, limit: 1 });
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0]?.length).toBe(4);
    expect(report.total).toBe(7);
  });
});
