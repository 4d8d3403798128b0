import { historyEndBefore, periodGrid, type PeriodGrid } from '../core/period-grid';
import { opsMessages } from '../messages/ops';
import type { Alert } from '../monitor/alert-rules';
import type { MonitorReport } from '../monitor/monitor-period';
import { Monitoring } from '../monitor/monitoring';
import type { PromotionGates, Registry } from '../registry/types';
import type { SimulatedWorld } from '../scenarios/types';
import type { CostModel } from '../scope/cost-model';
import { arrivedThrough } from '../serving/arrived-through';
import { Endpoint } from '../serving/endpoint';
import { ChallengerLifecycle } from './challenger-lifecycle';
import type { ModelHost, OpsConfig, OpsEvent, PeriodRecord, SimulationSnapshot } from './types';

export interface SimulationOptions {
  world: SimulatedWorld;
  /** The registry at the start: its champion serves from period 0. */
  registry: Registry;
  host: ModelHost;
  config: OpsConfig;
  gates: PromotionGates;
  cost: CostModel;
  horizon: number;
  seed: number;
}

/**
 * One simulated deployment (see ./types.ts for the loop): a clock over three owners, the endpoint (models and what
 * they served), monitoring (reports and alerts) and the challenger's lifecycle (retraining, promotion, the registry).
 * Call `step()` once per simulated period; `snapshot()` is what the page draws.
 */
export class Simulation {
  readonly world: SimulatedWorld;
  readonly grid: PeriodGrid;
  period = 0;
  readonly timeline: PeriodRecord[] = [];

  readonly #delay: number;
  readonly #endpoint: Endpoint;
  readonly #monitoring: Monitoring;
  readonly #lifecycle: ChallengerLifecycle;

  constructor(options: SimulationOptions) {
    const { world, config, cost, horizon } = options;
    this.world = world;
    this.#delay = config.simulation.delay;
    this.grid = periodGrid(world.data, { historyEnd: historyEndBefore(world.data.date, world.start), periods: world.periods });
    this.#monitoring = new Monitoring({ world, grid: this.grid, rules: config.rules, cost, horizon });
    this.#endpoint = new Endpoint({ world, grid: this.grid, host: options.host, simulation: config.simulation, horizon, seed: options.seed, monitoringWindow: this.#monitoring.context.window });
    this.#lifecycle = new ChallengerLifecycle({ ...options, endpoint: this.#endpoint, performance: this.#monitoring.context });
    if (world.onsetDate !== null) {
      const onset = this.grid.dates.findIndex((d) => d >= (world.onsetDate as number));
      if (onset >= 0) this.#lifecycle.event(onset, 'onset', null, opsMessages.onset(world.notes));
    }
  }

  get total(): number {
    return this.grid.dates.length;
  }

  get finished(): boolean {
    return this.period >= this.total;
  }

  get registry(): Registry {
    return this.#lifecycle.registry;
  }

  get alerts(): Alert[] {
    return this.#monitoring.alerts;
  }

  get events(): OpsEvent[] {
    return this.#lifecycle.events;
  }

  get monitor(): MonitorReport | null {
    return this.#monitoring.report;
  }

  /** Load the champion (and a challenger already registered); call once before the first step. */
  async start(): Promise<void> {
    await this.#lifecycle.start();
  }

  /** Simulate one period. */
  async step(): Promise<void> {
    if (this.finished) return;
    if (this.#endpoint.champion === null) await this.start();
    const t = this.period;
    const known = arrivedThrough(t, this.#delay);
    // 1. The endpoint serves every series' forecasts from the actuals that arrived.
    await this.#endpoint.serve(t, known);
    // 2. Monitoring reads what was served against the actuals, and raises alerts.
    const { served, referencePredictions } = this.#endpoint;
    const raised = this.#monitoring.observe({ period: t, known, served, champion: this.#lifecycle.champion(), referencePredictions });
    // 3. The timeline records the period as it was served, before any promotion below changes who serves.
    this.timeline.push(this.#record(t, known, raised));
    // 4. A challenger past its shadow period is promoted or archived.
    await this.#lifecycle.judge(t, known);
    // 5. The retrain policy may train a new challenger.
    await this.#lifecycle.maybeRetrain(t, known, this.#monitoring);
    this.period = t + 1;
  }

  /**
   * Ask for a retrain (the 'manual' policy, or any policy on demand): at the next step while the clock runs; once the
   * story has finished, at once, on everything that arrived, so the challenger can still be promoted by hand.
   */
  async requestRetrain(): Promise<void> {
    this.#lifecycle.requestRetrain();
    if (!this.finished) return;
    const t = this.period - 1;
    await this.#lifecycle.maybeRetrain(t, arrivedThrough(t, this.#delay), this.#monitoring);
  }

  /**
   * Promote the challenger by hand, whatever the gates say. Dated at the last simulated period, as a rollback by hand
   * is: the story lists them in the order they happened.
   */
  async promote(why: string): Promise<void> {
    await this.#lifecycle.promote(this.#lastPeriod(), why);
  }

  /** Put the previous champion back. */
  async rollback(why: string): Promise<void> {
    await this.#lifecycle.rollback(this.#lastPeriod(), why);
  }

  snapshot(): SimulationSnapshot {
    return {
      period: this.period,
      total: this.total,
      dates: Array.from(this.grid.dates),
      onsetDate: this.world.onsetDate,
      scenarioNotes: this.world.notes,
      applicable: this.world.applicable,
      timeline: this.timeline.slice(),
      alerts: this.alerts.slice(),
      events: this.events.slice(),
      registry: this.registry,
      monitor: this.monitor,
      explanations: { ...this.#monitoring.explanations },
      latency: this.#endpoint.latency(),
      lastForecast: this.#endpoint.lastForecast,
      finished: this.finished,
    };
  }

  dispose(): void {
    this.#endpoint.dispose();
  }

  #record(t: number, known: number, raised: readonly Alert[]): PeriodRecord {
    const report = this.#monitoring.report;
    return {
      period: t,
      date: this.grid.dates[t] as number,
      champion: this.#endpoint.champion ?? '',
      challenger: this.#endpoint.challenger,
      rollingWape: report?.performance.wape ?? null,
      ...this.#monitoring.periodError(known, this.#endpoint.served),
      driftShare: report ? report.dataset.share : null,
      latency: this.#endpoint.recentLatency(),
      alerts: raised.map((a) => a.id),
      segments: (report?.segments ?? []).map((g) => ({ column: g.column, value: g.value, wape: g.wape })),
    };
  }

  #lastPeriod(): number {
    return Math.max(0, this.period - 1);
  }
}
