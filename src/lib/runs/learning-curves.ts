/**
 * The training histories a comparison overlays: for each run, each trained model's per-epoch losses on its first
 * backtest window, the one trained from the seed (later windows continue from the previous window's weights, so
 * their curves start part-way; the test window trains for a count the folds chose, with no validation to plot).
 * Baselines have no epochs and are left out.
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
    const window = model.windows.find((w) => w.history.length > 0);
    return window === undefined ? [] : [{ model: model.name, window: window.window, epochs: window.history }];
  });
  return { label, models };
}

/** The models that have curves in any of the runs, in order of first appearance (for a model picker). */
export function curveModels(runs: readonly LearningCurveRun[]): string[] {
  return [...new Set(runs.flatMap((run) => run.models.map((m) => m.model)))];
}
