import type { TopLevelSpec } from 'vega-lite';
import type { PromoUplift } from '../eda/promo-uplift';
import { ACCENT_COLOR, CHART_HEIGHT, MUTED_COLOR, SCHEMA } from './chart-defaults';

export interface PromoUpliftSpecOptions {
  title?: string;
}

/**
 * Two bars: what the flagged rows sold, and what the same rows sell without the flag (their own series and weekday
 * on ordinary days). Comparing like with like is the point; the plain ratio of means is in the tooltip title only.
 * No estimate gives no bars (the chart component then says there is nothing to chart).
 */
export function promoUpliftSpec(uplift: PromoUplift, options: PromoUpliftSpecOptions = {}): TopLevelSpec {
  const estimable = uplift.uplift !== null && uplift.flaggedMean !== null && uplift.baselineMean !== null;
  const values = estimable
    ? [
        { condition: `without ${uplift.flag}`, mean: uplift.baselineMean, rows: uplift.matchedRows },
        { condition: `with ${uplift.flag}`, mean: uplift.flaggedMean, rows: uplift.matchedRows },
      ]
    : [];
  const subtitle = estimable ? `×${(uplift.uplift as number).toFixed(2)} within ${uplift.within}` : (uplift.reason ?? '');
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? `Sales with and without ${uplift.flag}`, subtitle },
    width: 'container',
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'bar', width: { band: 0.6 } },
    encoding: {
      x: { field: 'condition', type: 'nominal', title: null, sort: values.map((v) => v.condition), axis: { labelAngle: 0 } },
      y: { field: 'mean', type: 'quantitative', title: 'Mean sales per row' },
      color: {
        field: 'condition',
        type: 'nominal',
        legend: null,
        scale: { domain: values.map((v) => v.condition), range: [MUTED_COLOR, ACCENT_COLOR] },
      },
      tooltip: [
        { field: 'condition', type: 'nominal', title: 'Rows' },
        { field: 'mean', type: 'quantitative', title: 'Mean sales', format: ',.1f' },
        { field: 'rows', type: 'quantitative', title: 'Flagged rows compared', format: ',' },
      ],
    },
  };
}
