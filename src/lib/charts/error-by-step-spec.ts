import type { TopLevelSpec } from 'vega-lite';
import { modelLabel, testWindow } from '../evaluate/leaderboard';
import { evaluateMessages } from '../messages/evaluate';
import type { MetricName } from '../notebook/stage-configs';
import type { ModelName, RunMetrics, ModelFamily } from '../runs/types';
import { CHART_HEIGHT, SCHEMA } from './chart-defaults';
import { MODEL_COLORS } from './model-colors';

/** The error measures metricsBy gives per step; MASE has no per-step scale, so its shape is drawn as MAE. */
export type StepMetric = 'wape' | 'mae' | 'rmse' | 'smape';

export interface ErrorByStepRow {
  model: ModelName;
  family: ModelFamily;
  /** 1-based horizon step. */
  step: number;
  metric: StepMetric;
  value: number;
}

export interface ErrorByStepSpecOptions {
  title?: string;
}

const STEP_METRIC: Record<MetricName, StepMetric> = { wape: 'wape', mae: 'mae', rmse: 'rmse', smape: 'smape', mase: 'mae' };
const AXIS_FORMAT: Record<StepMetric, string> = { wape: '.0%', mae: '~s', rmse: '~s', smape: '.0f' };
const VALUE_FORMAT: Record<StepMetric, string> = { wape: '.1%', mae: ',.2f', rmse: ',.2f', smape: '.1f' };

/** Each model's error per horizon step on the test window, by the primary metric (MAE for MASE); undefined steps left out. */
export function errorByStepRows(metrics: RunMetrics, { primary }: { primary: MetricName }): ErrorByStepRow[] {
  const metric = STEP_METRIC[primary];
  return metrics.models.flatMap((model) =>
    (testWindow(model)?.evaluation.byStep ?? []).flatMap((g) => {
      const value = g[metric];
      return value === null || !Number.isFinite(value) ? [] : [{ model: model.name, family: model.family, step: Number(g.key), metric, value }];
    }),
  );
}

/**
 * How error grows with the horizon: one line per model over the steps of the test window, baselines dashed. A
 * recursive forecast feeds its own predictions back, so a model whose line climbs steeply compounds its errors.
 */
export function errorByStepSpec(rows: readonly ErrorByStepRow[], options: ErrorByStepSpecOptions = {}): TopLevelSpec {
  const metric = rows[0]?.metric ?? 'wape';
  const label = evaluateMessages.metricLabel[metric];
  const models = [...new Set(rows.map((r) => r.model))];
  const values = rows.map((r) => ({ ...r, model: modelLabel(r.model) }));
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? 'Error by horizon step (test window)', subtitle: `${label} per step ahead; baselines dashed` },
    width: 'container',
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'line', strokeWidth: 1.6, point: { size: 18 } },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: 'Steps ahead', axis: { tickMinStep: 1, format: 'd' }, scale: { zero: false } },
      y: { field: 'value', type: 'quantitative', title: label, axis: { format: AXIS_FORMAT[metric] } },
      color: { field: 'model', type: 'nominal', title: null, scale: { domain: models.map(modelLabel), range: models.map((m) => MODEL_COLORS[m]) } },
      strokeDash: { field: 'family', type: 'nominal', title: null, legend: null, scale: { domain: ['neural', 'classical', 'ensemble', 'baseline'], range: [[1, 0], [1, 0], [1, 0], [4, 3]] } },
      tooltip: [
        { field: 'model', type: 'nominal', title: 'Model' },
        { field: 'step', type: 'quantitative', title: 'Step' },
        { field: 'value', type: 'quantitative', title: label, format: VALUE_FORMAT[metric] },
      ],
    },
  };
}
