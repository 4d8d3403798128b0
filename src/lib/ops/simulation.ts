import type { SalesData } from '../data/types';
import { dayToIso } from '../core/days';
import { advancePeriods } from '../core/periods';
import { opsMessages } from '../messages/ops';
import type { Forecast } from '../models/types';
import type { Registry, PromotionGates, ModelVersion } from '../registry/types';
import { registerVersion } from '../registry/register-version';
import { setAlias } from '../registry/set-alias';
import { promoteChallenger } from '../registry/promote-challenger';
import { rollbackChampion } from '../registry/rollback-champion';
import { versionByAlias } from '../registry/version-by-alias';
import { evaluateGates } from '../registry/evaluate-gates';
import { gatesPass } from '../registry/gates-pass';
import { archiveVersion } from '../registry/archive-version';
import type { SimulatedWorld } from '../scenarios/types';
import { arrivedThrough } from '../serving/arrived-through';
import { routeSeries } from '../serving/route-series';
import { summarizeLatency } from '../serving/summarize-latency';
import { raiseAlerts } from '../monitor/alert-raise';
import type { Alert } from '../monitor/alert-rules';
import { shouldRetrain } from '../retrain/should-retrain';
import { SHIFTED_ROW_WEIGHT, trainingWindow } from '../retrain/training-window';
import { retrainMessages } from '../messages/retrain';
import { PERIODS_PER_YEAR, type CostModel } from '../scope/cost-model';
import { gridDate, historyEndBefore, periodGrid, type PeriodGrid } from './period-grid';
import { explainAlert } from './explain-alert';
import { detectLevelShifts, type LevelShift } from './level-shifts';
import { servedSummary, totalActuals, writeStep } from './served-totals';
import { monitorPeriod, type MonitorContext } from './monitor-period';
import { windowPerformance } from './window-performance';
import { monitoringWindow } from './monitoring-window';
import { mergeForecasts, seriesViews } from './series-views';
import type { AlertExplanation, ModelHost, MonitorReport, OpsConfig, OpsEvent, PeriodRecord, ServingModel, SimulationSnapshot } from './types';

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
 * One simulated deployment (see ./types.ts for the loop). Call `step()` once per simulated period; `snapshot()` is
 * what the page draws. The served forecasts are kept per target period, one value per series, for the version that
 * served it and for the challenger beside it (shadow or canary), which is all monitoring and the challenger's
 * comparison need.
 */
export class Simulation {
  readonly world: SimulatedWorld;
  readonly grid: PeriodGrid;
  readonly #host: ModelHost;
  readonly #config: OpsConfig;
  readonly #gates: PromotionGates;
  readonly #cost: CostModel;
  readonly #horizon: number;
  readonly #seed: number;
  readonly #context: MonitorContext;

  registry: Registry;
  period = 0;
  readonly timeline: PeriodRecord[] = [];
  alerts: Alert[] = [];
  readonly events: OpsEvent[] = [];
  monitor: MonitorReport | null = null;

  #champion: ServingModel | null = null;
  #challenger: ServingModel | null = null;
  /** Period the current challenger started forecasting (its shadow period runs from there). */
  #challengerSince = -1;
  #lastRetrain = -Infinity;
  #manualRetrain = false;
  /** Stores whose sales level shifted, as monitoring saw them: what the adaptive training window holds to their new level. */
  #shifts: LevelShift[] = [];
  /** Per target period × series: the served next-period forecast, who served it (0 champion, 1 challenger), the challenger's. */
  readonly #served: Float64Array;
  readonly #servedBy: Uint8Array;
  readonly #challengerForecast: Float64Array;
  readonly #championForecast: Float64Array;
  readonly #latencies: number[] = [];
  /** Latency samples of the last few periods, for the rolling percentiles of the timeline. */
  readonly #recent: number[][] = [];
  readonly #explanations: Record<string, AlertExplanation> = {};
  #elapsedMs = 0;
  #requests = 0;
  #errors = 0;
  #lastForecast: SimulationSnapshot['lastForecast'] = [];
  /** One-series views of the world, for online requests (built on the first). */
  #views: { series: number; view: SalesData }[] | null = null;
  /** The champion's one-step-ahead predictions on the last year of history: prediction drift's reference. */
  #referencePredictions: Float64Array = new Float64Array(0);
  /** Total actual sales per simulated date (what the forecast chart compares with, once arrived). */
  readonly #totals: Map<number, number>;

  constructor(options: SimulationOptions) {
    this.world = options.world;
    this.#host = options.host;
    this.#config = options.config;
    this.#gates = options.gates;
    this.#cost = options.cost;
    this.#horizon = options.horizon;
    this.#seed = options.seed;
    this.registry = options.registry;
    this.grid = periodGrid(options.world.data, { historyEnd: historyEndBefore(options.world.data.date, options.world.start), periods: options.world.periods });
    const cells = this.grid.dates.length * this.grid.series;
    this.#served = new Float64Array(cells).fill(NaN);
    this.#servedBy = new Uint8Array(cells);
    this.#challengerForecast = new Float64Array(cells).fill(NaN);
    this.#championForecast = new Float64Array(cells).fill(NaN);
    this.#totals = totalActuals(options.world.data, this.grid);
    this.#context = { world: options.world, grid: this.grid, rules: options.config.rules, cost: options.cost, window: monitoringWindow(options.horizon, options.world.data.frequency), horizon: options.horizon };
    if (options.world.onsetDate !== null) {
      const onset = this.grid.dates.findIndex((d) => d >= (options.world.onsetDate as number));
      if (onset >= 0) this.events.push({ period: onset, date: this.grid.dates[onset] as number, kind: 'onset', version: null, text: opsMessages.onset(options.world.notes) });
    }
  }

  get total(): number {
    return this.grid.dates.length;
  }

  get finished(): boolean {
    return this.period >= this.total;
  }

  /** Load the champion (and a challenger already registered); call once before the first step. */
  async start(): Promise<void> {
    const champion = versionByAlias(this.registry, 'champion');
    if (!champion) throw new Error(opsMessages.noChampion);
    this.#champion = await this.#load(champion);
    await this.#predictReference();
    const challenger = versionByAlias(this.registry, 'challenger');
    if (challenger) {
      this.#challenger = await this.#load(challenger);
      this.#challengerSince = 0;
    }
  }

  /** Simulate one period. */
  async step(): Promise<void> {
    if (this.finished) return;
    if (!this.#champion) await this.start();
    const t = this.period;
    const date = this.grid.dates[t] as number;
    const known = arrivedThrough(t, this.#config.simulation.delay);
    const before = this.#latencies.length;
    await this.#serve(t, known);
    this.#recent.push(this.#latencies.slice(before));
    if (this.#recent.length > LATENCY_PERIODS) this.#recent.shift();
    const report = monitorPeriod(this.#context, {
      period: t,
      known,
      served: this.#served,
      champion: this.#championVersion(),
      referencePredictions: this.#referencePredictions,
    });
    this.monitor = report;
    const raised = report
      ? raiseAlerts({
          period: t,
          date,
          drift: report.columns,
          datasetDrift: report.dataset,
          predictionDrift: report.prediction,
          targetDrift: report.target,
          performance: report.performance.decay,
          // Cost is charted, not alerted on: money per row follows the season and the sales level, so against one
          // test window it "decays" every spring; WAPE, scaled by the sales, carries the same signal without that.
          cost: null,
          quality: report.quality,
          segments: report.segments,
          rules: this.#config.rules,
          previous: this.alerts,
        })
      : [];
    this.alerts = [...this.alerts, ...raised];
    if (report) for (const alert of raised) {
      const drift = explainAlert(report, alert);
      if (drift) this.#explanations[alert.id] = drift;
    }
    const record: PeriodRecord = {
      period: t,
      date,
      champion: this.#champion?.versionId ?? '',
      challenger: this.#challenger?.versionId ?? null,
      rollingWape: report?.performance.wape ?? null,
      ...this.#periodError(known),
      driftShare: report ? report.dataset.share : null,
      latency: this.#rollingLatency(),
      alerts: raised.map((a) => a.id),
      segments: (report?.segments ?? []).map((g) => ({ column: g.column, value: g.value, wape: g.wape })),
    };
    this.timeline.push(record);
    await this.#judgeChallenger(t, known);
    await this.#maybeRetrain(t, known);
    this.period = t + 1;
  }

  /**
   * Ask for a retrain (the 'manual' policy, or any policy on demand): at the next step while the clock runs; once the
   * story has finished, at once, on everything that arrived, so the challenger can still be promoted by hand.
   */
  async requestRetrain(): Promise<void> {
    this.#manualRetrain = true;
    if (!this.finished) return;
    const t = this.period - 1;
    await this.#maybeRetrain(t, arrivedThrough(t, this.#config.simulation.delay));
  }

  /** Promote the challenger by hand, whatever the gates say (the audit keeps the gate results). */
  async promote(why: string): Promise<void> {
    const challenger = versionByAlias(this.registry, 'challenger');
    if (!challenger || !this.#challenger) throw new Error(opsMessages.noChallenger);
    // Dated at the last simulated period, as a rollback by hand is: the story lists them in the order they happened.
    const t = Math.max(0, this.period - 1);
    const gates = this.#gateResults(challenger, t);
    await this.#promote(t, { why, actor: 'you', gates });
  }

  /** Put the previous champion back. */
  async rollback(why: string): Promise<void> {
    const now = this.#now(Math.max(0, this.period - 1));
    const next = rollbackChampion(this.registry, { now, why, actor: 'you' });
    const restored = versionByAlias(next, 'champion');
    if (!restored) throw new Error(opsMessages.noChampion);
    this.#champion?.dispose();
    this.#champion = await this.#load(restored);
    this.registry = next;
    await this.#predictReference();
    this.#event(Math.max(0, this.period - 1), 'rollback', restored.id, opsMessages.rolledBack(restored.id));
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
      explanations: { ...this.#explanations },
      latency: summarizeLatency(this.#latencies, { elapsedMs: this.#elapsedMs, requests: this.#requests, errors: this.#errors }),
      lastForecast: this.#lastForecast,
      finished: this.finished,
    };
  }

  dispose(): void {
    this.#champion?.dispose();
    this.#challenger?.dispose();
    this.#champion = null;
    this.#challenger = null;
  }

  async #load(version: ModelVersion, artifact?: unknown): Promise<ServingModel> {
    const model = await this.#host.load(version, artifact);
    model.prepare(this.world.data);
    return model;
  }

  // ── serving ────────────────────────────────────────────────────────────────────────────────────────────────

  /** Forecast t+1 … t+H from actuals through `known`, for every series, and log the next-period forecast. */
  async #serve(t: number, known: number): Promise<void> {
    const { data } = this.world;
    const cutoff = gridDate(this.grid, known);
    const lead = t - known; // periods between the last actual and now
    const horizon = lead + this.#horizon;
    const champion = this.#champion as ServingModel;
    const championForecast =
      this.#config.simulation.mode === 'online'
        ? await this.#serveOnline(champion, { cutoff, horizon })
        : await this.#timed(() => champion.forecast(data, { cutoff, horizon }));
    const routing = this.#config.simulation.routing;
    let challengerForecast: Forecast | null = null;
    if (this.#challenger && routing.kind !== 'champion-only') {
      const challenger = this.#challenger;
      challengerForecast = await this.#timed(() => challenger.forecast(data, { cutoff, horizon }), routing.kind === 'shadow');
    }
    const next = t + 1;
    if (next >= this.total) {
      this.#lastForecast = servedSummary({ forecast: championForecast, lead, knownDate: cutoff, served: this.#served, grid: this.grid, totals: this.#totals, period: this.period, horizon: this.#horizon });
      return;
    }
    const S = this.grid.series;
    const canary = routing.kind === 'canary' && challengerForecast
      ? routeSeries({ seriesLabels: data.seriesLabels, canaryPercent: routing.canaryPercent, seed: this.#seed })
      : null;
    const step = lead + 1;
    writeStep(championForecast, step, (s, value) => {
      this.#championForecast[next * S + s] = value;
      this.#served[next * S + s] = value;
    });
    if (challengerForecast) {
      writeStep(challengerForecast, step, (s, value) => {
        this.#challengerForecast[next * S + s] = value;
        if (canary && canary[s] === 1) {
          this.#served[next * S + s] = value;
          this.#servedBy[next * S + s] = 1;
        }
      });
    }
    this.#lastForecast = servedSummary({ forecast: championForecast, lead, knownDate: cutoff, served: this.#served, grid: this.grid, totals: this.#totals, period: this.period, horizon: this.#horizon });
  }

  /**
   * 'online' mode: one request per series, each a forecast of that series' rows alone, timed one by one (slower per
   * prediction than a batch, as an online endpoint is); the answers are put back together as one forecast.
   */
  async #serveOnline(model: ServingModel, options: { cutoff: number; horizon: number }): Promise<Forecast> {
    this.#views ??= seriesViews(this.world.data);
    const parts: { series: number; forecast: Forecast }[] = [];
    for (const { series, view } of this.#views) {
      parts.push({ series, forecast: await this.#timed(() => model.forecast(view, options)) });
    }
    return mergeForecasts(parts);
  }

  /** Time a request; a shadow request is timed but not counted as served traffic. */
  async #timed<T>(request: () => Promise<T>, shadow = false): Promise<T> {
    const started = now();
    try {
      const result = await request();
      const ms = now() - started;
      if (!shadow) {
        this.#latencies.push(ms);
        this.#requests += 1;
        this.#elapsedMs += ms;
      }
      return result;
    } catch (error) {
      if (!shadow) {
        this.#errors++;
        this.#requests++;
      }
      throw error;
    }
  }

  #rollingLatency(): PeriodRecord['latency'] {
    const { p50, p95, p99 } = summarizeLatency(this.#recent.flat(), { elapsedMs: 0, requests: 0, errors: 0 });
    return { p50, p95, p99 };
  }

  /** Error of the served forecasts for the period whose actuals arrived now. */
  #periodError(known: number): Pick<PeriodRecord, 'periodWape' | 'periodCost'> {
    if (known < 0) return { periodWape: null, periodCost: null };
    const figures = windowPerformance(this.#context, { from: known, to: known, forecast: this.#served });
    return { periodWape: figures.wape, periodCost: figures.cost };
  }

  // ── retraining and promotion ─────────────────────────────────────────────────────────────────────────────────

  async #maybeRetrain(t: number, known: number): Promise<void> {
    const policy = this.#config.policy;
    const decision = shouldRetrain({
      policy,
      period: t,
      lastRetrainPeriod: Number.isFinite(this.#lastRetrain) ? this.#lastRetrain : null,
      alerts: this.alerts,
      manualRequest: this.#manualRetrain,
      challengerActive: this.#challenger !== null,
    });
    this.#manualRetrain = false;
    // Looked for every period, not only when retraining: the first period a store is off is where its shift is dated best.
    const { data } = this.world;
    if (policy.window === 'adaptive' && this.monitor) {
      this.#shifts = detectLevelShifts({ data, grid: this.grid, served: this.#served, known, segments: this.monitor.segments, threshold: this.#config.rules.segmentBias, alerts: this.alerts, previous: this.#shifts });
    }
    if (!decision.retrain || known < 0) return;
    const parent = this.#championVersion();
    const end = gridDate(this.grid, known);
    const validationPeriods = retrainValidation(this.#horizon);
    const window = trainingWindow({ policy, end, historyStart: data.date.reduce((m, d) => Math.min(m, d), Infinity), frequency: data.frequency, shifts: this.#shifts, validationPeriods });
    const why = [decision.reason, ...window.shifted.map((shift) => retrainMessages.afterShift(shift.column, shift.value, dayToIso(shift.from), SHIFTED_ROW_WEIGHT))].join(' ');
    this.#lastRetrain = t;
    const { draft, artifact } = await this.#host.retrain({
      data,
      parent,
      start: window.start,
      end,
      shifted: window.shifted,
      validationPeriods,
      horizon: this.#horizon,
      seed: this.#seed,
      cost: this.#cost,
    });
    const now = this.#now(t);
    const registered = registerVersion(this.registry, { ...draft, parent: parent.id, source: 'retrain' }, { now, why, actor: 'auto' });
    this.registry = setAlias(registered.registry, { alias: 'challenger', versionId: registered.version.id, now, why, actor: 'auto' });
    this.#challenger?.dispose();
    this.#challenger = await this.#load(registered.version, artifact);
    this.#challengerSince = t + 1;
    this.#event(t, 'retrain', registered.version.id, opsMessages.retrained(registered.version.id, why, dayToIso(window.start), dayToIso(end)));
  }

  /** After its shadow period, compare the challenger with the champion on the newest actuals and decide. */
  async #judgeChallenger(t: number, known: number): Promise<void> {
    const challenger = versionByAlias(this.registry, 'challenger');
    if (!challenger || !this.#challenger || this.#challengerSince < 0) return;
    const policy = this.#config.policy;
    const judgedFrom = this.#challengerSince + 1;
    if (known - judgedFrom + 1 < policy.shadowPeriods) return;
    const gates = this.#gateResults(challenger, known);
    if (!policy.autoPromote) return;
    if (gatesPass(gates)) {
      await this.#promote(t, { why: opsMessages.autoPromoted, actor: 'auto', gates });
    } else {
      this.registry = archiveVersion(this.registry, { versionId: challenger.id, gates, now: this.#now(t), why: opsMessages.archived, actor: 'auto' });
      this.#challenger.dispose();
      this.#challenger = null;
      this.#challengerSince = -1;
      this.#event(t, 'archive', challenger.id, opsMessages.archivedEvent(challenger.id));
    }
  }

  #gateResults(challenger: ModelVersion, known: number) {
    const from = Math.max(this.#challengerSince + 1, 0);
    const champion = windowPerformance(this.#context, { from, to: known, forecast: this.#championForecast });
    const rival = windowPerformance(this.#context, { from, to: known, forecast: this.#challengerForecast });
    return evaluateGates(challenger.metrics, this.#gates, { championRecentWape: champion.wape, challengerRecentWape: rival.wape });
  }

  async #promote(t: number, options: { why: string; actor: 'you' | 'auto'; gates: ReturnType<typeof evaluateGates> }): Promise<void> {
    this.registry = promoteChallenger(this.registry, { now: this.#now(t), why: options.why, actor: options.actor, gates: options.gates });
    this.#champion?.dispose();
    this.#champion = this.#challenger;
    this.#challenger = null;
    this.#challengerSince = -1;
    this.#event(t, 'promote', this.#champion?.versionId ?? null, opsMessages.promoted(this.#champion?.versionId ?? ''));
    await this.#predictReference();
  }

  /** The new champion answers the reference rows (the window a year back that monitoring compares with). */
  async #predictReference(): Promise<void> {
    if (!this.#champion) return;
    const { data } = this.world;
    const back = PERIODS_PER_YEAR[data.frequency] + 2 * this.#context.window + 7;
    this.#referencePredictions = await this.#champion.predictRows(data, { from: advancePeriods(this.grid.historyEnd, -back, data.frequency), to: this.grid.historyEnd });
  }

  #championVersion(): ModelVersion {
    const version = versionByAlias(this.registry, 'champion');
    if (!version) throw new Error(opsMessages.noChampion);
    return version;
  }

  /** Registry times are simulated dates (noon UTC), so a replay writes the same audit trail. */
  #now(t: number): Date {
    return new Date(gridDate(this.grid, Math.min(t, this.total - 1)) * 86_400_000 + 43_200_000);
  }

  #event(period: number, kind: OpsEvent['kind'], version: string | null, text: string): void {
    this.events.push({ period, date: gridDate(this.grid, Math.min(period, this.total - 1)), kind, version, text });
  }
}

const LATENCY_PERIODS = 7;

/** Periods a retrain holds out for early stopping and its version's metrics: a quarter horizon, at least one. */
export function retrainValidation(horizon: number): number {
  return Math.max(1, Math.round(horizon / 4));
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
