import type { TopLevelSpec } from 'vega-lite';
import { modelLabel } from '../evaluate/leaderboard';
import type { ForecastSample } from '../runs/types';
import { dateEncoding, dateTooltip, SALES_FORMAT, SCHEMA } from './chart-defaults';
import { MODEL_COLORS } from './model-colors';
import { selectSamples, type SampleOptions } from './predicted-vs-actual-spec';

export interface ResidualsSpecOptions extends SampleOptions {
  title?: string;
}

export interface ResidualRow {
  date: string;
  model: string;
  actual: number;
  fitted: number;
  /** actual − P50: positive when the model forecast too little. */
  residual: number;
}

const PANEL_HEIGHT = 150;

/** actual − P50 per dated row of each sample (rows without an actual left out). */
export function residualRows(samples: readonly ForecastSample[], options: SampleOptions = {}): ResidualRow[] {
  return selectSamples(samples, options).samples.flatMap((s) =>
    s.rows
      .filter((r) => r.actual !== null && Number.isFinite(r.p50))
      .map((r) => ({ date: r.date, model: modelLabel(s.model), actual: r.actual as number, fitted: r.p50, residual: (r.actual as number) - r.p50 })),
  );
}

/**
 * Residuals (actual − P50) of one series: over time around the zero line, where a run on one side is a bias or a
 * missed pattern, and as a histogram, whose centre is the bias and whose width the error.
 */
export function residualsSpec(samples: readonly ForecastSample[], options: ResidualsSpecOptions = {}): TopLevelSpec {
  const { series, samples: chosen } = selectSamples(samples, options);
  const values = residualRows(samples, options);
  const color = {
    field: 'model',
    type: 'nominal' as const,
    title: null,
    // On top: a legend beside stacked, container-wide panels would be pushed out of the chart's box.
    legend: { orient: 'top' as const },
    scale: { domain: chosen.map((s) => modelLabel(s.model)), range: chosen.map((s) => MODEL_COLORS[s.model]) },
  };
  const tooltip = [
    dateTooltip(),
    { field: 'model', type: 'nominal' as const, title: 'Model' },
    { field: 'actual', type: 'quantitative' as const, title: 'Actual', format: SALES_FORMAT },
    { field: 'fitted', type: 'quantitative' as const, title: 'P50', format: SALES_FORMAT },
    { field: 'residual', type: 'quantitative' as const, title: 'Residual', format: SALES_FORMAT },
  ];
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? 'Residuals: actual − P50 (test window)', subtitle: series ?? '' },
    data: { values },
    vconcat: [
      {
        width: 'container',
        height: PANEL_HEIGHT,
        layer: [
          { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888888' }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
          {
            mark: { type: 'line', strokeWidth: 1.2, point: { size: 14 } },
            encoding: { x: dateEncoding(), y: { field: 'residual', type: 'quantitative', title: 'Residual (units)', axis: { format: '~s' } }, color, tooltip },
          },
        ],
      },
      {
        width: 'container',
        height: PANEL_HEIGHT,
        mark: { type: 'bar', opacity: 0.65, binSpacing: 1 },
        encoding: {
          x: { field: 'residual', type: 'quantitative', bin: { maxbins: 24 }, title: 'Residual (units)', axis: { format: '~s' } },
          y: { aggregate: 'count', type: 'quantitative', title: 'Periods', stack: null },
          color,
          tooltip: [
            { field: 'model', type: 'nominal', title: 'Model' },
            { field: 'residual', type: 'quantitative', bin: { maxbins: 24 }, title: 'Residual', format: SALES_FORMAT },
            { aggregate: 'count', type: 'quantitative', title: 'Periods' },
          ],
        },
      },
    ],
  };
}
