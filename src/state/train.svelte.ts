import * as Comlink from 'comlink';
import type { NotebookConfig } from '../lib/notebook/config';
import type { ModelSpec, BaselineKind } from '../lib/models/types';
import type { EpochReport, SerializedWeight } from '../lib/models/train-types';
import type { ModelResult, RunArtifacts, RunMetrics, WindowResult, ForecastSample } from '../lib/runs/types';
import type { JsonObject, RunRecord } from '../lib/storage/records';
import { estimateEta, formatEta } from '../lib/progress/estimate-eta';
import { headlineMetrics, meanHeadline } from '../lib/train/headline-metrics';
import { pickBest } from '../lib/train/pick-best';
import { fitBatchSize } from '../lib/train/fit-batch-size';
import { compareDeterminism, type DeterminismReport } from '../lib/train/compare-determinism';
import { modelOutputWidth } from '../lib/models/model-output-width';
import { runLockName } from '../adapters/db';
import { toStorageError } from '../lib/storage/storage-error';
import type { DataClient } from '../workers/data-client';
import type { TrainClient } from '../workers/train-client';
import type { FeaturesState } from './features.svelte';
import type { StorageState } from './storage.svelte';

const BASELINES: readonly BaselineKind[] = ['naive', 'seasonal-naive', 'moving-average'];
const APP_VERSION = '0.1.0';

export interface LiveCurve {
  model: string;
  window: string;
  epoch: number;
  loss: number;
  valLoss: number;
}

/**
 * The Train stage: one click trains every candidate model on every backtest window in the train worker, forecasts
 * each window recursively through the data worker, and scores baselines and models alike. The run is stored from
 * its first moment (status 'running', under a Web Lock), so a reload mid-training leaves it 'interrupted', never lost.
 */
export class TrainState {
  running = $state(false);
  progress = $state.raw<{ fraction: number; eta: string; label: string } | null>(null);
  curves = $state.raw<LiveCurve[]>([]);
  result = $state.raw<RunMetrics | null>(null);
  samples = $state.raw<ForecastSample[]>([]);
  backend = $state<string | null>(null);
  notice = $state<string | null>(null);
  /** The last determinism check: the same configuration trained twice, window by window. */
  determinism = $state.raw<DeterminismReport | null>(null);

  readonly #data: DataClient;
  readonly #trainClient: () => TrainClient;
  readonly #features: FeaturesState;
  readonly #storage: StorageState;
  #abort: AbortController | null = null;

  readonly #onStored: () => void;

  constructor(options: { data: DataClient; train: () => TrainClient; features: FeaturesState; storage: StorageState; onStored?: () => void }) {
    this.#onStored = options.onStored ?? (() => undefined);
    this.#data = options.data;
    this.#trainClient = options.train;
    this.#features = options.features;
    this.#storage = options.storage;
  }

  /**
   * The determinism check: train the configuration of the current result once more (same seed, data and backend)
   * and compare the two runs window by window. Both runs are stored like any other.
   */
  async checkDeterminism(config: NotebookConfig, dataHash: string): Promise<void> {
    const before = this.result;
    if (!before) return;
    this.determinism = null;
    await this.train(config, dataHash);
    if (this.result && this.result !== before) this.determinism = compareDeterminism(before, this.result);
  }

  cancel(): void {
    this.#abort?.abort();
  }

  /** Runner of the 'train.models' cell. */
  async train(config: NotebookConfig, dataHash: string): Promise<void> {
    const features = this.#features.result;
    if (!features) throw new Error('Build the features on the Features stage first.');
    const abort = new AbortController();
    this.#abort = abort;
    this.running = true;
    this.curves = [];
    this.notice = null;
    const started = performance.now();
    const id = crypto.randomUUID();
    const record = await this.#startRecord(id, config, dataHash);
    try {
      const work = await this.#lock(id, () => this.#run(config, features, abort.signal, started));
      const { metrics, artifacts, samples } = work;
      this.result = metrics;
      this.samples = samples;
      await this.#finishRecord(record, { status: 'done', metrics, artifacts, started });
    } catch (error) {
      const status = abort.signal.aborted ? 'cancelled' : 'failed';
      await this.#finishRecord(record, { status, metrics: null, artifacts: null, started });
      if (!abort.signal.aborted) throw error;
      this.notice = error instanceof Error ? error.message : String(error);
    } finally {
      this.running = false;
      this.progress = null;
      this.#abort = null;
    }
  }

  async #run(config: NotebookConfig, features: NonNullable<FeaturesState['result']>, signal: AbortSignal, started: number) {
    const windows = features.plan.windows;
    const candidates = config.models.candidates;
    const total = windows.length * (BASELINES.length + candidates.reduce((sum, c) => sum + c.epochs + 1, 0));
    let done = 0;
    const tick = (units: number, label: string) => {
      done += units;
      const estimate = estimateEta({ startedAt: started, now: performance.now(), done, total });
      this.progress = { fraction: estimate.fraction, eta: formatEta(estimate.etaMs), label };
    };
    const cost = config.scope.cost;
    const customMetrics = config.scope.customMetrics;
    const results = new Map<string, { family: 'baseline' | 'neural'; spec: ModelSpec | null; windows: WindowResult[]; importance: ModelResult['importance'] }>();
    const add = (name: string, family: 'baseline' | 'neural', spec: ModelSpec | null, window: WindowResult) => {
      const entry = results.get(name) ?? { family, spec, windows: [], importance: null };
      entry.windows.push(window);
      results.set(name, entry);
    };
    const samples: ForecastSample[] = [];
    const weights: RunArtifacts['weights'] = [];

    for (let w = 0; w < windows.length; w++) {
      const window = windows[w] as (typeof windows)[number];
      const isTest = w === windows.length - 1;
      for (const kind of BASELINES) {
        if (signal.aborted) throw new Error('cancelled');
        const t0 = performance.now();
        const { evaluation, custom, sample } = await this.#data.api.forecastWindow({ window: w, model: kind, quantiles: null, cost, customMetrics });
        add(kind, 'baseline', null, { window: window.label, cutoff: window.cutoff, trainEnd: window.trainEnd, trainStart: window.trainStart, evaluation, custom, history: [], bestEpoch: null, stoppedEarly: false, durationMs: performance.now() - t0 });
        if (isTest) samples.push(sample);
        tick(1, `${window.label}: ${kind}`);
      }
      if (candidates.length === 0) continue;
      const matrices = await this.#data.api.windowMatrices(w);
      for (const candidate of candidates) {
        const spec = fitBatchSize(candidate, matrices.train.rows);
        const client = this.#trainClient();
        const onEpoch = (report: EpochReport) => {
          this.curves = [...this.curves, { model: spec.kind, window: window.label, epoch: report.epoch, loss: report.loss, valLoss: report.valLoss }];
          tick(1, `${window.label}: ${spec.kind}, epoch ${report.epoch}`);
        };
        const sequence = spec.kind === 'cnn' && matrices.sequence ? matrices.sequence : undefined;
        const copy = (m: typeof matrices.train) => ({ ...m, x: m.x.slice(), y: m.y.slice() });
        const trained = await client.train(
          { spec, seed: config.seed, backend: config.models.backend, train: copy(matrices.train), validation: copy(matrices.validation), ...(sequence ? { sequence } : {}) },
          { onEpoch, signal },
        );
        this.backend = trained.backend;
        const width = matrices.train.width;
        const predict = (x: Float32Array, rows: number) =>
          client.predict({ spec, weights: copyWeights(trained.weights), x, rows, width, backend: trained.backend, ...(sequence ? { sequence } : {}) });
        const { evaluation, custom, sample } = await this.#data.api.forecastWindow(
          { window: w, model: spec.kind, quantiles: spec.loss === 'quantile' ? spec.quantiles : null, cost, customMetrics },
          Comlink.proxy(predict),
        );
        add(spec.kind, 'neural', spec, {
          window: window.label,
          cutoff: window.cutoff,
          trainEnd: window.trainEnd,
          trainStart: window.trainStart,
          evaluation,
          custom,
          history: trained.history,
          bestEpoch: trained.bestEpoch,
          stoppedEarly: trained.stoppedEarly,
          durationMs: trained.durationMs,
        });
        tick(1 + spec.epochs - trained.history.length, `${window.label}: ${spec.kind} forecast`);
        if (isTest) {
          samples.push(sample);
          weights.push({ model: spec.kind, weights: trained.weights });
          const entry = results.get(spec.kind);
          if (entry) {
            entry.importance = await this.#data.api.importance({ window: w, outputs: modelOutputWidth(spec), seed: config.seed }, Comlink.proxy(predict));
          }
        }
      }
    }

    const models: ModelResult[] = [...results.entries()].map(([name, entry]) => ({
      name: name as ModelResult['name'],
      family: entry.family,
      spec: entry.spec,
      windows: entry.windows,
      backtest: meanHeadline(entry.windows.map((w) => headlineMetrics(w.evaluation))),
      importance: entry.importance,
    }));
    const metrics: RunMetrics = {
      backend: (this.backend as RunMetrics['backend']) ?? null,
      featureSpec: features.spec,
      horizon: features.horizon,
      folds: windows.length - 1,
      models,
      best: pickBest(models, config.scope.primaryMetric),
      baseline: 'seasonal-naive',
    };
    return { metrics, artifacts: { weights } satisfies RunArtifacts, samples };
  }

  async #startRecord(id: string, config: NotebookConfig, dataHash: string): Promise<RunRecord | null> {
    const now = new Date().toISOString();
    const record: RunRecord = {
      id,
      created: now,
      updated: now,
      config: structuredClone(config) as unknown as JsonObject,
      dataHash,
      status: 'running',
      metrics: null,
      artifacts: null,
      durationMs: null,
      appVersion: APP_VERSION,
    };
    try {
      await (await this.#storage.open()).runs.put(record);
      await this.#storage.refresh();
      this.#onStored();
      return record;
    } catch (error) {
      // Training still runs; the run just is not kept. Say so.
      this.notice = toStorageError(error).message;
      return null;
    }
  }

  async #finishRecord(
    record: RunRecord | null,
    outcome: { status: RunRecord['status']; metrics: RunMetrics | null; artifacts: RunArtifacts | null; started: number },
  ): Promise<void> {
    if (!record) return;
    try {
      await (await this.#storage.open()).runs.put({
        ...record,
        status: outcome.status,
        updated: new Date().toISOString(),
        metrics: outcome.metrics as unknown as JsonObject | null,
        artifacts: outcome.artifacts as unknown as JsonObject | null,
        durationMs: performance.now() - outcome.started,
      });
      await this.#storage.refresh();
      this.#onStored();
    } catch (error) {
      this.notice = toStorageError(error).message;
    }
  }

  /** Holds the run's Web Lock while it trains, so another tab opening the app does not mark it interrupted. */
  async #lock<T>(id: string, work: () => Promise<T>): Promise<T> {
    if (!('locks' in navigator)) return work();
    const name = runLockName((await this.#storage.open()).name, id);
    return navigator.locks.request(name, work);
  }
}

function copyWeights(weights: SerializedWeight[]): SerializedWeight[] {
  return weights.map((w) => ({ ...w, data: w.data.slice() }));
}
