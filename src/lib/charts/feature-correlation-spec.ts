import type { TopLevelSpec } from 'vega-lite';
import type { FeatureCorrelation } from '../features/feature-correlations';
import { SCHEMA } from './chart-defaults';

/** Each feature's correlation with the (scaled) target on training rows, strongest first: a leak shows as |r| ≈ 1. */
export function featureCorrelationSpec(correlations: readonly FeatureCorrelation[], options: { top?: number } = {}): TopLevelSpec {
  const top = options.top ?? 25;
  const values = correlations
    .filter((c) => c.pearson !== null)
    .map((c) => ({ feature: c.name, pearson: c.pearson as number, spearman: c.spearman, strength: Math.abs(c.pearson as number) }))
    .sort((a, b) => b.strength - a.strength)
    .slice(0, top);
  return {
    $schema: SCHEMA,
    title: { text: 'Correlation of each feature with sales', subtitle: 'training rows only; Pearson r' },
    width: 'container',
    height: Math.max(60, values.length * 14),
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'feature', type: 'nominal', sort: '-x', title: null },
      x: { field: 'strength', type: 'quantitative', title: '|r|', scale: { domain: [0, 1] } },
      color: {
        condition: { test: 'datum.pearson < 0', value: '#e15759' },
        value: '#4e79a7',
      },
      tooltip: [
        { field: 'feature', type: 'nominal' },
        { field: 'pearson', type: 'quantitative', format: '.3f', title: 'Pearson r' },
        { field: 'spearman', type: 'quantitative', format: '.3f', title: 'Spearman ρ' },
      ],
    },
  };
}
