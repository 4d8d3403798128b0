import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { errorBySeriesRows, errorBySeriesSpec } from '../../../src/lib/charts/error-by-series-spec';
import { errorByStepRows, errorByStepSpec } from '../../../src/lib/charts/error-by-step-spec';
import { hasChartData } from '../../../src/lib/charts/has-chart-data';
import { importanceSpec } from '../../../src/lib/charts/importance-spec';
import { moneyRows, moneySpec } from '../../../src/lib/charts/money-spec';
import { defaultSampleSeries, predictedVsActualSpec, sampleSeries, selectSamples } from '../../../src/lib/charts/predicted-vs-actual-spec';
import { residualRows, residualsSpec } from '../../../src/lib/charts/residuals-spec';
import { testWindow } from '../../../src/lib/evaluate/leaderboard';
import { makeRunMetrics } from '../evaluate/make-run-metrics';
import { compileSpec } from './compile-spec';

const { metrics, samples } = makeRunMetrics();
const mlp = metrics.models.find((m) => m.name === 'mlp')!;
const pair = ['mlp', 'seasonal-naive'] as const;

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const loose = (spec: TopLevelSpec) => spec as unknown as Loose;

const cases: [string, TopLevelSpec, string[]][] = [
  ['predictedVsActualSpec(samples, {models})', predictedVsActualSpec(samples, { models: pair }), ['area', 'line', 'symbol']],
  ['predictedVsActualSpec(samples, {series: "total"})', predictedVsActualSpec(samples, { series: 'total' }), ['line', 'symbol']],
  ['residualsSpec(samples, {models})', residualsSpec(samples, { models: pair }), ['rule', 'line', 'symbol', 'rect']],
  ['errorByStepSpec(rows)', errorByStepSpec(errorByStepRows(metrics, { primary: 'wape' })), ['line', 'symbol']],
  ['errorBySeriesSpec(rows)', errorBySeriesSpec(errorBySeriesRows(metrics, { models: pair })), ['rect']],
  ['importanceSpec(importance)', importanceSpec(mlp.importance!), ['rect']],
  ['moneySpec(rows)', moneySpec(moneyRows(metrics)), ['rect', 'rule']],
];

describe('evaluate chart specs', () => {
  it.each(cases)('%s compiles with vega-lite, without warnings, to the expected marks', (_, spec, marks) => {
    const compiled = compileSpec(spec);
    expect(compiled.warnings).toEqual([]);
    expect(compiled.marks).toEqual(marks);
  });

  it.each(cases)('%s has inline data, a container width, a title and tooltips', (_, spec) => {
    expect(hasChartData(spec)).toBe(true);
    expect(JSON.stringify(spec)).toContain('"width":"container"');
    expect(JSON.stringify(spec)).toContain('"tooltip":[');
    expect(loose(spec).title.text).toBeTruthy();
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('sampleSeries(samples) and defaultSampleSeries(samples) list the total and the series with a band', () => {
    const series = sampleSeries(samples);
    expect(series[0]).toBe('total');
    expect(series).toHaveLength(2);
    expect(defaultSampleSeries(samples)).toBe(series[1]);
    expect(defaultSampleSeries([])).toBeNull();
    const picked = selectSamples(samples, { models: ['seasonal-naive', 'mlp'], series: 'total' });
    expect(picked.samples.map((s) => s.model)).toEqual(['seasonal-naive', 'mlp']);
    expect(picked.samples.every((s) => s.rows.length === 28 && s.rows.every((r) => r.series === 'total'))).toBe(true);
  });

  it('predictedVsActualSpec(samples, {models}) draws the actual once, one P50 line per model, and bands only where a model has one', () => {
    const spec = loose(predictedVsActualSpec(samples, { models: pair }));
    const [band, lines] = spec.layer;
    const byModel = (values: Loose[]) => Object.fromEntries([...new Set(values.map((v) => v.model))].map((m) => [m, values.filter((v) => v.model === m).length]));
    expect(byModel(lines.data.values)).toEqual({ Actual: 28, MLP: 28, 'Seasonal naive': 28 });
    expect(byModel(band.data.values)).toEqual({ MLP: 28 });
    expect(lines.encoding.color.scale).toEqual({ domain: ['Actual', 'MLP', 'Seasonal naive'], range: ['#222222', '#f28e2b', '#9c755f'] });
    expect(spec.title.subtitle).toContain(defaultSampleSeries(samples));
    expect(lines.encoding.tooltip.map((t: Loose) => t.title)).toEqual(['Date', 'Line', 'Units']);
    // A baseline (or the summed total) has no band: no empty band layer either.
    expect(loose(predictedVsActualSpec(samples, { models: ['naive'] })).layer).toHaveLength(1);
    expect(loose(predictedVsActualSpec(samples, { series: 'total' })).layer).toHaveLength(1);
  });

  it('residualsSpec(samples) shows actual − P50 over time and as a histogram', () => {
    const rows = residualRows(samples, { models: ['mlp'] });
    expect(rows).toHaveLength(28);
    for (const r of rows) expect(r.residual).toBeCloseTo(r.actual - r.fitted, 9);
    const spec = loose(residualsSpec(samples, { models: ['mlp'] }));
    expect(spec.vconcat).toHaveLength(2);
    expect(spec.vconcat[1].encoding.x.bin).toBeTruthy();
  });

  it('errorByStepRows(metrics, {primary}) gives each model’s test-window error per step (MAE for MASE)', () => {
    const rows = errorByStepRows(metrics, { primary: 'wape' });
    expect(rows).toHaveLength(6 * 28);
    const step1 = testWindow(mlp)!.evaluation.byStep[0]!;
    expect(rows.find((r) => r.model === 'mlp' && r.step === 1)).toEqual({ model: 'mlp', family: 'neural', step: 1, metric: 'wape', value: step1.wape });
    expect(errorByStepRows(metrics, { primary: 'mase' })[0]!.metric).toBe('mae');
    const spec = loose(errorByStepSpec(rows));
    expect(spec.encoding.y.title).toBe('WAPE');
    expect(spec.encoding.strokeDash.field).toBe('family');
  });

  it('errorBySeriesRows(metrics, {models}) compares WAPE on the 20 best-selling series, biggest first', () => {
    const rows = errorBySeriesRows(metrics, { models: pair });
    expect(rows).toHaveLength(40);
    const sales = rows.filter((r) => r.model === 'mlp').map((r) => r.sales);
    expect(sales).toEqual([...sales].sort((a, b) => b - a));
    const first = testWindow(mlp)!.evaluation.bySeries.find((s) => s.label === rows[0]!.series)!;
    expect(rows[0]!.wape).toBe(first.wape);
    expect(errorBySeriesRows(metrics, { models: pair, limit: 5 })).toHaveLength(10);
    expect(errorBySeriesRows(metrics, { models: [] })).toEqual([]);
    expect(loose(errorBySeriesSpec(rows)).encoding.y.sort).toHaveLength(20);
  });

  it('importanceSpec(importance) shows the top features, most important first', () => {
    const spec = loose(importanceSpec(mlp.importance!, { limit: 5 }));
    expect(spec.data.values.map((v: Loose) => v.feature)).toEqual(mlp.importance!.slice(0, 5).map((i) => i.feature));
    expect(spec.encoding.y.sort).toEqual(spec.data.values.map((v: Loose) => v.feature));
  });

  it('moneyRows(metrics) splits each model’s cost of error in three; moneySpec marks the baseline', () => {
    const rows = moneyRows(metrics);
    expect(rows).toHaveLength(18);
    const mlpRows = rows.filter((r) => r.model === 'mlp');
    expect(mlpRows.reduce((s, r) => s + r.cost, 0)).toBeCloseTo(testWindow(mlp)!.evaluation.business.errorCost, 6);
    const spec = loose(moneySpec(rows));
    const [bars, rule] = spec.layer;
    expect(bars.encoding.y.sort[0]).toBe('MLP');
    expect(bars.encoding.y.sort).toContain('Seasonal naive (baseline)');
    expect(rule.data.values).toHaveLength(1);
    expect(rule.data.values[0].total).toBe(rows.find((r) => r.baseline)!.total);
  });
});
