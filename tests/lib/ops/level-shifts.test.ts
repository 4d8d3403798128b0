import { describe, expect, it } from 'vitest';
import type { SalesData } from '../../../src/lib/data/types';
import type { SegmentBias } from '../../../src/lib/monitor/alert-raise';
import { detectLevelShifts } from '../../../src/lib/ops/level-shifts';
import { periodGrid } from '../../../src/lib/core/period-grid';

// Two stores of one product, 30 simulated days after 5 days of history; store B sells 100 a day, then 50 from the
// simulated day 12 on, while the served forecasts stay at 100 for both (with a little weekday wobble for A).
const DAYS = 35;
const START = 19_000;
const HISTORY_END = START + 4;
const sales = (s: number, d: number) => (s === 1 && d >= 5 + 12 ? 50 : 100) + (s === 0 ? (d % 7) - 3 : 0);
const data: SalesData = {
  date: Int32Array.from({ length: 2 * DAYS }, (_, i) => START + (i % DAYS)),
  series: Int32Array.from({ length: 2 * DAYS }, (_, i) => Math.floor(i / DAYS)),
  sales: Float64Array.from({ length: 2 * DAYS }, (_, i) => sales(Math.floor(i / DAYS), i % DAYS)),
  covariates: {},
  seriesKeys: ['store'],
  seriesKeyValues: [['A'], ['B']],
  seriesLabels: ['A', 'B'],
  frequency: 'daily',
  mapping: { date: 'date', sales: 'sales', keys: ['store'], covariates: [] },
};
const grid = periodGrid(data, { historyEnd: HISTORY_END, periods: DAYS - 5 });
const served = new Float64Array(grid.dates.length * 2).fill(100);
served[0] = served[1] = NaN; // period 0 is served by no request
const bias = (value: string, share: number): SegmentBias => ({ column: 'store', value, bias: share, wape: Math.abs(share), rows: 14, actual: 1, forecast: 1 + share });
const detect = (overrides: Partial<Parameters<typeof detectLevelShifts>[0]> = {}) =>
  detectLevelShifts({ data, grid, served, known: 25, segments: [bias('A', 0.02), bias('B', 0.8)], threshold: 0.35, alerts: [], previous: [], ...overrides });

describe('detectLevelShifts({data, grid, served, known, segments, threshold, alerts, previous})', () => {
  it('finds the store whose bias is over the rule, dated at the step in its actual / forecast ratio, not at the alert', () => {
    expect(detect()).toEqual([{ column: 'store', value: 'B', series: [1], period: 12, from: grid.dates[12] }]);
  });

  it('finds each store once, and none under the rule', () => {
    const first = detect();
    expect(detect({ previous: first, known: 29 })).toEqual(first);
    expect(detect({ segments: [bias('B', -0.3)] })).toEqual([]);
  });

  it('takes a data-quality alert since the step for broken data, not a new level', () => {
    expect(detect({ alerts: [{ kind: 'data-quality', period: 14 }] })).toEqual([]);
    expect(detect({ alerts: [{ kind: 'data-quality', period: 3 }, { kind: 'performance', period: 20 }] })).toHaveLength(1);
  });
});
