import type { TopLevelSpec } from 'vega-lite';
import type { DecompositionRow } from '../eda/explore-sales';
import { dateEncoding, dateTooltip, lineDescription, MUTED_COLOR, SALES_FORMAT, SCHEMA } from './chart-defaults';

export interface DecompositionSpecOptions {
  title?: string;
}

const PANEL_HEIGHT = 120;
/** Short tick labels (12k, −3k): the panels' axes sit outside the container-wide plot, so their width must stay small. */
const SHORT_AXIS = { format: '~s' };

const PANELS = [
  { field: 'trend', title: 'Trend' },
  { field: 'seasonal', title: 'Seasonal' },
  { field: 'residual', title: 'Residual' },
] as const;

/**
 * Trend, seasonal and residual stacked on one time axis (three panels of one vconcat, sharing the data).
 * The trend panel also shows the observed series, faint, so one sees what the trend smooths.
 */
export function decompositionSpec(rows: DecompositionRow[], options: DecompositionSpecOptions = {}): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: options.title ?? 'Decomposition of total sales',
    data: { values: rows },
    resolve: { scale: { x: 'shared' } },
    vconcat: PANELS.map(({ field, title }) => ({
      width: 'container' as const,
      height: PANEL_HEIGHT,
      layer: [
        ...(field === 'trend'
          ? [
              {
                mark: { type: 'line' as const, color: '#c7c7c7', strokeWidth: 1 },
                encoding: {
                  x: dateEncoding(''),
                  y: { field: 'observed', type: 'quantitative' as const, title, axis: SHORT_AXIS },
                  description: lineDescription('Observed'),
                },
              },
            ]
          : []),
        {
          mark: { type: 'line' as const, color: MUTED_COLOR, strokeWidth: 1.5 },
          encoding: {
            x: dateEncoding(field === 'residual' ? 'Date' : ''),
            y: { field, type: 'quantitative' as const, title, axis: SHORT_AXIS },
            tooltip: [dateTooltip(), { field, type: 'quantitative' as const, title, format: SALES_FORMAT }],
            description: lineDescription(title),
          },
        },
      ],
    })),
  };
}
