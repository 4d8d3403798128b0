import type { TopLevelSpec } from 'vega-lite';
import type { OutlierFocus } from '../eda/explore-sales';
import type { OutlierRow } from '../eda/flag-outliers';
import { ACCENT_COLOR, CHART_HEIGHT, dateEncoding, dateTooltip, lineDescription, MUTED_COLOR, SALES_FORMAT, SCHEMA } from './chart-defaults';

export interface OutliersSpecOptions {
  title?: string;
}

/** One series as a line, its flagged rows as red points on it, their score and expected value in the tooltip. */
export function outliersSpec(focus: OutlierFocus, outliers: OutlierRow[], options: OutliersSpecOptions = {}): TopLevelSpec {
  const points = outliers
    .filter((o) => o.series === focus.series)
    .map((o) => ({ date: o.date, sales: o.value, expected: o.expected, score: o.score }));
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? `Outliers in ${focus.label}`, subtitle: `${points.length} flagged` },
    width: 'container',
    height: CHART_HEIGHT,
    layer: [
      {
        data: { values: focus.rows },
        mark: { type: 'line', color: MUTED_COLOR, strokeWidth: 1.2 },
        encoding: {
          x: dateEncoding(),
          y: { field: 'sales', type: 'quantitative', title: 'Sales (units)' },
          tooltip: [dateTooltip(), { field: 'sales', type: 'quantitative', title: 'Sales', format: SALES_FORMAT }],
          description: lineDescription(focus.label),
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 60, color: ACCENT_COLOR },
        encoding: {
          x: dateEncoding(),
          y: { field: 'sales', type: 'quantitative' },
          tooltip: [
            dateTooltip(),
            { field: 'sales', type: 'quantitative', title: 'Sales', format: SALES_FORMAT },
            { field: 'expected', type: 'quantitative', title: 'Expected', format: SALES_FORMAT },
            { field: 'score', type: 'quantitative', title: 'Robust z', format: '.1f' },
          ],
        },
      },
    ],
  };
}
