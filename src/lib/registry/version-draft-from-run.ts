/**
 * From a stored run to a registry version: which of the run's models can be served, what registering one writes, and
 * the final fit a network gets before it is registered.
 */
import type { Frequency } from '../data/types';
import { TEST_WINDOW } from '../evaluate/leaderboard';
import { isBaselineModel } from '../ops/baseline-host';
import { dayToIso } from '../core/days';
import { periodEnd, periodIndex } from '../core/periods';
import type { FeatureSpec } from '../features/types';
import type { BackendChoice, SerializedWeight } from '../models/train-types';
import type { ModelSpec } from '../models/types';
import { registryMessages as m } from '../messages/registry';
import type { ModelName, RunMetrics } from '../runs/types';
import type { CostModel } from '../scope/cost-model';
import type { VersionDraft } from './types';
import { versionMetricsFromRun } from './version-metrics';

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

export interface RunForRegistry {
  id: string;
  dataHash: string;
  /** The notebook configuration the run was trained with (its seed, its split). */
  config: { seed?: unknown; split?: { validation?: unknown; trainingWindow?: unknown } };
  metrics: RunMetrics;
}

/**
 * What registering `model` of a stored run writes into the registry: the model's test-window weights are the version
 * (trained on rows up to the test window's trainEnd), so its lineage is that window's training span, the run's
 * feature spec, seed and backend. Runs stored before windows kept their trainEnd get it back from the cutoff and the
 * validation length, as the backtest plan placed it.
 */
export function versionDraftFromRun(run: RunForRegistry, model: string, options: { frequency: Frequency; cost?: CostModel }): VersionDraft {
  const result = run.metrics.models.find((r) => r.name === model);
  if (!result) throw new Error(m.unknownModel(model, run.metrics.models.map((r) => r.name)));
  const test = result.windows.find((w) => w.window === TEST_WINDOW);
  if (!test) throw new Error(m.noTestWindow(model));
  const validation = typeof run.config.split?.validation === 'number' ? run.config.split.validation : run.metrics.horizon;
  const trainEnd = test.trainEnd ?? periodEnd(periodIndex(test.cutoff, options.frequency) - validation, options.frequency);
  return {
    source: 'train',
    runId: run.id,
    model,
    spec: result.spec,
    featureSpec: run.metrics.featureSpec,
    dataHash: run.dataHash,
    seed: typeof run.config.seed === 'number' ? run.config.seed : 0,
    backend: result.family === 'neural' ? run.metrics.backend : null,
    trainEnd,
    trainStart: test.trainStart ?? null,
    metrics: versionMetricsFromRun(run.metrics, model, options.cost),
    description: '',
    parent: null,
  };
}

/**
 * What a network is fitted on before it is registered: every row up to the end of the data (the test window's
 * included, within the run's training window if it had one), trained as the test window was one window on (see
 * src/lib/train/network-windows.ts): from the test window's weights when it continued from a fold's (else from the
 * run's seed), for the test window's epochs, which the folds chose. The test window scored the model before this fit;
 * what is served has also learnt from those newest periods. Null for models with nothing to fit (baselines).
 */
export interface FinalFit {
  spec: ModelSpec;
  featureSpec: FeatureSpec;
  seed: number;
  trainingWindow: number | null;
  epochs: number;
  /** The backend the run trained on, so the fit replays like the run. */
  backend: BackendChoice;
  /** The test window's weights to continue from; absent: from the seed. */
  initial?: SerializedWeight[];
}

/** `weights`: the model's stored test-window weights (the run's artifacts), which a warm-started fit continues from. */
export function finalFitOf(run: RunForRegistry, model: string, weights: SerializedWeight[] | undefined): FinalFit | null {
  const result = run.metrics.models.find((r) => r.name === model);
  if (!result || result.family !== 'neural' || !result.spec) return null;
  const test = result.windows.find((w) => w.window === TEST_WINDOW);
  if (test?.warmStart && !weights) throw new Error(m.noStoredWeights(model));
  const trainingWindow = run.config.split?.trainingWindow;
  return {
    spec: result.spec,
    featureSpec: run.metrics.featureSpec,
    seed: typeof run.config.seed === 'number' ? run.config.seed : 0,
    trainingWindow: typeof trainingWindow === 'number' ? trainingWindow : null,
    epochs: Math.max(1, test?.bestEpoch ?? 1),
    backend: run.metrics.backend ?? 'auto',
    ...(test?.warmStart && weights ? { initial: weights } : {}),
  };
}

/** The draft of a version fitted by finalFitOf: its lineage is the rows it was fitted on, and it says how. */
export function withFinalFit(draft: VersionDraft, fit: { trainEnd: number; trainStart: number | null; epochs: number; rows: number }): VersionDraft {
  return {
    ...draft,
    trainEnd: fit.trainEnd,
    trainStart: fit.trainStart,
    description: m.finalFit(fit.rows, fit.epochs, dayToIso(fit.trainEnd)),
  };
}
