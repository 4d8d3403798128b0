import { isBaselineModel } from '../ops/baseline-host';
import type { ModelName, RunMetrics } from '../runs/types';

/**
 * The models of a run the simulated endpoint can serve, and the one to offer first. The ops worker serves baselines
 * (nothing to load) and neural models (their stored test-window weights); the classical models and ensembles are
 * compared on the Evaluate stage but not served yet, so the Registry offers the best servable model by the same
 * selection score that made the auto pick, and says so.
 */
export function servableModels(metrics: RunMetrics): ModelName[] {
  return metrics.models.filter((m) => isBaselineModel(m.name) || m.family === 'neural').map((m) => m.name);
}

export function bestServable(metrics: RunMetrics): ModelName | null {
  const servable = servableModels(metrics);
  if (metrics.best !== null && servable.includes(metrics.best)) return metrics.best;
  const ranked = metrics.selection?.ranking.map((r) => r.name).filter((name) => servable.includes(name)) ?? [];
  return ranked[0] ?? servable[0] ?? null;
}
