import type { TopLevelSpec } from 'vega-lite';
import { formatDay } from '../data/civil-days';
import { ACCENT_COLOR, CHART_HEIGHT, dateEncoding, dateTooltip, MUTED_COLOR, SALES_FORMAT, SCHEMA } from './chart-defaults';

/**
 * The endpoint's newest answer: total forecast over the horizon (a line) against the total actual sales of the
 * periods whose actuals have arrived (points), so a learner sees what the shop ordered against what sold.
 */
export function opsForecastSpec(points: readonly { date: number; forecast: number; actual: number | null }[]): TopLevelSpec {
  const rows = points.flatMap((p) => [
    { date: formatDay(p.date), series: 'forecast (all series)', units: p.forecast },
    ...(p.actual === null ? [] : [{ date: formatDay(p.date), series: 'actual (arrived)', units: p.actual }]),
  ]);
  return {
    $schema: SCHEMA,
    title: { text: 'The newest forecast request', subtitle: 'Total over all series, per period of the horizon' },
    width: 'container',
    height: CHART_HEIGHT,
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: dateEncoding(),
      y: { field: 'units', type: 'quantitative', title: 'Units', axis: { format: SALES_FORMAT }, scale: { zero: false } },
      color: { field: 'series', type: 'nominal', title: null, scale: { domain: ['forecast (all series)', 'actual (arrived)'], range: [MUTED_COLOR, ACCENT_COLOR] }, legend: { orient: 'top' } },
      tooltip: [dateTooltip(), { field: 'series', type: 'nominal' }, { field: 'units', type: 'quantitative', format: SALES_FORMAT }],
    },
  };
}
