/**
 * The Registry stage's data, MLflow-style: a registered model has numbered versions, two aliases point at versions,
 * and every change is written down in an audit trail.
 *
 *   RunRecord (a model on its test window) ──► ModelVersion v1, v2, … ──► aliases champion / challenger
 *     ──► promotion through gates (PromotionGates ──► GateResult[]) ──► championHistory (for rollback) ──► audit
 *
 * Plain, serialisable data: a registry is stored and backed up as JSON. Weights are not here; the storage layer keeps
 * them apart, keyed by the version's id.
 */

export type Alias = 'champion' | 'challenger';
export type Actor = 'you' | 'auto';

export interface VersionMetrics {
  wape: number | null;
  mase: number | null;
  mae: number | null;
  rmse: number | null;
  bias: number | null;
  coverage80: number | null;
  cost: number | null;
  /** Seasonal naive on the same test window. */
  baselineWape: number | null;
  baselineCost: number | null;
  serviceLevel: number | null;
  stockoutUnits: number | null;
  overstockUnits: number | null;
}

export interface ModelVersion {
  /** `${registryName}:v${version}`: deterministic, so a replayed lifecycle gives the same ids. */
  id: string;
  /** 1-based. */
  version: number;
  /** ISO 8601 timestamp. */
  created: string;
  source: 'train' | 'retrain';
  /** The stored training run it came from (null for a retrain inside the simulation). */
  runId: string | null;
  /** 'ridge' | 'mlp' | 'cnn' | a baseline's name. */
  model: string;
  /** The ModelSpec (plain JSON); null for a baseline. */
  spec: unknown | null;
  /** The FeatureSpec (plain JSON). */
  featureSpec: unknown;
  dataHash: string;
  seed: number;
  backend: string | null;
  /** Last date (days since epoch) the model trained on, and the training window's first (null: all history). */
  trainEnd: number;
  trainStart: number | null;
  metrics: VersionMetrics;
  /** Free text shown on the model card. */
  description: string;
  /** The version a retrain started from. */
  parent: string | null;
}

/** What the caller knows of a new version; the registry gives it its number, id and time (registerVersion). */
export type VersionDraft = Omit<ModelVersion, 'id' | 'version' | 'created'>;

export interface AuditEntry {
  /** ISO 8601 timestamp. */
  when: string;
  action: 'register' | 'set-alias' | 'promote' | 'rollback' | 'archive';
  /** The id of the version acted on. */
  version: string;
  /** The alias set (set-alias, promote, rollback: 'champion'), or the one the version lost (archive). */
  alias?: Alias;
  /** The version the alias pointed at before (null: none). */
  previous?: string | null;
  why: string;
  actor: Actor;
  /** The gate results a promotion was decided on. */
  gates?: GateResult[];
}

export interface Registry {
  name: string;
  versions: ModelVersion[];
  aliases: Partial<Record<Alias, string>>;
  audit: AuditEntry[];
  /** Former champions in order (the newest last): a rollback goes back to the last one. */
  championHistory: string[];
}

export interface PromotionGates {
  /** Highest test WAPE a version may have. */
  maxWape: number | null;
  /** Fraction, e.g. 0.1 = 10 % lower WAPE than seasonal naive on the same test window. */
  minImprovementOverBaseline: number | null;
  /** Highest cost of forecast error on the test window. */
  maxCost: number | null;
  /** The challenger must beat the champion on the newest actuals by this fraction. */
  minImprovementOverChampion: number | null;
}

export interface GateResult {
  gate: keyof PromotionGates;
  label: string;
  /** What was measured (a WAPE, a cost, an improvement fraction); null when it could not be. */
  value: number | null;
  threshold: number;
  pass: boolean;
  message: string;
}

/** Who did it and why: every action that changes a registry takes these. */
export interface ActionOptions {
  now: Date;
  why: string;
  /** Default 'you'. */
  actor?: Actor;
}
