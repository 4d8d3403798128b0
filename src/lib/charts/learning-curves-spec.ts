import type { TopLevelSpec } from 'vega-lite';
import { runCompareLabels as L } from '../messages/runs';
import type { LearningCurveRun } from '../runs/compare-runs';
import { CHART_HEIGHT, GROUP_COLORS, SCHEMA } from './chart-defaults';

export interface LearningCurvesSpecOptions {
  /** Null for none (when the page gives the chart a heading of its own). */
  title?: string | null;
  /** Only this model's curves; all models by default. */
  model?: string | null;
}

/** One point of a curve: the chart's data rows. */
export interface LearningCurvePoint {
  run: string;
  model: string;
  curve: string;
  epoch: number;
  loss: number;
}

/**
 * Training and validation loss per epoch, overlaid for several runs and models: colour by run (in the runs' order,
 * the reference first), solid for training and dashed for validation, one point shape per model. A widening gap
 * between a run's two lines is overfitting; a validation line that stops early is early stopping.
 */
export function learningCurvesSpec(runs: readonly LearningCurveRun[], options: LearningCurvesSpecOptions = {}): TopLevelSpec {
  const { title = L.curvesTitle, model = null } = options;
  const values = learningCurvePoints(runs, model);
  const labels = runs.map((run) => run.label);
  const curves = [L.curveTraining, L.curveValidation];
  return {
    $schema: SCHEMA,
    ...(title === null ? {} : { title }),
    width: 'container',
    height: CHART_HEIGHT,
    data: { values },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: L.epochAxis, axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'loss', type: 'quantitative', title: L.lossAxis, scale: { zero: false } },
      color: {
        field: 'run',
        type: 'nominal',
        title: L.run,
        sort: labels,
        scale: { domain: labels, range: labels.map((_, i) => GROUP_COLORS[i % GROUP_COLORS.length] as string) },
      },
    },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: {
          strokeDash: { field: 'curve', type: 'nominal', title: L.curve, sort: curves, scale: { domain: curves, range: [[1, 0], [6, 4]] } },
          detail: { field: 'model', type: 'nominal' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 18 },
        encoding: {
          shape: { field: 'model', type: 'nominal', title: L.model },
          tooltip: [
            { field: 'run', type: 'nominal', title: L.run },
            { field: 'model', type: 'nominal', title: L.model },
            { field: 'curve', type: 'nominal', title: L.curve },
            { field: 'epoch', type: 'quantitative', title: L.epochAxis },
            { field: 'loss', type: 'quantitative', title: L.lossAxis, format: '.4g' },
          ],
        },
      },
    ],
  };
}

/** The chart's rows: one per run × model × curve × epoch with a finite loss. */
export function learningCurvePoints(runs: readonly LearningCurveRun[], model: string | null = null): LearningCurvePoint[] {
  const points: LearningCurvePoint[] = [];
  for (const run of runs) {
    for (const curve of run.models) {
      if (model !== null && curve.model !== model) continue;
      for (const { epoch, loss, valLoss } of curve.epochs) {
        if (loss !== null) points.push({ run: run.label, model: curve.model, curve: L.curveTraining, epoch, loss });
        if (valLoss !== null) points.push({ run: run.label, model: curve.model, curve: L.curveValidation, epoch, loss: valLoss });
      }
    }
  }
  return points;
}
