/**
 * The training histories a comparison overlays: for each run, each trained model's per-epoch losses on its final
 * backtest window (the last window that has a history: the test window, whose weights the run keeps). Baselines
 * have no epochs and are left out.
 */
import type { ReadEpoch, ReadRun } from './read-run';

export interface LearningCurveModel {
  model: string;
  window: string;
  epochs: ReadEpoch[];
}

export interface LearningCurveRun {
  /** How the chart names the run (its legend entry). */
  label: string;
  models: LearningCurveModel[];
}

export function learningCurves(run: ReadRun, label: string): LearningCurveRun {
  const models = (run.metrics?.models ?? []).flatMap((model) => {
    const window = model.windows.findLast((w) => w.history.length > 0);
    return window === undefined ? [] : [{ model: model.name, window: window.window, epochs: window.history }];
  });
  return { label, models };
}

/** The models that have curves in any of the runs, in order of first appearance (for a model picker). */
export function curveModels(runs: readonly LearningCurveRun[]): string[] {
  return [...new Set(runs.flatMap((run) => run.models.map((m) => m.model)))];
}
