import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { customMetrics } from '../../../src/lib/evaluate/custom-metrics';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import { makeSales } from '../eda/make-sales';

// Reference: ../shared/reference/metrics.json (computed with scipy/sklearn; versions in the file).
const reference = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../shared/reference/metrics.json'), 'utf8'));
const first = reference.cases[0] as { y_true: number[]; y_pred: number[]; expected: { wape: number; mae: number } };

describe('customMetrics({data, forecast, cost, metrics})', () => {
  const days = first.y_true.map((_, i) => 19_000 + i);
  const data = makeSales(days.map((date, i) => ({ date, sales: first.y_true[i] as number })));
  const forecast = {
    series: new Int32Array(days.length),
    date: Int32Array.from(days),
    step: Int32Array.from(days, (_, i) => i + 1),
    p50: Float64Array.from(first.y_pred),
  };
  const cost = defaultCostModel('daily');

  it('computes a WAPE formula equal to the reference WAPE, and MAE as a mean', () => {
    const values = customMetrics({
      data,
      forecast,
      cost,
      metrics: [
        { name: 'my wape', expression: 'sum(abs(actual - forecast)) / sum(actual)' },
        { name: 'my mae', expression: 'mean(abs(actual - forecast))' },
      ],
    });
    expect(values[0]?.value).toBeCloseTo(first.expected.wape, 12);
    expect(values[1]?.value).toBeCloseTo(first.expected.mae, 12);
  });

  it('reports a formula that cannot be parsed instead of failing the others', () => {
    const values = customMetrics({ data, forecast, cost, metrics: [{ name: 'bad', expression: 'sum(actual - ) / 2' }, { name: 'n', expression: 'count()' }] });
    expect(values[0]).toMatchObject({ name: 'bad', value: null });
    expect(values[0]?.error).toBeTruthy();
    expect(values[1]?.value).toBe(first.y_true.length);
  });
});

describe('customMetricTable(metrics)', () => {
  it('lays the test-window values out as model × formula, and is empty without formulas', async () => {
    const { customMetricTable } = await import('../../../src/lib/evaluate/custom-metric-table');
    const window = (custom?: { name: string; value: number | null; error: string | null }[]) => ({ window: 'test', custom }) as never;
    const metrics = {
      models: [
        { name: 'mlp', windows: [window([{ name: 'lost', value: 3, error: null }])] },
        { name: 'naive', windows: [window([{ name: 'lost', value: null, error: 'bad' }])] },
      ],
    } as never;
    expect(customMetricTable(metrics)).toEqual({
      names: ['lost'],
      rows: [
        { model: 'mlp', values: [3], errors: [null] },
        { model: 'naive', values: [null], errors: ['bad'] },
      ],
    });
    expect(customMetricTable({ models: [{ name: 'mlp', windows: [window()] }] } as never).names).toEqual([]);
  });
});
