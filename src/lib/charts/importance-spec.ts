import type { TopLevelSpec } from 'vega-lite';
import { MUTED_COLOR, OTHER_COLOR, SCHEMA } from './chart-defaults';

export interface ImportanceSpecOptions {
  title?: string;
  /** Features shown at most, the most important first; default 15. */
  limit?: number;
}

/**
 * Permutation importance as horizontal bars, the most important on top: how much the MAE grows when one feature is
 * shuffled. A bar near zero (or below) is a feature the model does not use.
 */
export function importanceSpec(importance: readonly { feature: string; increase: number }[], options: ImportanceSpecOptions = {}): TopLevelSpec {
  const { limit = 15 } = options;
  const values = importance
    .filter((i) => Number.isFinite(i.increase))
    .sort((a, b) => b.increase - a.increase)
    .slice(0, limit)
    .map((i) => ({ ...i, helps: i.increase > 0 ? 'yes' : 'no' }));
  return {
    $schema: SCHEMA,
    title: {
      text: options.title ?? 'Permutation importance',
      subtitle: `Increase of the model’s MAE when the feature is shuffled; top ${values.length} of ${importance.length}`,
    },
    width: 'container',
    height: Math.max(values.length, 1) * 18,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'feature', type: 'nominal', title: null, sort: values.map((v) => v.feature), axis: { labelLimit: 180 } },
      x: { field: 'increase', type: 'quantitative', title: 'MAE increase when shuffled', axis: { tickCount: 6, format: '~g' } },
      color: { field: 'helps', type: 'nominal', legend: null, scale: { domain: ['yes', 'no'], range: [MUTED_COLOR, OTHER_COLOR] } },
      tooltip: [
        { field: 'feature', type: 'nominal', title: 'Feature' },
        { field: 'increase', type: 'quantitative', title: 'MAE increase', format: '.4f' },
      ],
    },
  };
}
