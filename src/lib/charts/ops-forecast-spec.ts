import type { TopLevelSpec } from 'vega-lite';
import { dayToIso } from '../core/days';
import { ACCENT_COLOR, CHART_HEIGHT, dateEncoding, dateTooltip, MUTED_COLOR, SALES_FORMAT, SCHEMA } from './chart-defaults';

/**
 * What the endpoint served against what sold: the served next-period forecasts of the recent past and the newest
 * request's forecast ahead (one line), and the actual sales that have arrived (the other), totals over all series.
 */
export function opsForecastSpec(points: readonly { date: number; forecast: number; actual: number | null }[]): TopLevelSpec {
  const rows = points.flatMap((p) => [
    { date: dayToIso(p.date), series: 'forecast (all series)', units: p.forecast },
    ...(p.actual === null ? [] : [{ date: dayToIso(p.date), series: 'actual (arrived)', units: p.actual }]),
  ]);
  return {
    $schema: SCHEMA,
    title: { text: 'Served forecasts and actual sales', subtitle: 'Total over all series: the recent past, then the newest request ahead' },
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
