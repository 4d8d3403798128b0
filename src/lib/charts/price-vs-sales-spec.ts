import type { TopLevelSpec } from 'vega-lite';
import type { PriceVsSales } from '../eda/price-vs-sales';
import { ACCENT_COLOR, CHART_HEIGHT, MUTED_COLOR, SCHEMA } from './chart-defaults';

export interface PriceVsSalesSpecOptions {
  title?: string;
  /**
   * 'relative' (the default): price and sales as ratios to their own series' typical level, on log scales, with the
   * fitted elasticity as a line: the within-series relation the estimate measures. 'absolute': the raw values, where
   * dear products that also sell more can make the cloud slope the wrong way.
   */
  view?: 'relative' | 'absolute';
  /** Log scales in the absolute view (rows with zero sales are then left out). */
  log?: boolean;
}

const REGULAR = 'regular rows';
const FIT = 'fitted elasticity';
const FIT_COLOR = '#1d2430';
const KIND_COLORS = [MUTED_COLOR, ACCENT_COLOR, '#59a14f', '#edc948'];

/** A scatter of the sampled rows, those left out of the elasticity (promotions, stock-outs) in a second colour. */
export function priceVsSalesSpec(result: PriceVsSales, options: PriceVsSalesSpecOptions = {}): TopLevelSpec {
  const { view = 'relative', log = false } = options;
  const relative = view === 'relative';
  const kind = (excludedBy: string | null) => (excludedBy === null ? REGULAR : `on ${excludedBy}`);
  const values = relative
    ? result.points
        .filter((p) => p.priceIndex !== null && p.salesIndex !== null)
        .map((p) => ({ x: p.priceIndex, y: p.salesIndex, price: p.price, sales: p.sales, kind: kind(p.excludedBy) }))
    : result.points
        .filter((p) => !log || (p.price > 0 && p.sales > 0))
        .map((p) => ({ x: p.price, y: p.sales, price: p.price, sales: p.sales, kind: kind(p.excludedBy) }));
  const kinds = [REGULAR, ...result.excluded.map((name) => `on ${name}`)];
  // A nice log domain jumps to whole decades, which squeezes a ±10% price range into a sliver.
  const scale = relative || log ? { type: 'log' as const, nice: false } : { zero: false };
  const subtitle =
    result.elasticity === null ? (result.reason ?? '') : `Elasticity ${result.elasticity.toFixed(2)} (within series, ${REGULAR})`;
  const points = {
    data: { values },
    // Hidden from screen readers: a label on each of up to 2,000 sampled points says nothing a listener can use, and
    // formatting one per point was most of the work of drawing this chart.
    mark: { type: 'point' as const, filled: true, size: 18, opacity: 0.5, aria: false },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative' as const,
        title: relative ? `${result.price} relative to the series' usual` : result.price,
        scale,
      },
      y: { field: 'y', type: 'quantitative' as const, title: relative ? "Sales relative to the series' usual" : 'Sales', scale },
      color: {
        field: 'kind',
        type: 'nominal' as const,
        title: null,
        scale: { domain: [...kinds, FIT], range: [...KIND_COLORS.slice(0, kinds.length), FIT_COLOR] },
      },
      tooltip: [
        { field: 'price', type: 'quantitative' as const, title: result.price, format: ',.2f' },
        { field: 'sales', type: 'quantitative' as const, title: 'Sales', format: ',.1f' },
        { field: 'kind', type: 'nominal' as const, title: 'Row' },
      ],
    },
  };
  const line = fittedLine(values, result.elasticity);
  return {
    $schema: SCHEMA,
    // Drawn on a canvas (src/adapters/vega.ts reads this as vega-embed would): thousands of points as SVG nodes took
    // the page's main thread longest of any chart to draw, and they are hidden from screen readers anyway.
    usermeta: { embedOptions: { renderer: 'canvas' } },
    title: { text: options.title ?? `Sales against ${result.price}`, subtitle },
    width: 'container',
    height: CHART_HEIGHT,
    layer:
      relative && line.length > 0
        ? [
            points,
            {
              data: { values: line },
              mark: { type: 'line' as const, strokeWidth: 2 },
              encoding: {
                x: { field: 'x', type: 'quantitative' as const },
                y: { field: 'y', type: 'quantitative' as const },
                color: { datum: FIT },
              },
            },
          ]
        : [points],
  };
}

/** sales index = price index ^ elasticity, across the range of price indexes drawn (a straight line on log scales). */
function fittedLine(values: { x: number | null }[], elasticity: number | null): { x: number; y: number }[] {
  if (elasticity === null || values.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const { x } of values) {
    if (x === null) continue;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  if (!(hi > lo)) return [];
  return [lo, hi].map((x) => ({ x, y: x ** elasticity }));
}
