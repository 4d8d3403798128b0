import type { NotebookConfig } from '../lib/notebook/config';
import type { BaselineKind } from '../lib/models/types';
import type { EpochReport, SerializedWeight } from '../lib/models/train-types';
import type { ClassicalParams, ModelResult, RunArtifacts, RunMetrics, WindowResult, ForecastSample } from '../lib/runs/types';
import type { JsonObject, RunRecord } from '../lib/storage/records';
import { estimateEta, formatEta } from '../lib/progress/estimate-eta';
import { headlineMetrics } from '../lib/train/headline-metrics';
import { runBacktest, type BacktestCandidate, type BacktestForecaster } from '../lib/train/run-backtest';
import { networkStep } from '../lib/train/network-windows';
import { compareDeterminism, type DeterminismReport } from '../lib/train/compare-determinism';
import { modelOutputWidth } from '../lib/models/model-output-width';
import { defaultClassicalKinds, defaultNeuralSpecs } from '../lib/models/default-model-specs';
import { readRecords, runLockName } from '../adapters/db';
import { runBackup } from '../adapters/backup';
import { runFileName } from '../lib/storage/backup-file-name';
import { runSaveMessages } from '../lib/messages/storage';
import { finishRunRecord, newRunRecord, startRunRecord } from './run-record';
import { replayableRun } from '../lib/runs/replayable-run';
import { formatStamp } from '../lib/format/format-stamp';
import { formatDuration } from '../lib/runs/run-table';
import { trainMessages } from '../lib/messages/train';
import { featureQueries } from '../lib/features/feature-sql';
import { datasetLabel } from '../lib/runs/summarize-run';
import type { FinalFit } from '../lib/registry/version-draft-from-run';
import type { FinalFitter } from './registry.svelte';
import type { DataClient } from '../workers/data-client';
import type { TrainClient } from '../workers/train-client';
import type { FeaturesState } from './features.svelte';
import type { StorageState } from './storage.svelte';
import { throttledCurves, throttledProgress, type LiveCurve, type RunProgress } from './train-updates';

const BASELINES: readonly BaselineKind[] = ['naive', 'seasonal-naive', 'moving-average'];
const APP_VERSION = '0.1.0';

/**
 * The Train stage: one click trains every candidate model on every backtest window in the train worker, forecasts
 * each window recursively through the data worker, and scores baselines and models alike. The run is stored from
 * its first moment (status 'running', under a Web Lock), so a reload mid-training leaves it 'interrupted', never lost.
 */
export class TrainState {
  running = $state(false);
  progress = $state.raw<RunProgress | null>(null);
  curves = $state.raw<LiveCurve[]>([]);
  result = $state.raw<RunMetrics | null>(null);
  /** The stored run `result` is (trained in this session or restored from storage). */
  resultRunId = $state<string | null>(null);
  samples = $state.raw<ForecastSample[]>([]);
  /** The classical models' fitted parameters on the test window, for their download on the Evaluate stage. */
  classical = $state.raw<ClassicalParams[]>([]);
  backend = $state<string | null>(null);
  notice = $state<string | null>(null);
  /** The last determinism check: the same configuration trained twice, window by window. */
  determinism = $state.raw<DeterminismReport | null>(null);
  /** The finished run that could not be stored (storage full): kept in memory until the next training, offered as a file. */
  unsaved = $state.raw<RunRecord | null>(null);

  readonly #data: DataClient;
  /** The train workers, one per lane (0 also does the final fit); `#lanes` of them train a run's networks side by side. */
  readonly #trainClient: (lane: number) => TrainClient;
  readonly #lanes: number;
  readonly #features: FeaturesState;
  readonly #storage: StorageState;
  #abort: AbortController | null = null;
  #warmed: string | null = null;

  constructor(options: { data: DataClient; train: (lane: number) => TrainClient; lanes: number; features: FeaturesState; storage: StorageState }) {
    this.#data = options.data;
    this.#trainClient = options.train;
    this.#lanes = Math.max(1, options.lanes);
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

  /**
   * Start the train worker and its backend ahead of the first training (the Train stage calls this when it comes into
   * view with features built): loading tfjs and measuring the backends for 'auto' take seconds (software WebGL
   * compiles its shaders slowly), which would otherwise come first in the first click on Run. Once per backend choice.
   */
  warmUp(backend: NotebookConfig['models']['backend']): void {
    if (this.running || this.#warmed === backend) return;
    this.#warmed = backend;
    performance.mark('fl:train-worker:warm-up');
    // Lane 0 measures the backends for 'auto'; the other lanes start the one it picked, so a run trains on one backend.
    void this.#trainClient(0)
      .api.prepare(backend)
      .then((picked) => Promise.all(this.#otherLanes().map((lane) => this.#trainClient(lane).api.prepare(picked ?? backend))))
      .then(() => performance.mark('fl:train-worker:ready'));
  }

  #otherLanes(): number[] {
    return Array.from({ length: this.#lanes - 1 }, (_, i) => i + 1);
  }

  /**
   * The fit of a network before it is registered (see finalFitOf): lane 0's train worker fetches every row up to the
   * end of the data from the data worker and trains a model on them for the chosen epochs. Not a run: nothing is
   * scored or stored here.
   */
  async finalFit(fit: FinalFit, onProgress: (text: string) => void): Promise<Awaited<ReturnType<FinalFitter>>> {
    if (this.running) throw new Error(trainMessages.trainingBusy);
    const started = performance.now();
    const { featureSpec, trainingWindow, spec, seed, backend, epochs, initial } = fit;
    const fitted = await this.#trainClient(0).finalFit(
      { spec, featureSpec, trainingWindow, seed, backend, epochs, ...(initial ? { initial } : {}) },
      {
        onProgress: ({ epoch, rows }) => {
          const estimate = estimateEta({ startedAt: started, now: performance.now(), done: epoch, total: epochs });
          onProgress(trainMessages.finalFitProgress(spec.kind, epoch, epochs, rows, formatEta(estimate.etaMs)));
        },
      },
    );
    return { weights: fitted.weights, trainEnd: fitted.trainEnd, trainStart: fitted.trainStart, rows: fitted.rows };
  }

  /**
   * Restorer of the 'train.models' cell: the stored run of this data and configuration (replayableRun), shown as the
   * cell's result without training. False when there is none, or when a training is under way.
   */
  async restore(config: NotebookConfig, dataHash: string): Promise<boolean> {
    if (this.running || !dataHash || !this.#features.result) return false;
    const db = await this.#storage.open();
    const run = replayableRun((await readRecords(db, 'runs', { index: 'dataHash', equals: dataHash })).records, { dataHash, config });
    if (!run) return false;
    const metrics = run.metrics as unknown as RunMetrics;
    const artifacts = run.artifacts as unknown as RunArtifacts | null;
    this.result = metrics;
    this.resultRunId = run.id;
    this.samples = artifacts?.samples ?? [];
    this.classical = artifacts?.classical ?? [];
    this.backend = metrics.backend;
    this.curves = [];
    this.notice ??= trainMessages.restoredFromStorage(formatStamp(run.created), formatDuration(run.durationMs));
    return true;
  }

  /** Runner of the 'train.models' cell. 'cancelled' when the user stopped it: the cell is then not run. */
  async train(config: NotebookConfig, dataHash: string): Promise<void | 'cancelled'> {
    const features = this.#features.result;
    if (!features) throw new Error('Build the features on the Features stage first.');
    const abort = new AbortController();
    this.#abort = abort;
    this.running = true;
    this.curves = [];
    this.notice = null;
    this.unsaved = null;
    const started = performance.now();
    const id = crypto.randomUUID();
    const record = newRunRecord({ id, config, dataHash, appVersion: APP_VERSION, now: new Date() });
    const stored = await this.#startRecord(record);
    try {
      const work = await this.#lock(id, () => this.#run(config, features, abort.signal, started, id));
      const { metrics, artifacts, samples } = work;
      // The result is shown whatever becomes of the record: a run that cannot be stored is kept here, offered as a file.
      this.result = metrics;
      this.resultRunId = null;
      this.samples = samples;
      this.classical = artifacts.classical ?? [];
      const saved = await this.#finishRecord(record, { stored, status: 'done', metrics, artifacts, started });
      this.resultRunId = saved ? id : null;
    } catch (error) {
      const status = abort.signal.aborted ? 'cancelled' : 'failed';
      await this.#finishRecord(record, { stored, status, metrics: null, artifacts: null, started });
      if (!abort.signal.aborted) throw error;
      this.notice = error instanceof Error ? error.message : String(error);
      return 'cancelled';
    } finally {
      this.running = false;
      this.progress = null;
      this.#abort = null;
    }
  }

  async #run(config: NotebookConfig, features: NonNullable<FeaturesState['result']>, signal: AbortSignal, started: number, runId: string) {
    const windows = features.plan.windows;
    // Direct multi-horizon: each network predicts the whole horizon from the first step's row (ModelSpec.steps).
    const direct = config.models.strategy === 'direct' && features.horizon > 1;
    const neural = (config.models.candidates ?? defaultNeuralSpecs(features.trainRows)).map((spec) => (direct ? { ...spec, steps: features.horizon } : spec));
    const steps = direct ? { steps: features.horizon } : {};
    const candidates: BacktestCandidate[] = [
      // Two lanes: the data worker fits baselines and classical models while the train worker trains the networks.
      ...BASELINES.map((name) => ({ name, family: 'baseline' as const, lane: 'data' })),
      ...(config.models.classical ?? defaultClassicalKinds(features.frequency)).map((name) => ({ name, family: 'classical' as const, lane: 'data' })),
      // The networks share the train workers: each is a slot of the 'train' lane, on a core of its own.
      // Hidden layers make a step several times dearer than the linear model's: those start first (see BacktestCandidate.cost).
      ...neural.map((spec) => ({ name: spec.kind, family: 'neural' as const, lane: 'train', cost: 1 + spec.hidden.length })),
    ];
    // Every lane trains on the backend lane 0 resolves 'auto' to: one run, one backend (it replays).
    const backend = neural.length > 0 ? ((await this.#trainClient(0).api.prepare(config.models.backend)) ?? config.models.backend) : config.models.backend;
    const perWindow = candidates.length - neural.length + neural.reduce((sum, c) => sum + c.epochs + 1, 0);
    // Ensembles: up to four sizes of each kind on the folds, the two kept ones on the test window.
    const total = windows.length * perWindow + 8 * (windows.length - 1) + 2;
    const tick = throttledProgress({ started, total, publish: (progress) => (this.progress = progress), current: () => this.#abort?.signal === signal });
    const cost = config.scope.cost;
    const customMetrics = config.scope.customMetrics;
    const openOnly = config.scope.openOnly;
    const samples: ForecastSample[] = [];
    const weights: RunArtifacts['weights'] = [];
    const importance = new Map<string, ModelResult['importance']>();
    const forms = new Map<string, string[]>();
    const classical: ClassicalParams[] = [];
    const isTest = (w: number) => w === windows.length - 1;
    const curves = throttledCurves((next) => (this.curves = [...this.curves, ...next]));
    const lastFold = new Map<string, { weights: SerializedWeight[]; bestEpoch: number }>();

    const scored = (w: number, t0: number, forecast: { evaluation: WindowResult['evaluation']; custom: WindowResult['custom']; sample: ForecastSample }, trained?: Pick<WindowResult, 'history' | 'bestEpoch' | 'stoppedEarly' | 'durationMs' | 'warmStart'>) => {
      const window = windows[w]!;
      if (isTest(w)) samples.push(forecast.sample);
      const detail: WindowResult = {
        window: window.label, cutoff: window.cutoff, trainEnd: window.trainEnd, trainStart: window.trainStart,
        evaluation: forecast.evaluation, custom: forecast.custom,
        history: trained?.history ?? [], bestEpoch: trained?.bestEpoch ?? null, stoppedEarly: trained?.stoppedEarly ?? false,
        durationMs: trained?.durationMs ?? performance.now() - t0,
        ...(trained?.warmStart ? { warmStart: true } : {}),
      };
      return { metrics: headlineMetrics(forecast.evaluation), detail };
    };

    // Train a network on window w in the train worker of `slot`: early stopping on a fold, a fixed count on the test window.
    const trainOn = async (candidate: BacktestCandidate, w: number, slot: number) => {
      const label = windows[w]!.label;
      const base = neural.find((spec) => spec.kind === candidate.name)!;
      const onEpoch = (report: EpochReport) => {
        if (report.phase === 'refit') {
          tick(1, `${label}: ${base.kind}, fit on every row up to the cutoff, epoch ${report.epoch}`);
          return;
        }
        curves.add({ model: base.kind, window: label, epoch: report.epoch, loss: report.loss, valLoss: report.valLoss });
        tick(1, `${label}: ${base.kind}, epoch ${report.epoch}`);
      };
      const previous = lastFold.get(base.kind);
      const step = networkStep(w, windows.length, previous?.bestEpoch);
      const initial = step.warmStart && previous ? { initial: previous.weights } : {};
      const trained = await this.#trainClient(slot).trainWindow({ window: w, ...steps, spec: base, seed: config.seed, backend, step, ...initial }, { onEpoch, signal });
      if (step.kind === 'early-stopping') lastFold.set(base.kind, { weights: trained.weights, bestEpoch: trained.bestEpoch });
      curves.flush();
      this.backend = trained.backend;
      // The budget counted each model's epochs (and as many again for the test window's fit): settle what went unused.
      tick(trained.spec.epochs - (step.kind === 'fit' ? step.epochs : trained.history.length), `${label}: ${base.kind} trained`);
      return { ...trained, step };
    };
    const testFits = new Map<string, ReturnType<typeof trainOn>>();

    const forecaster: BacktestForecaster<WindowResult> = {
      forecast: async (candidate, w, slot) => {
        const t0 = performance.now();
        const label = windows[w]!.label;
        if (candidate.family !== 'neural') {
          const result = await this.#data.api.forecastWindow({ window: w, model: candidate.name, quantiles: null, cost, customMetrics, openOnly });
          if (result.forms && isTest(w)) forms.set(candidate.name, result.forms);
          if (result.fitted) classical.push(result.fitted);
          tick(1, `${label}: ${candidate.name}`);
          return scored(w, t0, result);
        }
        // The slot's train worker fetches the window's matrices from the data worker, and the data worker asks it for
        // the forecast's predictions: feature rows go between the two workers, the page sends and gets small things.
        const trained = await ((isTest(w) ? testFits.get(candidate.name) : undefined) ?? trainOn(candidate, w, slot));
        const { spec } = trained;
        const network = { lane: slot, spec, weights: trained.weights, backend: trained.backend, keep: `${runId}:${w}:${spec.kind}` };
        const result = await this.#data.api.forecastWindow({
          window: w, model: spec.kind, quantiles: spec.loss === 'quantile' ? spec.quantiles : null, cost, customMetrics, openOnly, ...steps, network,
        });
        tick(1, `${label}: ${spec.kind} forecast`);
        if (isTest(w)) {
          weights.push({ model: spec.kind, weights: trained.weights });
          importance.set(spec.kind, await this.#data.api.importance({ window: w, outputs: modelOutputWidth(spec), ...steps, seed: config.seed, network }));
        }
        return scored(w, t0, result, { ...trained, warmStart: trained.step.warmStart });
      },
      // A network's test-window training reads only rows before the test window: it runs as soon as its folds are done.
      prepare: async (candidate, w, slot) => {
        if (candidate.family !== 'neural') return;
        const fit = trainOn(candidate, w, slot);
        testFits.set(candidate.name, fit);
        await fit;
      },
      combine: async ({ name, members }, w) => {
        const t0 = performance.now();
        const result = await this.#data.api.forecastWindow({ window: w, model: name, quantiles: null, cost, customMetrics, members, openOnly });
        tick(1, `${windows[w]!.label}: ${name}`);
        return scored(w, t0, result);
      },
    };

    const backtest = await runBacktest({
      windows: windows.map((w) => w.label), candidates, forecaster, primary: config.scope.primaryMetric, signal, slots: { data: 1, train: this.#lanes },
    });
    const models: ModelResult[] = backtest.results.map((r) => ({
      name: r.name,
      family: r.family,
      spec: neural.find((spec) => spec.kind === r.name) ?? null,
      windows: r.windows.map((w) => w.detail),
      backtest: r.selection,
      test: r.test,
      ...(r.members ? { members: r.members } : {}),
      ...(forms.has(r.name) ? { forms: forms.get(r.name)! } : {}),
      importance: importance.get(r.name) ?? null,
    }));
    const metrics: RunMetrics = {
      backend: (this.backend as RunMetrics['backend']) ?? null,
      featureSpec: features.spec,
      horizon: features.horizon,
      folds: windows.length - 1,
      models,
      best: backtest.selection.picked,
      baseline: 'seasonal-naive',
      selection: backtest.selection,
      closed: features.closedFlag ? { flag: features.closedFlag, openOnly } : null,
    };
    // The feature table as SQL travels with the run (the MLflow export's artifacts).
    const trainEnd = windows.at(-1)!.trainEnd;
    const featureSql = featureQueries(features.spec, { columns: features.columns, frequency: features.frequency, trainEnd, names: features.names, fileName: datasetLabel(config.dataset) ?? '' });
    return { metrics, artifacts: { weights, samples, classical, ...(featureSql ? { featureSql } : {}) } satisfies RunArtifacts, samples };
  }

  /** Store the run's starting record (run-record.ts); whether it was stored. Training goes on either way. */
  async #startRecord(record: RunRecord): Promise<boolean> {
    const error = await startRunRecord(await this.#storage.open(), record);
    if (error) {
      this.notice = error.message;
      return false;
    }
    // The Storage, Runs and Registry lists learn of the write from its commit (StorageState.onChange), as other tabs do.
    return true;
  }

  /**
   * Store the run's end in one write (run-record.ts); whether it was stored. When a finished run cannot be, it stays
   * the result here, is offered as a download (`unsaved`), and the notice says what became of its stored record.
   */
  async #finishRecord(
    record: RunRecord,
    outcome: { stored: boolean; status: RunRecord['status']; metrics: RunMetrics | null; artifacts: RunArtifacts | null; started: number },
  ): Promise<boolean> {
    const final: RunRecord = {
      ...record,
      status: outcome.status,
      updated: new Date().toISOString(),
      metrics: outcome.metrics as unknown as JsonObject | null,
      artifacts: outcome.artifacts as unknown as JsonObject | null,
      durationMs: performance.now() - outcome.started,
    };
    const result = await finishRunRecord(await this.#storage.open(), final, { started: outcome.stored });
    if (!result.saved && outcome.status === 'done') {
      this.unsaved = final;
      const fate = { failed: runSaveMessages.keptAsFailed, deleted: runSaveMessages.removed, 'left-running': runSaveMessages.leftRunning, none: null }[result.record];
      this.notice = [runSaveMessages.notSaved(runSaveMessages.reason(result.error)), fate].filter((text) => text !== null).join(' ');
    } else if (!result.saved && outcome.stored) {
      this.notice = result.error.message;
    }
    return result.saved;
  }

  /** Save the finished run that could not be stored as a backup file holding just that run (it imports back). */
  downloadUnsaved(): void {
    if (!this.unsaved) return;
    const now = new Date();
    const fileName = runFileName(this.unsaved.id, now);
    this.#storage.download(new Blob([runBackup(this.unsaved, { now })], { type: 'application/json' }), fileName);
  }

  /** Holds the run's Web Lock while it trains, so another tab opening the app does not mark it interrupted. */
  async #lock<T>(id: string, work: () => Promise<T>): Promise<T> {
    if (!('locks' in navigator)) return work();
    const name = runLockName((await this.#storage.open()).name, id);
    return navigator.locks.request(name, work);
  }
}
