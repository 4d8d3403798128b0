import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { decompositionSpec } from '../../../src/lib/charts/decomposition-spec';
import { hasChartData } from '../../../src/lib/charts/has-chart-data';
import { liveCurvesSpec } from '../../../src/lib/charts/live-curves-spec';
import { outliersSpec } from '../../../src/lib/charts/outliers-spec';
import { priceVsSalesSpec } from '../../../src/lib/charts/price-vs-sales-spec';
import { promoUpliftSpec } from '../../../src/lib/charts/promo-uplift-spec';
import { salesDistributionSpec } from '../../../src/lib/charts/sales-distribution-spec';
import { salesOverTimeSpec } from '../../../src/lib/charts/sales-over-time-spec';
import { seasonalProfileSpec } from '../../../src/lib/charts/seasonal-profile-spec';
import { compileSpec } from './compile-spec';
import { exploreFixture } from './explore-fixture';

const result = exploreFixture();
if (!result.decomposition.ok) throw new Error('fixture should decompose');
if (!result.promo || !result.price || !result.outliers.focus) throw new Error('fixture should have promo, price and an outlier');

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const loose = (spec: TopLevelSpec) => spec as unknown as Loose;

const cases: [string, TopLevelSpec, string[]][] = [
  ['salesOverTimeSpec(rows)', salesOverTimeSpec(result.salesByGroup?.rows ?? []), ['line']],
  ['seasonalProfileSpec(profile)', seasonalProfileSpec(result.seasonality[0]!), ['rect', 'rule']],
  ['salesDistributionSpec(distribution)', salesDistributionSpec(result.distribution), ['rect']],
  ['promoUpliftSpec(uplift)', promoUpliftSpec(result.promo), ['rect']],
  ['priceVsSalesSpec(result)', priceVsSalesSpec(result.price), ['symbol', 'line']],
  ['priceVsSalesSpec(result, {view: "absolute"})', priceVsSalesSpec(result.price, { view: 'absolute' }), ['symbol']],
  ['priceVsSalesSpec(result, {view: "absolute", log: true})', priceVsSalesSpec(result.price, { view: 'absolute', log: true }), ['symbol']],
  ['decompositionSpec(rows)', decompositionSpec(result.decomposition.rows), ['line', 'line', 'line', 'line']],
  ['outliersSpec(focus, rows)', outliersSpec(result.outliers.focus, result.outliers.rows), ['line', 'symbol']],
];

describe('chart specs', () => {
  it.each(cases)('%s compiles with vega-lite, without warnings, to the expected marks', (_, spec, marks) => {
    const compiled = compileSpec(spec);
    expect(compiled.warnings).toEqual([]);
    expect(compiled.marks).toEqual(marks);
  });

  it.each(cases)('%s has inline data, a container width and a title', (_, spec) => {
    expect(hasChartData(spec)).toBe(true);
    expect(JSON.stringify(spec)).toContain('"width":"container"');
    expect(loose(spec).title).toBeTruthy();
    // Plain JSON: the spec can be stored with a run and rendered again.
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('salesOverTimeSpec(rows) colours by group in rank order, with tooltips and readable axis titles', () => {
    const spec = loose(salesOverTimeSpec(result.salesByGroup?.rows ?? [], { groupTitle: 'store' }));
    expect(spec.mark.type).toBe('line');
    expect(spec.encoding.color.field).toBe('group');
    expect(spec.encoding.color.sort).toEqual(result.salesByGroup?.groups);
    expect(spec.encoding.color.title).toBe('store');
    expect(spec.encoding.y.title).toBe('Sales (units)');
    expect(spec.encoding.x.scale.type).toBe('utc');
    expect(spec.encoding.tooltip.map((t: Loose) => t.field)).toEqual(['date', 'group', 'sales']);
  });

  it('salesOverTimeSpec(rows, {maxGroups}) draws at most 12 named groups plus "other"', () => {
    const rows = Array.from({ length: 20 }, (_, g) => [
      { date: '2024-01-01', group: `g${g}`, sales: g + 1 },
      { date: '2024-01-02', group: `g${g}`, sales: g + 2 },
    ]).flat();
    const spec = loose(salesOverTimeSpec(rows));
    expect(spec.encoding.color.sort).toHaveLength(13);
    expect(spec.encoding.color.sort[12]).toBe('other (8 more)');
    expect(spec.encoding.color.scale.range[12]).toBe('#9e9e9e');
    const other = spec.data.values.filter((v: Loose) => v.group === 'other (8 more)');
    expect(other.map((v: Loose) => v.sales)).toEqual([36, 44]);
    expect(compileSpec(spec as TopLevelSpec).warnings).toEqual([]);
    // The ExploreResult's own "other" group is kept, not folded again.
    expect(loose(salesOverTimeSpec([{ date: '2024-01-01', group: 'other (3 more)', sales: 1 }])).data.values).toHaveLength(1);
  });

  it('seasonalProfileSpec(profile) highlights the peak slot and keeps the calendar order', () => {
    const profile = result.seasonality[0]!;
    const spec = loose(seasonalProfileSpec(profile));
    expect(spec.layer[0].encoding.x.sort).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(spec.data.values.find((v: Loose) => v.peak).slot).toBe(profile.peakSlot);
    expect(spec.layer[0].encoding.y.title).toMatch(/index/);
  });

  it('promoUpliftSpec(uplift) draws the two like-for-like means, and nothing when there is no estimate', () => {
    const spec = loose(promoUpliftSpec(result.promo!));
    expect(spec.data.values.map((v: Loose) => v.condition)).toEqual(['without promo', 'with promo']);
    expect(spec.title.subtitle).toMatch(/^×1\.\d\d within series × day-of-week$/);
    const none = promoUpliftSpec({ ...result.promo!, uplift: null, flaggedMean: null, baselineMean: null, reason: 'no overlap' });
    expect(hasChartData(none)).toBe(false);
    expect(loose(none).title.subtitle).toBe('no overlap');
  });

  it('priceVsSalesSpec(result) colours the rows left out of the elasticity apart', () => {
    const spec = loose(priceVsSalesSpec(result.price!));
    expect(spec.layer[0].encoding.color.scale.domain).toEqual(['regular rows', 'on promo', 'fitted elasticity']);
    expect(new Set(spec.layer[0].data.values.map((v: Loose) => v.kind))).toEqual(new Set(['regular rows', 'on promo']));
    expect(spec.title.subtitle).toMatch(/^Elasticity -\d\.\d\d/);
  });

  it('priceVsSalesSpec(result) draws the fitted elasticity through the relative cloud on log scales', () => {
    const spec = loose(priceVsSalesSpec(result.price!));
    expect(spec.layer[0].encoding.x.scale.type).toBe('log');
    const [a, b] = spec.layer[1].data.values as { x: number; y: number }[];
    expect(Math.log(b!.y / a!.y) / Math.log(b!.x / a!.x)).toBeCloseTo(result.price!.elasticity!, 10);
    const absolute = loose(priceVsSalesSpec(result.price!, { view: 'absolute' }));
    expect(absolute.layer).toHaveLength(1);
    expect(absolute.layer[0].encoding.x.title).toBe('price');
  });

  it('decompositionSpec(rows) stacks trend, seasonal and residual panels over shared data', () => {
    const spec = loose(decompositionSpec(result.decomposition.ok ? result.decomposition.rows : []));
    expect(spec.vconcat).toHaveLength(3);
    expect(spec.vconcat.map((p: Loose) => p.layer.at(-1).encoding.y.field)).toEqual(['trend', 'seasonal', 'residual']);
    expect(spec.data.values.length).toBeGreaterThan(0);
  });

  it('outliersSpec(focus, rows) puts only that series’ outliers on its line', () => {
    const focus = result.outliers.focus!;
    const spec = loose(outliersSpec(focus, result.outliers.rows));
    const points = spec.layer[1].data.values;
    expect(points.length).toBe(result.outliers.rows.filter((o) => o.series === focus.series).length);
    expect(points.length).toBeGreaterThan(0);
  });
});

describe('dates', () => {
  it.each(cases)('%s formats dates in UTC, so a day never shows as the day before', (_, spec) => {
    const vega = JSON.stringify(compile(spec).spec);
    expect(vega).not.toContain('timeFormat(');
    if (vega.includes('"date"')) expect(vega).toContain('utcFormat(');
  });
});

describe('hasChartData', () => {
  it('hasChartData(spec) is false for empty inline data at every level, true for data by URL', () => {
    expect(hasChartData(salesOverTimeSpec([]))).toBe(false);
    expect(hasChartData(decompositionSpec([]))).toBe(false);
    expect(hasChartData({ data: { url: 'x.csv' }, mark: 'point' })).toBe(true);
    expect(hasChartData({ layer: [{ data: { values: [] }, mark: 'line' }, { data: { values: [{ a: 1 }] }, mark: 'point' }] })).toBe(true);
  });

  it('liveCurvesSpec(curves) fades each later window, in the order the windows trained ("fold 10" after "fold 9")', () => {
    const windows = Array.from({ length: 10 }, (_, i) => `fold ${i + 1}`);
    const curves = windows.flatMap((window, w) => [1, 2].map((epoch) => ({ model: 'ridge', window, epoch, loss: 1 / (epoch + w), valLoss: 1.2 / (epoch + w) })));
    const spec = loose(liveCurvesSpec(curves));
    const compiled = compileSpec(spec as TopLevelSpec);
    expect(compiled.warnings).toEqual([]);
    expect(compiled.marks).toEqual(['line', 'symbol']);
    expect(spec.encoding.opacity).toMatchObject({ field: 'window', sort: { field: 'order', op: 'min' } });
    const orderOf = new Map((spec.data.values as Loose[]).map((row) => [row.window, row.order]));
    expect(orderOf.get('fold 9')).toBe(8);
    expect(orderOf.get('fold 10')).toBe(9);
  });
});

