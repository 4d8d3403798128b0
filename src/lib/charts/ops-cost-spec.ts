import type { TopLevelSpec } from 'vega-lite';
import { dayToIso } from '../core/days';
import { ACCENT_COLOR, CHART_HEIGHT, dateEncoding, dateTooltip, lineDescription, SALES_FORMAT, SCHEMA } from './chart-defaults';

/**
 * The business view of monitoring: what the served forecasts' errors cost each period (the Scope's cost model:
 * holding for leftovers, lost margin and penalty for stockouts), once the period's actuals have arrived.
 */
export function opsCostSpec(points: readonly { date: number; cost: number | null }[]): TopLevelSpec {
  const rows = points.flatMap((p) => (p.cost === null ? [] : [{ date: dayToIso(p.date), cost: p.cost }]));
  return {
    $schema: SCHEMA,
    title: { text: 'Cost of forecast error per period', subtitle: 'Served forecasts against the actuals that arrived, priced with the Scope’s cost model' },
    width: 'container',
    height: CHART_HEIGHT,
    data: { values: rows },
    mark: { type: 'line', color: ACCENT_COLOR, point: false },
    encoding: {
      x: dateEncoding(),
      y: { field: 'cost', type: 'quantitative', title: 'Cost', axis: { format: SALES_FORMAT }, scale: { zero: true } },
      tooltip: [dateTooltip(), { field: 'cost', type: 'quantitative', format: SALES_FORMAT }],
      description: lineDescription('Cost of forecast error per period'),
    },
  };
}
