// Stored rows as the app writes them, made by the app's own code: a small generated example goes through the data
// worker's pipeline (features, backtest plan, forecasts and scores), a ridge network trains with the train worker's
// tfjs code on the cpu backend, the backtest picks as the Train stage's does, and the registry is built with the
// Registry stage's actions. What TrainState adds around it (the record's envelope, RunMetrics' fields) is copied
// from src/state/train.svelte.ts.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createPredictor, fitForEpochs, trainModel } from '../../../src/adapters/tf-train';
import { featureQueries } from '../../../src/lib/features/feature-sql';
import { defaultModelSpec } from '../../../src/lib/models/default-model-specs';
import type { SerializedWeight } from '../../../src/lib/models/train-types';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../../src/lib/notebook/config';
import { evaluateGates, DEFAULT_GATES } from '../../../src/lib/registry/gates';
import { createRegistry } from '../../../src/lib/registry/registry';
import { archiveVersion, promoteChallenger, registerVersion, setAlias } from '../../../src/lib/registry/registry-actions';
import type { Registry } from '../../../src/lib/registry/types';
import { versionDraftFromRun } from '../../../src/lib/registry/version-draft-from-run';
import type { ModelResult, RunArtifacts, RunMetrics, WindowResult } from '../../../src/lib/runs/types';
import type { DatasetRecord, JsonObject, RegistryRecord, RunRecord } from '../../../src/lib/storage/records';
import { headlineMetrics } from '../../../src/lib/train/headline-metrics';
import { concatRows, networkStep } from '../../../src/lib/train/network-windows';
import { runBacktest, type BacktestCandidate, type BacktestForecaster } from '../../../src/lib/train/run-backtest';
import { DataPipeline } from '../../../src/workers/data-pipeline';
import { exampleSales } from '../features/example-sales';

export const EXAMPLE_HASH = 'e'.repeat(64);
export const OTHER_HASH = '0123456789abcdef'.repeat(4);
const HORIZON = 7;

export interface StoredRecords {
  runs: RunRecord[];
  registries: RegistryRecord[];
  datasets: DatasetRecord[];
}

/** One finished run: baselines, Theta and a ridge network over one fold and the test window of a 2 × 2 example. */
export async function trainedRun(options: { id: string; created: string; seed: number; dataHash: string }): Promise<RunRecord> {
  await tf.setBackend('cpu');
  tf.enableProdMode();
  const data = exampleSales({ stores: 2, products: 2, days: 240, seed: options.seed });
  const config: NotebookConfig = {
    ...structuredClone(DEFAULT_CONFIG),
    seed: options.seed,
    horizon: HORIZON,
    split: { validation: null, trainingWindow: null, folds: 1, period: null },
    models: { ...DEFAULT_CONFIG.models, candidates: [{ ...defaultModelSpec('ridge'), epochs: 6, batchSize: 256 }], classical: [], backend: 'cpu' },
    stage: 'train',
  };
  const pipeline = new DataPipeline();
  const features = pipeline.prepare(data, { spec: null, horizon: HORIZON, split: config.split });
  const windows = features.plan.windows;
  const spec = config.models.candidates![0]!;
  const request = { quantiles: null, cost: null, customMetrics: [{ name: 'units short (€)', expression: 'sum(abs(actual - forecast)) / count(actual)' }], openOnly: true };
  const weights: RunArtifacts['weights'] = [];
  const samples: NonNullable<RunArtifacts['samples']> = [];
  const classical: NonNullable<RunArtifacts['classical']> = [];
  const forms = new Map<string, string[]>();
  let lastFold: { weights: SerializedWeight[]; bestEpoch: number } | undefined;

  const scored = (w: number, forecast: Awaited<ReturnType<DataPipeline['forecast']>>, trained?: Pick<WindowResult, 'history' | 'bestEpoch' | 'stoppedEarly' | 'warmStart'>) => {
    const window = windows[w]!;
    if (w === windows.length - 1) samples.push(forecast.sample);
    const detail: WindowResult = {
      window: window.label, cutoff: window.cutoff, trainEnd: window.trainEnd, trainStart: window.trainStart,
      evaluation: forecast.evaluation, custom: forecast.custom,
      history: trained?.history ?? [], bestEpoch: trained?.bestEpoch ?? null, stoppedEarly: trained?.stoppedEarly ?? false, durationMs: 10,
      ...(trained?.warmStart ? { warmStart: true } : {}),
    };
    return { metrics: headlineMetrics(forecast.evaluation), detail };
  };
  const forecaster: BacktestForecaster<WindowResult> = {
    async forecast(candidate, w) {
      if (candidate.family !== 'neural') {
        const result = await pipeline.forecast({ window: w, model: candidate.name, ...request });
        if (result.forms && w === windows.length - 1) forms.set(candidate.name, result.forms);
        if (result.fitted) classical.push(result.fitted);
        return scored(w, result);
      }
      const m = pipeline.matrices(w);
      const step = networkStep(w, windows.length, lastFold?.bestEpoch);
      const common = { spec, seed: options.seed, sequence: null, ...(step.warmStart && lastFold ? { initial: lastFold.weights } : {}) };
      const trained =
        step.kind === 'early-stopping'
          ? await trainModel({ ...common, train: m.train, validation: m.validation })
          : { weights: await fitForEpochs({ ...common, rows: concatRows(m.train, m.validation), epochs: step.epochs }), history: [], bestEpoch: step.epochs, stoppedEarly: false };
      if (step.kind === 'early-stopping') lastFold = { weights: trained.weights, bestEpoch: trained.bestEpoch };
      if (w === windows.length - 1) weights.push({ model: 'ridge', weights: trained.weights });
      const predictor = createPredictor({ spec, weights: trained.weights, width: m.train.width, sequence: null });
      try {
        const forecast = await pipeline.forecast({ window: w, model: 'ridge', ...request }, (x, rows) => predictor.predict(x, rows));
        return scored(w, forecast, { ...trained, warmStart: step.warmStart });
      } finally {
        predictor.dispose();
      }
    },
    async combine({ name, members }, w) {
      return scored(w, await pipeline.forecast({ window: w, model: name, members, ...request }));
    },
  };
  const candidates: BacktestCandidate[] = [
    ...(['naive', 'seasonal-naive', 'moving-average'] as const).map((name) => ({ name, family: 'baseline' as const })),
    { name: 'theta', family: 'classical' },
    { name: 'ridge', family: 'neural' },
  ];
  const backtest = await runBacktest({ windows: windows.map((w) => w.label), candidates, forecaster, primary: 'wape' });
  const models: ModelResult[] = backtest.results.map((r) => ({
    name: r.name, family: r.family, spec: r.name === 'ridge' ? spec : null, windows: r.windows.map((w) => w.detail),
    backtest: r.selection, test: r.test, ...(r.members ? { members: r.members } : {}), ...(forms.has(r.name) ? { forms: forms.get(r.name)! } : {}), importance: null,
  }));
  const metrics: RunMetrics = {
    backend: 'cpu', featureSpec: features.spec, horizon: features.horizon, folds: windows.length - 1, models,
    best: backtest.selection.picked, baseline: 'seasonal-naive', selection: backtest.selection,
    closed: features.closedFlag ? { flag: features.closedFlag, openOnly: true } : null,
  };
  const updated = new Date(Date.parse(options.created) + 65_000).toISOString();
  return {
    id: options.id, created: options.created, updated, config: config as unknown as JsonObject, dataHash: options.dataHash, status: 'done',
    metrics: metrics as unknown as JsonObject,
    // As the Train stage stores it: the feature table as SQL, fit to the test window's training end; Theta's fit.
    artifacts: {
      weights, samples, classical,
      featureSql: featureQueries(features.spec, { columns: features.columns, frequency: features.frequency, trainEnd: windows.at(-1)!.trainEnd, names: features.names, fileName: 'sales.csv' })!,
    } satisfies RunArtifacts as unknown as JsonObject,
    durationMs: 65_000, appVersion: '0.1.0',
  };
}

/**
 * What a browser holds after a short story: two finished runs of the example and one of another dataset, a failed and
 * a running run, a row too damaged to read, and the example's registry: v1 (ridge) registered as champion through
 * the gates, v2 (the second run's pick) as challenger then promoted, v3 (a baseline) registered as challenger and
 * archived, v4 registered from a run since deleted.
 */
export async function storedRecords(): Promise<StoredRecords> {
  const first = await trainedRun({ id: '6f1d2c3b-8a9e-4f10-9b2c-3d4e5f607182', created: '2024-05-01T10:00:00.000Z', seed: 42, dataHash: EXAMPLE_HASH });
  const second = await trainedRun({ id: '0b7c9d2e-1f3a-4b5c-8d6e-7f8091a2b3c4', created: '2024-05-02T09:30:00.000Z', seed: 7, dataHash: EXAMPLE_HASH });
  // Another dataset's run, imported from a backup (its id is not a UUID); trained as the first, to keep the test short.
  const other: RunRecord = { ...structuredClone(first), id: 'run-from-a-backup', created: '2024-05-03T08:00:00.000Z', updated: '2024-05-03T08:01:05.000Z', dataHash: OTHER_HASH };
  const failed: RunRecord = { ...first, id: '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5', created: '2024-05-04T08:00:00.000Z', updated: '2024-05-04T08:00:05.000Z', status: 'failed', metrics: null, artifacts: null, durationMs: 5000 };
  const running: RunRecord = { ...first, id: '2d3e4f5a-6b7c-4d8e-9fa0-b1c2d3e4f5a6', created: '2024-05-05T08:00:00.000Z', updated: '2024-05-05T08:00:00.000Z', status: 'running', metrics: null, artifacts: null, durationMs: null };
  const damaged = { id: 'damaged', status: 'done' } as unknown as RunRecord;

  const runMetrics = (run: RunRecord) => run.metrics as unknown as RunMetrics;
  const stored = (run: RunRecord) => ({ id: run.id, dataHash: run.dataHash, config: run.config, metrics: runMetrics(run) });
  const at = (minute: number) => ({ now: new Date(Date.UTC(2024, 4, 6, 9, minute)), why: `step ${minute}`, actor: 'you' as const });
  let registry: Registry = createRegistry('forecaster');
  const v1 = registerVersion(registry, versionDraftFromRun(stored(first), 'ridge', { frequency: 'daily' }), at(0));
  registry = setAlias(v1.registry, { alias: 'champion', versionId: v1.version.id, gates: evaluateGates(v1.version.metrics, DEFAULT_GATES), ...at(1) });
  const v2 = registerVersion(registry, versionDraftFromRun(stored(second), runMetrics(second).best ?? 'ridge', { frequency: 'daily' }), at(2));
  registry = setAlias(v2.registry, { alias: 'challenger', versionId: v2.version.id, ...at(3) });
  registry = promoteChallenger(registry, { gates: evaluateGates(v2.version.metrics, DEFAULT_GATES), ...at(4) });
  const v3 = registerVersion(registry, { ...versionDraftFromRun(stored(second), 'seasonal-naive', { frequency: 'daily' }), description: 'yes' }, at(5));
  registry = setAlias(v3.registry, { alias: 'challenger', versionId: v3.version.id, ...at(6) });
  registry = archiveVersion(registry, { versionId: v3.version.id, ...at(7) });
  const gone = { ...stored(first), id: '3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7' };
  const v4 = registerVersion(registry, { ...versionDraftFromRun(gone, 'ridge', { frequency: 'daily' }), description: 'Registered from a run\nsince deleted: 2024-05-01' }, at(8));
  registry = setAlias(v4.registry, { alias: 'challenger', versionId: v4.version.id, ...at(9) });
  const runWeights = (run: RunRecord) => (run.artifacts as unknown as RunArtifacts).weights.find((w) => w.model === 'ridge')!.weights;
  const registryRecord: RegistryRecord = {
    dataHash: EXAMPLE_HASH, name: registry.name, created: '2024-05-06T09:00:00.000Z', updated: '2024-05-06T09:09:00.000Z',
    registry: registry as unknown as JsonObject,
    weights: { [v1.version.id]: runWeights(first), [v4.version.id]: runWeights(first) } as unknown as JsonObject,
  };

  const dataset = (hash: string, name: string): DatasetRecord => ({
    hash, name, source: { kind: 'builtin', file: name }, created: '2024-05-01T09:00:00.000Z', sizeBytes: 1000, content: null,
    schema: { header: ['date', 'store', 'product', 'sales'], mapping: { date: 'date', sales: 'sales', keys: ['store', 'product'], covariates: [] }, frequency: 'daily', rowCount: 960, seriesCount: 4 },
  });
  return {
    runs: [second, failed, first, running, other, damaged],
    registries: [registryRecord],
    datasets: [dataset(EXAMPLE_HASH, 'Product-sales example (seed 42, 2 stores × 2 products, 240 days)'), dataset(OTHER_HASH, 'yes')],
  };
}
