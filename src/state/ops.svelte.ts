/**
 * The Deploy, Monitor and Retrain stages share one simulation, run by the ops worker:
 *
 *   start(config) ── runner of 'deploy.simulate' ──► registry + weights ──► worker: cleaned table (asked of the data
 *                    worker directly) + world + champion
 *   play() ──► step(1) every 1/speed s until paused or finished ──► snapshot (timeline, alerts, the simulation's registry)
 *
 * The page keeps only the snapshot (plain JSON); the table, the world, the models and the served log stay in the
 * workers. The simulation works on a copy of the stored registry: versions it retrains on simulated data and the
 * promotions it makes belong to that story and are shown with it, never written over the registry you built, so
 * starting again from the same link replays the same story from the same champion.
 */
import type { NotebookConfig } from '../lib/notebook/config';
import type { Frequency } from '../lib/data/types';
import { defaultCostModel } from '../lib/scope/cost-model';
import { resolveHorizon } from '../lib/scope/default-horizon';
import { opsMessages } from '../lib/messages/ops';
import type { SimulationSnapshot } from '../lib/ops/types';
import type { OpsClient } from '../workers/ops-client';
import type { OpsStepResult } from '../workers/ops-protocol';
import type { RegistryState } from './registry.svelte';

const MAX_TICKS_PER_SECOND = 8;

export class OpsState {
  snapshot = $state.raw<SimulationSnapshot | null>(null);
  playing = $state(false);
  busy = $state(false);
  backend = $state<string | null>(null);
  error = $state<string | null>(null);

  readonly #registry: RegistryState;
  readonly #client: () => OpsClient;
  #speed = 8;
  #generation = 0;

  constructor(options: { registry: RegistryState; client: () => OpsClient }) {
    this.#registry = options.registry;
    this.#client = options.client;
  }

  /**
   * Runner of the 'deploy.simulate' cell: a fresh world and the champion loaded, clock at period 0 — or, in a lesson
   * that says so, at `pausedAt` (the story so far simulated, the clock waiting for Play).
   */
  async start(config: NotebookConfig, frequency: Frequency | null, options: { pausedAt?: number | null } = {}): Promise<void> {
    this.pause();
    const generation = ++this.#generation;
    this.error = null;
    const registry = this.#registry.registry;
    if (!registry?.aliases.champion) throw new Error(opsMessages.noChampion);
    if (!frequency) throw new Error(opsMessages.needsTraining);
    this.busy = true;
    try {
      const request = {
        registry: $state.snapshot(registry),
        weights: this.#registry.weights(),
        config: config.ops,
        gates: config.scope.gates,
        cost: config.scope.cost ?? defaultCostModel(frequency),
        horizon: resolveHorizon(config.horizon, frequency),
        seed: config.seed,
        backend: config.models.backend,
      };
      const result = await this.#client().api.start(request);
      if (generation !== this.#generation) return;
      this.#speed = config.ops.simulation.speed;
      await this.#apply(result);
      const pausedAt = Math.min(options.pausedAt ?? 0, result.snapshot.total);
      if (pausedAt > 0) await this.step(pausedAt);
    } finally {
      this.busy = false;
    }
  }

  /** Run the clock until the end or a pause. */
  async play(): Promise<void> {
    if (this.playing || !this.snapshot || this.snapshot.finished) return;
    this.playing = true;
    const generation = this.#generation;
    // The clock ticks at most MAX_TICKS_PER_SECOND times a second and moves as many periods per tick as the speed
    // asks for: every tick redraws the Deploy, Monitor and Retrain charts, which costs more than simulating a period,
    // so at 60 periods a second one period per tick fell to ~8 a second and kept the page's thread busy.
    while (this.playing && generation === this.#generation && this.snapshot && !this.snapshot.finished) {
      const periods = Math.max(1, Math.round(this.#speed / MAX_TICKS_PER_SECOND));
      const started = performance.now();
      await this.step(periods);
      const wait = (1000 * periods) / this.#speed - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    this.playing = false;
  }

  pause(): void {
    this.playing = false;
  }

  /** Playback speed in periods per second, from the next tick on: the story itself does not change (nor go stale). */
  setSpeed(speed: number): void {
    this.#speed = speed;
  }

  async step(periods = 1): Promise<void> {
    if (!this.snapshot) return;
    await this.#run(() => this.#client().api.step(periods));
  }

  async retrainNow(): Promise<void> {
    if (this.snapshot?.finished) return this.#run(() => this.#client().api.requestRetrain());
    await this.#client().api.requestRetrain();
    if (!this.playing) await this.step(1);
  }

  promote(why: string): Promise<void> {
    return this.#run(() => this.#client().api.promote(why));
  }

  rollback(why: string): Promise<void> {
    return this.#run(() => this.#client().api.rollback(why));
  }

  async #run(call: () => Promise<OpsStepResult>): Promise<void> {
    const generation = this.#generation;
    try {
      const result = await call();
      if (generation === this.#generation) await this.#apply(result);
    } catch (error) {
      this.playing = false;
      this.error = opsMessages.simulationFailed(error instanceof Error ? error.message : String(error));
    }
  }

  async #apply(result: OpsStepResult): Promise<void> {
    this.snapshot = result.snapshot;
    this.backend = result.backend;
  }
}
