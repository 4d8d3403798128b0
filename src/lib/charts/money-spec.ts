import type { TopLevelSpec } from 'vega-lite';
import { modelLabel, testWindow } from '../evaluate/leaderboard';
import { evaluatePanelMessages } from '../messages/evaluate';
import type { ModelName, RunMetrics } from '../runs/types';
import { SCHEMA } from './chart-defaults';

export type CostComponent = 'holdingCost' | 'lostMargin' | 'stockoutPenalty';

export interface MoneyRow {
  model: ModelName;
  component: CostComponent;
  cost: number;
  /** The model's whole cost of forecast error (the three components). */
  total: number;
  /** The baseline every model's savings are measured against. */
  baseline: boolean;
}

export interface MoneySpecOptions {
  title?: string;
}

const COMPONENTS: readonly CostComponent[] = ['lostMargin', 'stockoutPenalty', 'holdingCost'];
const COMPONENT_COLORS = ['#e15759', '#ff9da7', '#4e79a7'];

/** Each model's test-window cost of forecast error, split into its three parts. */
export function moneyRows(metrics: RunMetrics): MoneyRow[] {
  return metrics.models.flatMap((model) => {
    const business = testWindow(model)?.evaluation.business;
    if (!business) return [];
    return COMPONENTS.map((component) => ({
      model: model.name,
      component,
      cost: business[component],
      total: business.errorCost,
      baseline: model.name === metrics.baseline,
    }));
  });
}

/**
 * Cost of forecast error per model as stacked bars (margin lost, stockout penalty, holding), cheapest on top, with the
 * baseline's total as a dashed rule: every bar that ends left of it is money saved.
 */
export function moneySpec(rows: readonly MoneyRow[], options: MoneySpecOptions = {}): TopLevelSpec {
  const name = (r: MoneyRow) => (r.baseline ? `${modelLabel(r.model)} (baseline)` : modelLabel(r.model));
  const values = rows.map((r) => ({ ...r, model: name(r), part: evaluatePanelMessages.extraLabel[r.component] }));
  const order = [...new Map(values.map((v) => [v.model, v.total])).entries()].sort((a, b) => a[1] - b[1]).map(([m]) => m);
  const base = rows.find((r) => r.baseline);
  const rule = base ? [{ total: base.total, label: `${name(base)}: ${Math.round(base.total).toLocaleString('en')}` }] : [];
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? 'Cost of forecast error (test window)', subtitle: 'Under the Scope’s cost model; dashed line: the baseline' },
    width: 'container',
    height: Math.max(order.length, 1) * 26,
    layer: [
      {
        data: { values },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'model', type: 'nominal', title: null, sort: order, axis: { labelLimit: 200 } },
          x: { field: 'cost', type: 'quantitative', title: 'Cost of forecast error', stack: 'zero', axis: { format: '~s' } },
          color: {
            field: 'part',
            type: 'nominal',
            title: null,
            scale: { domain: COMPONENTS.map((c) => evaluatePanelMessages.extraLabel[c]), range: COMPONENT_COLORS },
            legend: { orient: 'bottom' },
          },
          tooltip: [
            { field: 'model', type: 'nominal', title: 'Model' },
            { field: 'part', type: 'nominal', title: 'Part' },
            { field: 'cost', type: 'quantitative', title: 'Cost', format: ',.0f' },
            { field: 'total', type: 'quantitative', title: 'Total cost of error', format: ',.0f' },
          ],
        },
      },
      {
        data: { values: rule },
        mark: { type: 'rule', strokeDash: [5, 4], color: '#333333', strokeWidth: 1.5 },
        encoding: {
          x: { field: 'total', type: 'quantitative' },
          tooltip: [{ field: 'label', type: 'nominal', title: 'Baseline' }],
        },
      },
    ],
  };
}
