import { afterEach, describe, expect, it, vi } from 'vitest';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { expressionClosures } from '../../../src/adapters/vega-expressions';
import { compileChart } from '../../../src/lib/charts/compile-chart';
import { decompositionSpec } from '../../../src/lib/charts/decomposition-spec';
import { detachChartData } from '../../../src/lib/charts/detach-chart-data';
import { errorBySeriesRows, errorBySeriesSpec } from '../../../src/lib/charts/error-by-series-spec';
import { liveCurvesSpec } from '../../../src/lib/charts/live-curves-spec';
import { opsDriftBinsSpec } from '../../../src/lib/charts/ops-drift-bins-spec';
import { opsLatencySpec } from '../../../src/lib/charts/ops-latency-spec';
import { opsTimelineSpec } from '../../../src/lib/charts/ops-timeline-spec';
import { outliersSpec } from '../../../src/lib/charts/outliers-spec';
import { predictedVsActualSpec } from '../../../src/lib/charts/predicted-vs-actual-spec';
import { priceVsSalesSpec } from '../../../src/lib/charts/price-vs-sales-spec';
import { residualsSpec } from '../../../src/lib/charts/residuals-spec';
import { salesOverTimeSpec } from '../../../src/lib/charts/sales-over-time-spec';
import { seasonalProfileSpec } from '../../../src/lib/charts/seasonal-profile-spec';
import { daysFromCivil } from '../../../src/lib/core/days';
import { exploreFixture } from '../../lib/charts/explore-fixture';
import { makeRunMetrics } from '../../lib/evaluate/make-run-metrics';

const explore = exploreFixture();
if (!explore.decomposition.ok || !explore.price || !explore.outliers.focus) throw new Error('fixture should decompose, and have a price and an outlier');
const { metrics, samples } = makeRunMetrics();
const pair = ['mlp', 'seasonal-naive'] as const;
const day = daysFromCivil(2020, 1, 1);

/** Charts of every stage that draws some, with the expressions they bring: formats, scales, conditions, offsets, bins. */
const charts: [string, TopLevelSpec][] = [
  ['salesOverTimeSpec', salesOverTimeSpec(explore.salesByGroup?.rows ?? [])],
  ['seasonalProfileSpec', seasonalProfileSpec(explore.seasonality[0]!)],
  ['priceVsSalesSpec', priceVsSalesSpec(explore.price)],
  ['decompositionSpec', decompositionSpec(explore.decomposition.rows)],
  ['outliersSpec', outliersSpec(explore.outliers.focus, explore.outliers.rows)],
  ['liveCurvesSpec', liveCurvesSpec([1, 2, 3].map((epoch) => ({ model: 'mlp', window: 'test', epoch, loss: 1 / epoch, valLoss: 1.5 / epoch })))],
  ['predictedVsActualSpec', predictedVsActualSpec(samples, { models: pair })],
  ['residualsSpec', residualsSpec(samples, { models: pair })],
  ['errorBySeriesSpec', errorBySeriesSpec(errorBySeriesRows(metrics, { models: pair }))],
  ['opsTimelineSpec', opsTimelineSpec({ error: [0.05, 0.08, 0.3].map((wape, i) => ({ date: day + i, wape })), versions: [{ version: 'v1', start: day, end: day + 3 }], alerts: [] })],
  ['opsLatencySpec', opsLatencySpec([{ date: day, p50: 3, p95: 8, p99: 12 }, { date: day + 1, p50: 4, p95: null, p99: 15 }], { budgetMs: 10 })],
  ['opsDriftBinsSpec', opsDriftBinsSpec([{ label: '< 1.5', reference: 0.5, current: 0.1 }, { label: '≥ 1.5', reference: 0.5, current: 0.9 }], { column: 'price' })],
];

async function toSvg(view: vega.View): Promise<string> {
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('expressionClosures', () => {
  it.each(charts)('%s: drawn as the app draws it (rows apart, compiled in the worker, closures) gives the SVG vega draws from the spec with its own code', async (_, spec) => {
    // What vega-embed did: the spec with its rows inside, expressions compiled by vega into functions (eval).
    const reference = await toSvg(new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' }));
    // What src/adapters/vega.ts does: the form compiled apart (posted from the worker: a structured clone), its rows
    // handed to the view by name, expressions run by these closures.
    const { shape, datasets } = detachChartData(spec);
    const view = new vega.View(structuredClone(compileChart(shape)), { renderer: 'none', expr: expressionClosures });
    for (const [name, rows] of Object.entries(datasets)) view.data(name, rows as object[]);
    expect(await toSvg(view)).toBe(reference);
  });

  /** A signal's value after one run, its update expression run by vega's own code or by the closures. */
  async function signalValue(expression: string, expr?: typeof expressionClosures): Promise<unknown> {
    const spec: vega.Spec = {
      signals: [
        { name: 'base', value: { a: [3, 1, 2], s: 'Forecast Lab', n: 7.25 } },
        { name: 'out', update: expression },
      ],
    };
    const view = new vega.View(vega.parse(spec, undefined, { ast: expr !== undefined }), { renderer: 'none', ...(expr ? { expr } : {}) });
    await view.runAsync();
    const value = view.signal('out') as unknown;
    view.finalize();
    return value;
  }

  it.each([
    'base.n * 2 + base.a[1] - 3 / 4 % 2',
    'base.n > 7 && base.n <= 8 ? "in" : "out"',
    '!base.missing || -base.n',
    '~~base.n | 1 ^ 2 & 3 << 1 >> 1 >>> 0',
    'base.s == "Forecast Lab" && base.s != null && base.s !== "x"',
    'if(base.n > 100, "big", "small")',
    '[PI, E, SQRT2, LN10, MAX_VALUE > 1]',
    '{k: base.s, "quoted": upper(base.s), n: round(base.n)}',
    'join(sort(base.a), "-") + indexof(base.a, 2) + length(base.s)',
    'replace(base.s, /a/g, "o") + test(/lab$/i, base.s) + substring(base.s, 0, 3) + split(base.s, " ")[1]',
    'format(base.n, ",.1f") + " " + utcFormat(datetime(2020, 0, 31), "%Y-%m-%d") + " " + utcyear(utc(2024, 1, 29))',
    'clamp(base.n, 0, 5) + abs(-2) + pow(2, 3) + floor(base.n) + ceil(base.n) + sqrt(16) + max(1, 9, 4) + min(3, 2)',
    'isValid(base.missing) ? 1 : isFinite(+base.s) ? 2 : isNaN(+base.s) ? 3 : 4',
    'toDate("2020-01-01") < toDate("2021-01-01")',
    'base["a"][0] + base.a.length',
  ])('evaluates %s as vega does', async (expression) => {
    expect(await signalValue(expression, expressionClosures)).toEqual(await signalValue(expression));
  });

  it('refuses what vega-interpreter refuses: prototype keys in object literals, Function reached through a member', () => {
    // Syntax trees made by hand: vega's parser already turns such expressions down, these are the second line.
    const literal = (value: unknown) => ({ type: 'Literal', value });
    const identifier = (name: string) => ({ type: 'Identifier', name });
    const run = (ast: object) => expressionClosures.operator({ functions: {} }, { ast } as never)({});
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const object = { type: 'ObjectExpression', properties: ['__proto__', 'constructor', 'ok'].map((key, i) => ({ key: literal(key), value: literal(i) })) };
    expect(run(object)).toEqual({ ok: 2 });
    const array = { type: 'ArrayExpression', elements: [] };
    const member = (object: object) => ({ type: 'MemberExpression', computed: false, object, property: identifier('constructor') });
    expect(run(member(member(array)))).toBeUndefined();
    expect(error.mock.calls.map((call) => String(call[0]))).toEqual([
      'Prevented interpretation of property "__proto__" which could lead to insecure code execution',
      'Prevented interpretation of property "constructor" which could lead to insecure code execution',
      'Prevented interpretation of member "constructor" which could lead to insecure code execution',
    ]);
  });
});
