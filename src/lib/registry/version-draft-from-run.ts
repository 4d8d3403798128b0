import type { Frequency } from '../data/types';
import { TEST_WINDOW } from '../evaluate/leaderboard';
import { registryMessages as m } from '../messages/registry';
import type { RunMetrics } from '../runs/types';
import type { CostModel } from '../scope/cost-model';
import { periodIndex } from '../eda/calendar';
import { periodEnd } from '../split/period-end';
import type { VersionDraft } from './register-version';
import { versionMetricsFromRun } from './version-metrics-from-run';

export interface RunForRegistry {
  id: string;
  dataHash: string;
  /** The notebook configuration the run was trained with (its seed, its split). */
  config: { seed?: unknown; split?: { validation?: unknown } };
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
