/**
 * Operations: the loop that ties the last four stages together (issue: Registry, Deploy, Monitor, Retrain).
 *
 *   SimulatedWorld (history + scripted future) ──► each period t:
 *     1. actuals through t − delay arrive
 *     2. the endpoint serves every series' forecast of t+1 … t+H (champion; challenger in shadow or canary)
 *     3. monitoring: drift of inputs, target and predictions against the training reference, data quality,
 *        rolling performance and cost of the served forecasts ──► alerts (with cooldown)
 *     4. the retrain policy may train a challenger; after its shadow period it is compared with the champion on
 *        the newest actuals and promoted through the gates (or archived)
 *   ──► PeriodRecord per period (the timeline), alerts, the registry with its audit trail
 *
 * The models themselves sit behind ModelHost (tfjs in the ops worker; a baseline in Node tests), so this loop stays
 * pure TypeScript. Everything the page sees is plain JSON (SimulationSnapshot).
 */
import type { SalesData } from '../data/types';
import type { Forecast } from '../models/types';
import type { ModelVersion, PromotionGates, Registry, VersionDraft } from '../registry/types';
import type { ScenarioSpec } from '../scenarios/types';
import type { SimulationConfig } from '../serving/simulation-config';
import type { LatencySummary } from '../serving/summarize-latency';
import type { RetrainPolicy } from '../retrain/retrain-policy';
import type { ShiftedSeries } from '../retrain/training-window';
import type { Alert, AlertRules } from '../monitor/alert-rules';
import type { AlertExplanation } from '../monitor/explain-alert';
import type { MonitorReport } from '../monitor/monitor-period';
import type { CostModel } from '../scope/cost-model';

/** The operations part of the notebook's URL state: the same link replays the same story. */
export interface OpsConfig {
  scenario: ScenarioSpec;
  simulation: SimulationConfig;
  policy: RetrainPolicy;
  rules: AlertRules;
}

/** A registered version loaded for serving. */
export interface ServingModel {
  readonly versionId: string;
  /**
   * Fit what serving needs from the whole world (the feature state, from the rows up to the version's trainEnd).
   * Called once after loading, before any forecast: requests may then carry one series' rows only (online mode).
   */
  prepare(data: SalesData): void;
  /** Every series' forecast of the `horizon` periods after `cutoff`, reading sales dated ≤ cutoff only. */
  forecast(data: SalesData, options: { cutoff: number; horizon: number }): Promise<Forecast>;
  /**
   * One-step-ahead predictions of the rows dated from … to (inclusive), each from the actuals before it: the model's
   * answer on the reference data, which prediction drift compares the served forecasts with. NaN for other rows.
   */
  predictRows(data: SalesData, range: { from: number; to: number }): Promise<Float64Array>;
  dispose(): void;
}

export interface RetrainRequest {
  data: SalesData;
  parent: ModelVersion;
  /** Rows dated in (start, end] train the model (start null: all history); the last `validationPeriods` of them validate. */
  start: number | null;
  end: number;
  /** Series that train only on their rows from a level shift on (the adaptive window; absent: none). */
  shifted?: readonly ShiftedSeries[];
  validationPeriods: number;
  horizon: number;
  seed: number;
  cost: CostModel;
}

/** What retraining gives back: the new version's registry entry (without number) and the host's own artifact (weights). */
export interface Retrained {
  draft: VersionDraft;
  artifact: unknown;
}

export interface ModelHost {
  /** Load a version; `artifact` is what `retrain` returned for it (absent: the host already has its weights). */
  load(version: ModelVersion, artifact?: unknown): Promise<ServingModel>;
  retrain(request: RetrainRequest): Promise<Retrained>;
}

/** One simulated period, as the timeline draws it. */
export interface PeriodRecord {
  period: number;
  /** Days since epoch. */
  date: number;
  champion: string;
  challenger: string | null;
  /** WAPE of the served next-period forecasts over the monitoring window (null until actuals arrived). */
  rollingWape: number | null;
  /** WAPE of the served forecasts for the period whose actuals arrived now. */
  periodWape: number | null;
  /** Cost of forecast error of that period (Scope cost model). */
  periodCost: number | null;
  /** Share of monitored input columns that drift. */
  driftShare: number | null;
  /** Request latency percentiles over the last 7 periods (ms), as a serving dashboard draws them. */
  latency: { p50: number | null; p95: number | null; p99: number | null };
  /** Ids of the alerts raised in this period. */
  alerts: string[];
  /** Rolling WAPE of the served forecasts per store (the first key with several values), as the segment test sees it. */
  segments?: { column: string; value: string; wape: number }[];
}

export type OpsEventKind = 'retrain' | 'promote' | 'archive' | 'rollback' | 'onset';

export interface OpsEvent {
  period: number;
  date: number;
  kind: OpsEventKind;
  version: string | null;
  text: string;
}

/** The page's whole view of a simulation: plain JSON, sent after every step. */
export interface SimulationSnapshot {
  period: number;
  total: number;
  /** Dates of the simulated periods (days since epoch). */
  dates: number[];
  onsetDate: number | null;
  scenarioNotes: string[];
  applicable: boolean;
  timeline: PeriodRecord[];
  alerts: Alert[];
  events: OpsEvent[];
  registry: Registry;
  monitor: MonitorReport | null;
  /** Per alert id: the distributions it was raised on, for its explanation chart. */
  explanations: Record<string, AlertExplanation>;
  latency: LatencySummary;
  /** The newest request's forecasts, summed over series, against actuals where they exist. */
  lastForecast: { date: number; forecast: number; actual: number | null }[];
  finished: boolean;
}

export type { PromotionGates };
