import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { detachChartData } from '../../../src/lib/charts/detach-chart-data';
import { liveCurvesSpec } from '../../../src/lib/charts/live-curves-spec';
import { salesOverTimeSpec } from '../../../src/lib/charts/sales-over-time-spec';
import { exploreFixture } from './explore-fixture';

// That a detached form, given its rows back, draws what the spec draws: tests/node/adapters/vega-expressions.test.ts.

const result = exploreFixture();
const curves = (epochs: number) =>
  Array.from({ length: epochs }, (_, i) => ({ model: 'mlp', window: 'fold 1', epoch: i + 1, loss: 1 / (i + 1), valLoss: 1.2 / (i + 1) }));

describe('detachChartData(spec)', () => {
  it('names each inline array once, wherever it appears, keeps the rest of its data entry, and leaves the spec as it was', () => {
    const rows = [{ x: 1 }, { x: 2 }];
    const other = [{ x: 3 }];
    const spec = {
      data: { values: rows },
      layer: [{ mark: 'point' }, { data: { values: rows, format: { type: 'json' } }, mark: 'line' }, { data: { values: other }, mark: 'rule' }],
      encoding: { x: { field: 'x', type: 'quantitative' } },
    } as unknown as TopLevelSpec;
    const before = JSON.stringify(spec);
    const { shape, datasets } = detachChartData(spec);
    expect(JSON.stringify(spec)).toBe(before);
    expect(datasets).toEqual({ fl_rows_0: rows, fl_rows_1: other });
    expect(datasets.fl_rows_0).toBe(rows);
    expect(shape).toEqual({
      data: { name: 'fl_rows_0' },
      layer: [{ mark: 'point' }, { data: { format: { type: 'json' }, name: 'fl_rows_0' }, mark: 'line' }, { data: { name: 'fl_rows_1' }, mark: 'rule' }],
      encoding: { x: { field: 'x', type: 'quantitative' } },
    });
  });

  it('gives two specs that differ in their rows alone the same key, and specs of another form another', () => {
    const grown = detachChartData(liveCurvesSpec(curves(12)));
    expect(detachChartData(liveCurvesSpec(curves(3))).key).toBe(grown.key);
    expect(grown.datasets.fl_rows_0).toHaveLength(24);
    expect(grown.key).not.toContain('"values"');
    const byStore = salesOverTimeSpec(result.salesByGroup?.rows ?? []);
    const total = salesOverTimeSpec(result.salesOverTime.rows);
    // One line (a fixed colour) against one per store (a colour scale over the stores): another form.
    expect(detachChartData(byStore).key).not.toBe(detachChartData(total).key);
  });
});
