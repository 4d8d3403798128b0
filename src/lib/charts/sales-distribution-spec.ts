import type { TopLevelSpec } from 'vega-lite';
import type { SalesDistribution } from '../eda/sales-distribution';
import { CHART_HEIGHT, MUTED_COLOR, SCHEMA } from './chart-defaults';

export interface SalesDistributionSpecOptions {
  title?: string;
}

/** The histogram of sales per row; the subtitle says how many rows sold nothing, which a bar alone hides. */
export function salesDistributionSpec(distribution: SalesDistribution, options: SalesDistributionSpecOptions = {}): TopLevelSpec {
  const zeros = distribution.zeroShare === null ? null : `${(100 * distribution.zeroShare).toFixed(1)}% of rows have zero sales`;
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? 'Distribution of sales per row', ...(zeros === null ? {} : { subtitle: zeros }) },
    width: 'container',
    height: CHART_HEIGHT,
    data: { values: distribution.bins },
    mark: { type: 'bar', color: MUTED_COLOR, binSpacing: 1 },
    encoding: {
      x: { field: 'start', type: 'quantitative', title: 'Sales in a period', bin: { binned: true }, axis: { format: '~s' } },
      x2: { field: 'end' },
      y: { field: 'count', type: 'quantitative', title: 'Rows' },
      tooltip: [
        { field: 'start', type: 'quantitative', title: 'From', format: ',.2~f' },
        { field: 'end', type: 'quantitative', title: 'To', format: ',.2~f' },
        { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
      ],
    },
  };
}
