import { describe, expect, it } from 'vitest';
import { businessMetrics } from '../../../src/lib/evaluate/business-metrics';
import { intervalCoverage } from '../../../src/lib/evaluate/interval-coverage';
import { mae } from '../../../src/lib/evaluate/mae';
import { mape } from '../../../src/lib/evaluate/mape';
import { wape } from '../../../src/lib/evaluate/wape';
import { formatNumber } from '../../../src/lib/format/format-number';
import { scopeMessages } from '../../../src/lib/messages/scope';
import type { Forecast } from '../../../src/lib/models/types';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import { evaluateMetric } from '../../../src/lib/scope/evaluate-metric';
import type { MetricRows } from '../../../src/lib/scope/metric-expression';
import { metricRows } from '../../../src/lib/scope/metric-rows';
import { parseMetricExpression } from '../../../src/lib/scope/parse-metric-expression';
import { expectClose } from '../evaluate/expect-close';
import { metricsReference as reference } from '../evaluate/metrics-reference';

function run(text: string, rows: MetricRows) {
  const ast = parseMetricExpression(text);
  if ('error' in ast) throw new Error(ast.error.message);
  return evaluateMetric(ast, rows);
}

function value(text: string, rows: MetricRows): number {
  const result = run(text, rows);
  if ('error' in result) throw new Error(result.error.message);
  return result.value;
}

describe('evaluateMetric(ast, rows)', () => {
  // Golden values: ../shared/reference/metrics.json, computed with scipy/sklearn — see versions in the file.
  const [daily, , withZeros] = reference.cases;
  const rows = { actual: daily!.y_true, forecast: daily!.y_pred };

  it('sum(abs(actual - forecast)) / sum(actual) equals WAPE on the reference case', () => {
    expectClose(value('sum(abs(actual - forecast)) / sum(actual)', rows), daily!.expected.wape);
    expectClose(value('sum(abs(actual - forecast)) / sum(actual)', rows), wape(daily!.y_true, daily!.y_pred));
  });

  it('mean(abs(actual - forecast)) equals MAE, and sqrt by ^ 0.5 gives RMSE', () => {
    expectClose(value('mean(abs(actual - forecast))', rows), daily!.expected.mae);
    expectClose(value('mean((forecast - actual) ^ 2) ^ 0.5', rows), daily!.expected.rmse);
    expectClose(value('mean(forecast - actual)', rows), daily!.expected.bias_mean_error);
  });

  it('skips rows whose value is undefined, so a MAPE formula leaves zero actuals out as MAPE does', () => {
    const zeros = { actual: withZeros!.y_true, forecast: withZeros!.y_pred };
    const formula = '100 * mean(abs(actual - forecast) / abs(actual))';
    expectClose(value(formula, zeros), withZeros!.expected.mape_pct_zeros_excluded);
    expectClose(value(formula, zeros), mape(zeros.actual, zeros.forecast));
  });

  it('gives NaN, shown as “–”, for division by zero and anything else without a finite value', () => {
    const r = { actual: [0, 0], forecast: [1, 2] };
    expect(value('sum(actual) / 0', r)).toBeNaN();
    expect(value('1 / 0', r)).toBeNaN();
    expect(value('0 / 0', r)).toBeNaN();
    expect(value('sum(forecast) / sum(actual)', r)).toBeNaN();
    expect(value('0 ^ -1', r)).toBeNaN();
    expect(value('10 ^ 400', r)).toBeNaN();
    expect(formatNumber(value('1 / 0', r))).toBe('–');
  });

  it('aggregates over all rows: sum, mean, min, max skip NaN; count(x) counts rows where x is neither NaN nor 0', () => {
    const r = { actual: [1, NaN, 3, 0], forecast: [2, 2, 2, 2] };
    expect(value('sum(actual)', r)).toBe(4);
    expect(value('mean(actual)', r)).toBe(4 / 3);
    expect(value('min(actual) + max(actual)', r)).toBe(3);
    expect(value('count(actual)', r)).toBe(2);
    expect(value('count()', r)).toBe(4);
    expect(value('sum(1)', r)).toBe(4);
    expect(value('count(actual > forecast)', r)).toBe(1);
    expect(value('sum(min(actual, forecast))', r)).toBe(3);
    expect(value('mean(actual * 0 + 7)', r)).toBe(7);
    expect(value('sum(actual)', { actual: [], forecast: [] })).toBeNaN();
    expect(value('max(actual)', { actual: [NaN], forecast: [1] })).toBeNaN();
  });

  it('keeps comparisons with a NaN side undefined rather than false', () => {
    expect(value('count(actual < forecast) + count(actual >= forecast)', { actual: [1, NaN, 3], forecast: [2, 2, 2] })).toBe(2);
    expect(value('sum(actual == forecast)', { actual: [2, NaN], forecast: [2, 2] })).toBe(1);
  });

  it('reads per-row fields and scalar ones from metricRows(actual, forecast, cost): a cost of error matching businessMetrics', () => {
    const forecast: Forecast = {
      series: Int32Array.of(0, 0, 0, 0),
      date: Int32Array.of(1, 2, 3, 4),
      step: Int32Array.of(1, 2, 3, 4),
      p50: Float64Array.of(7, 9, 2, 8),
      p10: Float64Array.of(5, 7, 0, 6),
      p90: Float64Array.of(9, 11, 4, 10),
    };
    const actual = [10, 5, 0, 8];
    const cost = defaultCostModel('weekly');
    const r = metricRows({ actual, forecast, cost });
    const formula =
      'sum(max(max(forecast, 0) - actual, 0)) * holding + sum(max(actual - max(forecast, 0), 0)) * (price - cost + penalty)';
    expectClose(value(formula, r), businessMetrics(actual, forecast.p50, cost).errorCost);
    expect(value('mean(actual >= p10) - mean(actual > p90)', r)).toBe(intervalCoverage(actual, forecast.p10!, forecast.p90!));
    expect(value('mean(step)', r)).toBe(2.5);
    expect(value('mean(abs(actual - forecast) * (step <= 2))', r)).toBe(mae([10, 5, 0, 0], [7, 9, 0, 0]));
  });

  it('lets cost-model columns stand outside aggregates when they are one number, not when they are given per row', () => {
    const r = { actual: [3, 1], forecast: [1, 1], price: 10 };
    expect(value('sum(actual - forecast) * price', r)).toBe(20);
    expect(run('sum(actual - forecast) * price', { ...r, price: [10, 12] })).toEqual({
      error: { message: scopeMessages.rowLevelResult('price'), position: 25, token: 'price' },
    });
    expect(value('sum((actual - forecast) * price)', { ...r, price: [10, 12] })).toBe(20);
  });

  it('is an error, pointing at the first use, to read a column the rows lack (p10 of a point forecast)', () => {
    expect(run('mean(actual > p10) + sum(p10)', { actual: [1], forecast: [1] })).toEqual({
      error: { message: scopeMessages.missingColumn('p10'), position: 14, token: 'p10' },
    });
  });
});
