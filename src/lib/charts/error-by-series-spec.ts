import type { TopLevelSpec } from 'vega-lite';
import { modelLabel, testWindow } from '../evaluate/leaderboard';
import type { ModelName, RunMetrics } from '../runs/types';
import { SCHEMA } from './chart-defaults';
import { MODEL_COLORS } from './model-colors';

export interface ErrorBySeriesRow {
  series: string;
  model: ModelName;
  wape: number | null;
  /** The series' actual sales over the test window (what ranks it). */
  sales: number;
}

export interface ErrorBySeriesRowsOptions {
  /** Models to compare, e.g. [best, 'seasonal-naive']; the first one's test window picks and ranks the series. */
  models: readonly ModelName[];
  /** Series shown at most, the biggest sellers first; default 20. */
  limit?: number;
}

export interface ErrorBySeriesSpecOptions {
  title?: string;
}

/** Test-window WAPE per series for a few models, on the `limit` series that sold most. */
export function errorBySeriesRows(metrics: RunMetrics, { models, limit = 20 }: ErrorBySeriesRowsOptions): ErrorBySeriesRow[] {
  const bySeries = (name: ModelName) => {
    const model = metrics.models.find((m) => m.name === name);
    return (model && testWindow(model)?.evaluation.bySeries) ?? [];
  };
  const first = models[0];
  if (first === undefined) return [];
  const top = [...bySeries(first)].sort((a, b) => b.actualSum - a.actualSum).slice(0, limit);
  return top.flatMap((s) =>
    models.map((name) => ({ series: s.label, model: name, wape: bySeries(name).find((g) => g.label === s.label)?.wape ?? null, sales: s.actualSum })),
  );
}

/** Grouped horizontal bars: each series' WAPE per model, biggest sellers on top. */
export function errorBySeriesSpec(rows: readonly ErrorBySeriesRow[], options: ErrorBySeriesSpecOptions = {}): TopLevelSpec {
  const series = [...new Set(rows.map((r) => r.series))];
  const models = [...new Set(rows.map((r) => r.model))];
  const values = rows.map((r) => ({ ...r, model: modelLabel(r.model) }));
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? 'WAPE by series (test window)', subtitle: `The ${series.length} best-selling series, biggest first` },
    width: 'container',
    // A fixed height per series (a { step } height would make vega-lite drop 'fit' for the container width, with a warning).
    height: Math.max(series.length, 1) * (10 * Math.max(models.length, 1) + 6),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'series', type: 'nominal', title: null, sort: series, axis: { labelLimit: 160 } },
      yOffset: { field: 'model', type: 'nominal', sort: models.map(modelLabel) },
      x: { field: 'wape', type: 'quantitative', title: 'WAPE', axis: { format: '.0%' } },
      color: { field: 'model', type: 'nominal', title: null, scale: { domain: models.map(modelLabel), range: models.map((m) => MODEL_COLORS[m]) } },
      tooltip: [
        { field: 'series', type: 'nominal', title: 'Series' },
        { field: 'model', type: 'nominal', title: 'Model' },
        { field: 'wape', type: 'quantitative', title: 'WAPE', format: '.1%' },
        { field: 'sales', type: 'quantitative', title: 'Units sold', format: ',.0f' },
      ],
    },
  };
}
