import { describe, expect, it } from 'vitest';
import { combineForecasts } from '../../../src/lib/models/combine-forecasts';
import type { Forecast } from '../../../src/lib/models/types';

const forecast = (series: number[], p50: number[], band = 1): Forecast => ({
  series: Int32Array.from(series),
  date: Int32Array.from(series.map((_, i) => 100 + (i % 2))),
  step: Int32Array.from(series.map((_, i) => (i % 2) + 1)),
  p50: Float64Array.from(p50),
  p10: Float64Array.from(p50.map((v) => v - band)),
  p90: Float64Array.from(p50.map((v) => v + band)),
});

describe('combineForecasts(members, method)', () => {
  it('averages or takes the median per (series, step)', () => {
    const members = [forecast([0, 0], [10, 20]), forecast([0, 0], [13, 26]), forecast([0, 0], [100, 29])];
    expect([...combineForecasts(members, 'mean').p50]).toEqual([41, 25]);
    expect([...combineForecasts(members, 'median').p50]).toEqual([13, 26]);
    expect([...combineForecasts(members, 'mean').p10!]).toEqual([40, 24]);
  });

  it('leaves a member out of the series it did not forecast, rather than counting it as zero', () => {
    const combined = combineForecasts([forecast([0, 0, 1, 1], [10, 10, 50, 50]), forecast([0, 0], [20, 20])], 'mean');
    expect([...combined.series]).toEqual([0, 0, 1, 1]);
    expect([...combined.p50]).toEqual([15, 15, 50, 50]);
  });
});
