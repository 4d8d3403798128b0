/**
 * The Registry stage: the registered model of the dataset in use (one per dataset hash), kept in IndexedDB.
 *
 *   load(dataHash) ──► RegistryRecord (or a new, empty registry) ──► versions, aliases, audit
 *   register(run, model) ──► versionDraftFromRun ──► registerVersion (+ champion when it is the first) ──► save
 *   setAlias / promote / rollback ──► lib/registry ──► save
 *
 * Weights sit apart from the registry JSON in the same row, by version id, so the simulation can serve any version.
 */
import type { Frequency } from '../lib/data/types';
import type { SerializedWeight } from '../lib/models/train-types';
import { createRegistry, versionByAlias } from '../lib/registry/registry';
import { evaluateGates, championOnRegister } from '../lib/registry/gates';
import { promoteChallenger, registerVersion, rollbackChampion, setAlias } from '../lib/registry/registry-actions';
import { bestServable, servableModels, finalFitOf, versionDraftFromRun, withFinalFit, type FinalFit } from '../lib/registry/version-draft-from-run';
import type { Alias, PromotionGates, Registry } from '../lib/registry/types';
import { diffConfigs } from '../lib/runs/diff-configs';
import { registryMessages } from '../lib/messages/registry';
import type { NotebookConfig } from '../lib/notebook/config';
import type { RunArtifacts, RunMetrics } from '../lib/runs/types';
import type { CostModel } from '../lib/scope/cost-model';
import type { JsonObject, RegistryRecord } from '../lib/storage/records';
import { toStorageError } from '../lib/storage/storage-error';
import { parseRegistry } from '../lib/registry/registry-schema';
import { readRecord, readRecords } from '../adapters/db';
import { checkRecord } from '../lib/storage/record-schemas';
import type { StorageState } from './storage.svelte';

export class RegistryState {
  registry = $state.raw<Registry | null>(null);
  dataHash = $state<string>('');
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  /** Stored runs of this dataset that finished (what can be registered). */
  /** Stored runs of this data, with the models the endpoint can serve; `pick` is the run's auto pick (maybe not servable). */
  runs = $state.raw<{ id: string; created: string; models: string[]; best: string | null; pick: string | null }[]>([]);

  /** What the fit before registering is doing (a network is fitted once more on every row); null when idle. */
  fitting = $state<string | null>(null);

  readonly #storage: StorageState;
  readonly #finalFit: FinalFitter;
  #weights: Record<string, SerializedWeight[]> = {};
  #created = '';

  constructor(storage: StorageState, finalFit: FinalFitter) {
    this.#storage = storage;
    this.#finalFit = finalFit;
    // A run finished in another tab becomes registrable here without re-running the cell.
    storage.onChange((tables) => {
      if (tables.has('runs')) void this.refreshRuns();
    });
  }

  /** Runner of the 'registry.versions' cell: the dataset's registry and its registrable runs. */
  async load(dataHash: string): Promise<void> {
    const db = await this.#storage.open();
    const record = dataHash ? await db.registries.get(dataHash) : undefined;
    this.dataHash = dataHash;
    const parsed = record ? parseRegistry(record.registry) : null;
    // The registry first (its reason names the version), then the rest of the row: the weights serving will load.
    const checked = record ? checkRecord('registries', record) : null;
    const damage = parsed && !parsed.ok ? parsed.reason : checked && !checked.ok ? checked.reason : null;
    if (damage !== null) {
      // Left in storage as it is (nothing here writes it while `registry` is null): the user decides what goes.
      this.registry = null;
      throw new Error(registryMessages.damagedRegistry(damage));
    }
    this.registry = parsed?.ok ? parsed.registry : createRegistry(REGISTRY_NAME);
    this.#weights = record ? (record.weights as unknown as Record<string, SerializedWeight[]>) : {};
    this.#created = record?.created ?? '';
    await this.refreshRuns();
  }

  async refreshRuns(): Promise<void> {
    if (!this.dataHash) return;
    const db = await this.#storage.open();
    // Damaged runs are left out (readRecords): the Storage list names them.
    const rows = (await readRecords(db, 'runs', { index: 'dataHash', equals: this.dataHash })).records;
    this.runs = rows
      .filter((r) => r.status === 'done' && r.metrics)
      .sort((a, b) => (a.created < b.created ? 1 : -1))
      .map((r) => {
        const metrics = r.metrics as unknown as RunMetrics;
        return { id: r.id, created: r.created, models: servableModels(metrics), best: bestServable(metrics), pick: metrics.best };
      });
  }

  /**
   * Register `model` of a stored run; the first version becomes champion at once (there is nothing to compare with).
   * A network is first fitted once more on every row up to the end of the data (finalFitOf), which needs the data
   * loaded as the run had it: `dataSettings` is the notebook's mapping and cleaning now.
   */
  async register(options: {
    runId: string;
    model: string;
    frequency: Frequency;
    cost: CostModel | null;
    why: string;
    alias: Alias | null;
    dataSettings: Pick<NotebookConfig, 'mapping' | 'cleaning'>;
    /** The Scope's promotion gates, which a champion must pass (championOnRegister). */
    gates: PromotionGates;
    /** Make it champion through failing gates: `why` is the reason, recorded with the gate results. */
    override?: boolean;
  }): Promise<void> {
    await this.#act(async (registry, now) => {
      const db = await this.#storage.open();
      const run = await readRecord(db, 'runs', options.runId);
      if (!run?.metrics) throw new Error(`Run ${options.runId} is not stored, or has no results.`);
      const stored = { id: run.id, dataHash: run.dataHash, config: run.config, metrics: run.metrics as unknown as RunMetrics };
      let draft = versionDraftFromRun(stored, options.model, { frequency: options.frequency, ...(options.cost ? { cost: options.cost } : {}) });
      // Decided before the final fit, so a refused champion costs no training.
      const decision = championOnRegister({ requested: options.alias, hasChampion: versionByAlias(registry, 'champion') !== null, metrics: draft.metrics, gates: options.gates, override: options.override ?? false });
      let weights = (run.artifacts as unknown as RunArtifacts | null)?.weights.find((w) => w.model === options.model)?.weights;
      const fit = finalFitOf(stored, options.model, weights);
      if (fit) {
        const trainedWith = { mapping: run.config.mapping ?? null, cleaning: run.config.cleaning ?? {} };
        if (diffConfigs(trainedWith, options.dataSettings).length > 0) throw new Error(registryMessages.finalFitOtherData());
        try {
          const fitted = await this.#finalFit(fit, (text) => (this.fitting = text));
          draft = withFinalFit(draft, { ...fitted, epochs: fit.epochs });
          weights = fitted.weights;
        } finally {
          this.fitting = null;
        }
      }
      const { registry: next, version } = registerVersion(registry, draft, { now, why: options.why, actor: 'you' });
      if (weights) this.#weights = { ...this.#weights, [version.id]: weights };
      const alias = decision.alias;
      return alias ? setAlias(next, { alias, versionId: version.id, now, why: options.why, actor: 'you', ...(alias === 'champion' ? { gates: decision.gates } : {}) }) : next;
    });
  }

  setAlias(alias: Alias, versionId: string, why: string): Promise<void> {
    return this.#act(async (registry, now) => setAlias(registry, { alias, versionId, now, why, actor: 'you' }));
  }

  promote(why: string, gates: PromotionGates): Promise<void> {
    return this.#act(async (registry, now) => {
      const challenger = versionByAlias(registry, 'challenger');
      const results = challenger ? evaluateGates(challenger.metrics, gates) : [];
      return promoteChallenger(registry, { now, why, actor: 'you', gates: results });
    });
  }

  rollback(why: string): Promise<void> {
    return this.#act(async (registry, now) => rollbackChampion(registry, { now, why, actor: 'you' }));
  }

  /** Weights of every version, for the ops worker. */
  weights(): Record<string, SerializedWeight[]> {
    return this.#weights;
  }

  /**
   * Run all's step on the Registry: with no champion yet, the best servable model of `runId` is registered as champion
   * through the Scope's gates (a refusal leaves its reason in `error`, and no champion). True when a champion exists.
   */
  async ensureChampion(options: Omit<Parameters<RegistryState['register']>[0], 'model' | 'why' | 'alias' | 'override'>): Promise<boolean> {
    if (this.registry && versionByAlias(this.registry, 'champion')) return true;
    // The run may have been stored a moment ago: read the list afresh rather than race the refresh it triggered.
    await this.refreshRuns();
    const best = this.runs.find((r) => r.id === options.runId)?.best;
    if (!best) {
      this.error = registryMessages.nothingToServe;
      return false;
    }
    await this.register({ ...options, model: best, why: registryMessages.runAllWhy, alias: 'champion' });
    return this.registry !== null && versionByAlias(this.registry, 'champion') !== null;
  }

  async #act(change: (registry: Registry, now: Date) => Promise<Registry>): Promise<void> {
    if (!this.registry) return;
    this.error = null;
    try {
      this.registry = await change(this.registry, new Date());
      await this.#save();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  async #save(): Promise<void> {
    if (!this.registry || !this.dataHash) return;
    const now = new Date().toISOString();
    this.#created ||= now;
    const record: RegistryRecord = {
      dataHash: this.dataHash,
      name: this.registry.name,
      created: this.#created,
      updated: now,
      registry: structuredClone(this.registry) as unknown as JsonObject,
      weights: this.#weights as unknown as JsonObject,
    };
    try {
      await (await this.#storage.open()).registries.put(record);
      await this.#storage.refresh();
    } catch (error) {
      this.error = toStorageError(error).message;
    }
  }
}

/**
 * Fits a network for serving as finalFitOf says (TrainState.finalFit: the data worker's rows, the train worker's fit),
 * reporting progress as text.
 */
export type FinalFitter = (
  fit: FinalFit,
  onProgress: (text: string) => void,
) => Promise<{ weights: SerializedWeight[]; trainEnd: number; trainStart: number | null; rows: number }>;

/** Versions are named `forecaster:v1`, …: one registered model per dataset, so the dataset need not be in the name. */
const REGISTRY_NAME = 'forecaster';
