import { dayToIso } from '../core/days';
import { gridDate } from '../core/period-grid';
import { opsMessages } from '../messages/ops';
import type { Alert } from '../monitor/alert-rules';
import type { MonitorReport } from '../monitor/monitor-period';
import { windowPerformance, type PerformanceContext } from '../monitor/performance-figures';
import { evaluateGates } from '../registry/gates';
import { versionByAlias } from '../registry/registry';
import { archiveVersion, promoteChallenger, registerVersion, rollbackChampion, setAlias } from '../registry/registry-actions';
import type { GateResult, ModelVersion, PromotionGates, Registry } from '../registry/types';
import { judgeChallenger, judgedFrom } from '../retrain/judge-challenger';
import { planRetrain } from '../retrain/plan-retrain';
import { shouldRetrain } from '../retrain/should-retrain';
import type { Endpoint } from '../serving/endpoint';
import { detectLevelShifts, type LevelShift } from './level-shifts';
import type { ModelHost, OpsConfig, OpsEvent } from './types';

export interface ChallengerLifecycleOptions {
  /** The registry at the start: its champion serves from period 0 (and a registered challenger beside it). */
  registry: Registry;
  endpoint: Endpoint;
  host: ModelHost;
  /** The world, grid and cost model the champion and the challenger are compared on (and retraining reads). */
  performance: PerformanceContext;
  config: Pick<OpsConfig, 'policy' | 'rules'>;
  gates: PromotionGates;
  horizon: number;
  seed: number;
}

/** What retraining reads of monitoring: the alerts so far and the newest report's per-store bias. */
export interface MonitoringView {
  alerts: readonly Alert[];
  report: MonitorReport | null;
}

/**
 * A challenger's life, and every registry change with it: the retrain policy trains one, it forecasts beside the
 * champion for its shadow period, the gates promote or archive it; a person may retrain, promote or roll back at any
 * time. Each change is written to the registry's audit trail, dated at its simulated period, and told as an event.
 */
export class ChallengerLifecycle {
  registry: Registry;
  /** The story's events, oldest first. */
  readonly events: OpsEvent[] = [];

  readonly #options: ChallengerLifecycleOptions;
  readonly #endpoint: Endpoint;
  /** Period the current challenger started forecasting (its shadow period runs from there); -1: none. */
  #since = -1;
  #lastRetrain = -Infinity;
  #manualRequest = false;
  /** Stores whose sales level shifted, as monitoring saw them: what the adaptive training window holds to their new level. */
  #shifts: LevelShift[] = [];

  constructor(options: ChallengerLifecycleOptions) {
    this.#options = options;
    this.#endpoint = options.endpoint;
    this.registry = options.registry;
  }

  /** Load the registry's champion (and challenger) into the endpoint. */
  async start(): Promise<void> {
    await this.#endpoint.serveChampion(this.champion());
    const challenger = versionByAlias(this.registry, 'challenger');
    if (challenger) {
      await this.#endpoint.serveChallenger(challenger);
      this.#since = 0;
    }
  }

  champion(): ModelVersion {
    const version = versionByAlias(this.registry, 'champion');
    if (!version) throw new Error(opsMessages.noChampion);
    return version;
  }

  /** A person asked for a retrain: the next `maybeRetrain` trains whatever the policy says. */
  requestRetrain(): void {
    this.#manualRequest = true;
  }

  /** After its shadow period, compare the challenger with the champion on the newest actuals and decide. */
  async judge(t: number, known: number): Promise<void> {
    const challenger = versionByAlias(this.registry, 'challenger');
    if (!challenger || this.#endpoint.challenger === null || this.#since < 0) return;
    const judged = judgeChallenger({ policy: this.#options.config.policy, since: this.#since, known, gates: (from) => this.#gateResults(challenger, from, known) });
    if (judged.verdict === 'promote') await this.#promote(t, { why: opsMessages.autoPromoted, actor: 'auto', gates: judged.gates });
    if (judged.verdict === 'archive') {
      this.registry = archiveVersion(this.registry, { versionId: challenger.id, gates: judged.gates, now: this.#now(t), why: opsMessages.archived, actor: 'auto' });
      this.#endpoint.dropChallenger();
      this.#since = -1;
      this.event(t, 'archive', challenger.id, opsMessages.archivedEvent(challenger.id));
    }
  }

  /** At the end of period t: follow the stores' level shifts, and train a challenger if the policy (or a person) says so. */
  async maybeRetrain(t: number, known: number, monitoring: MonitoringView): Promise<void> {
    const { config: { policy, rules }, performance: { world: { data }, grid, cost }, host, horizon, seed } = this.#options;
    const decision = shouldRetrain({
      policy,
      period: t,
      lastRetrainPeriod: Number.isFinite(this.#lastRetrain) ? this.#lastRetrain : null,
      alerts: monitoring.alerts,
      manualRequest: this.#manualRequest,
      challengerActive: this.#endpoint.challenger !== null,
    });
    this.#manualRequest = false;
    // Looked for every period, not only when retraining: the first period a store is off is where its shift is dated best.
    if (policy.window === 'adaptive' && monitoring.report) {
      this.#shifts = detectLevelShifts({ data, grid, served: this.#endpoint.served, known, segments: monitoring.report.segments, threshold: rules.segmentBias, alerts: monitoring.alerts, previous: this.#shifts });
    }
    if (!decision.retrain || known < 0) return;
    const parent = this.champion();
    const end = gridDate(grid, known);
    const historyStart = data.date.reduce((m, d) => Math.min(m, d), Infinity);
    const { window, validationPeriods, why } = planRetrain({ policy, reason: decision.reason, end, historyStart, frequency: data.frequency, shifts: this.#shifts, horizon });
    this.#lastRetrain = t;
    const { draft, artifact } = await host.retrain({ data, parent, start: window.start, end, shifted: window.shifted, validationPeriods, horizon, seed, cost });
    const now = this.#now(t);
    const registered = registerVersion(this.registry, { ...draft, parent: parent.id, source: 'retrain' }, { now, why, actor: 'auto' });
    this.registry = setAlias(registered.registry, { alias: 'challenger', versionId: registered.version.id, now, why, actor: 'auto' });
    await this.#endpoint.serveChallenger(registered.version, artifact);
    this.#since = t + 1;
    this.event(t, 'retrain', registered.version.id, opsMessages.retrained(registered.version.id, why, dayToIso(window.start), dayToIso(end)));
  }

  /** Promote the challenger by hand at period t, whatever the gates say (the audit keeps the gate results). */
  async promote(t: number, why: string): Promise<void> {
    const challenger = versionByAlias(this.registry, 'challenger');
    if (!challenger || this.#endpoint.challenger === null) throw new Error(opsMessages.noChallenger);
    const gates = this.#gateResults(challenger, judgedFrom(this.#since), t);
    await this.#promote(t, { why, actor: 'you', gates });
  }

  /** Put the previous champion back, at period t. */
  async rollback(t: number, why: string): Promise<void> {
    const next = rollbackChampion(this.registry, { now: this.#now(t), why, actor: 'you' });
    const restored = versionByAlias(next, 'champion');
    if (!restored) throw new Error(opsMessages.noChampion);
    await this.#endpoint.serveChampion(restored);
    this.registry = next;
    this.event(t, 'rollback', restored.id, opsMessages.rolledBack(restored.id));
  }

  event(period: number, kind: OpsEvent['kind'], version: string | null, text: string): void {
    const { grid } = this.#options.performance;
    this.events.push({ period, date: gridDate(grid, Math.min(period, grid.dates.length - 1)), kind, version, text });
  }

  #gateResults(challenger: ModelVersion, from: number, to: number): GateResult[] {
    const { performance } = this.#options;
    const champion = windowPerformance(performance, { from, to, forecast: this.#endpoint.championForecast });
    const rival = windowPerformance(performance, { from, to, forecast: this.#endpoint.challengerForecast });
    return evaluateGates(challenger.metrics, this.#options.gates, { championRecentWape: champion.wape, challengerRecentWape: rival.wape });
  }

  async #promote(t: number, options: { why: string; actor: 'you' | 'auto'; gates: GateResult[] }): Promise<void> {
    this.registry = promoteChallenger(this.registry, { now: this.#now(t), ...options });
    const promoted = this.#endpoint.challenger;
    this.#since = -1;
    this.event(t, 'promote', promoted, opsMessages.promoted(promoted ?? ''));
    await this.#endpoint.promoteChallenger();
  }

  /** Registry times are simulated dates (noon UTC), so a replay writes the same audit trail. */
  #now(t: number): Date {
    const { grid } = this.#options.performance;
    return new Date(gridDate(grid, Math.min(t, grid.dates.length - 1)) * 86_400_000 + 43_200_000);
  }
}
