import * as v from 'valibot';
import type { CostModel } from '../scope/cost-model';
import type { FeatureSpec } from '../features/types';
import type { ClassicalKind, ModelSpec } from '../models/types';
import { FeatureSpecSchema } from '../features/parse-feature-spec';
import { ModelSpecSchema } from '../models/default-model-specs';
import { DEFAULT_GATES, PromotionGatesSchema } from '../registry/gates';
import type { PromotionGates } from '../registry/types';

/**
 * The configuration of the modelling stages (Scope, Features, Train), part of the notebook's URL state.
 * A null means "the default for this data", decided when the data is known (frequency, covariates).
 */
export type MetricName = 'wape' | 'mae' | 'rmse' | 'smape' | 'mase';

export interface ScopeConfig {
  requirements: {
    /** How often forecasts are made (usually the data's frequency). */
    predictionFrequency: 'daily' | 'weekly' | 'monthly' | null;
    latencyBudgetMs: number;
    explainability: 'low' | 'medium' | 'high';
    compliance: string;
    budget: string;
    team: string;
  };
  /** null: the default cost model for the data's frequency (src/lib/scope/cost-model.ts). */
  cost: CostModel | null;
  /** The data scientist's primary accuracy metric. */
  primaryMetric: MetricName;
  /** User-defined metrics: a name and a formula in the small metric language (src/lib/scope). */
  customMetrics: { name: string; expression: string }[];
  /** What a model version must meet to be promoted to champion (Registry and Retrain stages). */
  gates: PromotionGates;
  /**
   * When the data says when a series is closed (an `open`/`closed` 0/1 column), score only the open periods, as
   * retail forecasts are judged: a closed day's 0 is known in advance and no model earns credit for it.
   */
  openOnly: boolean;
}

export interface SplitConfig {
  /** Validation periods before the test periods (for early stopping); null: one horizon. */
  validation: number | null;
  /** Train only on the last N periods before the cutoff; null: all history. */
  trainingWindow: number | null;
  /** Rolling-origin backtest folds before the final test; 0 for the final test alone. */
  folds: number;
  /** Periods between fold cutoffs; null: one horizon. */
  period: number | null;
}

export interface ModelsConfig {
  /** Candidate neural models (baselines always run beside them); null: the data's default (defaultNeuralSpecs). */
  candidates: ModelSpec[] | null;
  /** Classical candidates (fitted per series, or the global calendar regression, without tfjs); null: the data's default. */
  classical: ClassicalKind[] | null;
  backend: 'auto' | 'webgl' | 'wasm' | 'cpu';
  /**
   * How the networks forecast several steps: 'recursive' (one step, fed back) or 'direct' (all steps at once from the
   * first step's features; ModelSpec.steps = the horizon). See features/types.ts.
   */
  strategy: 'recursive' | 'direct';
}

export const DEFAULT_SCOPE: ScopeConfig = {
  requirements: { predictionFrequency: null, latencyBudgetMs: 200, explainability: 'medium', compliance: '', budget: '', team: '' },
  cost: null,
  primaryMetric: 'wape',
  customMetrics: [],
  gates: DEFAULT_GATES,
  openOnly: true,
};

/** Two folds before the test window: the pick rests on more than one stretch of history when the data allows. */
export const DEFAULT_SPLIT: SplitConfig = { validation: null, trainingWindow: null, folds: 2, period: null };


export const DEFAULT_MODELS: ModelsConfig = {
  candidates: null,
  classical: null,
  backend: 'auto',
  strategy: 'recursive',
};

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const money = v.pipe(v.number(), v.minValue(0), v.maxValue(1e9));
const periods = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)));

export const STAGE_CONFIG_FIELDS = {
  scope: v.strictObject({
    requirements: v.strictObject({
      predictionFrequency: v.nullable(v.picklist(['daily', 'weekly', 'monthly'])),
      latencyBudgetMs: v.pipe(v.number(), v.minValue(0), v.maxValue(600_000)),
      explainability: v.picklist(['low', 'medium', 'high']),
      compliance: text(2000),
      budget: text(500),
      team: text(500),
    }),
    cost: v.nullable(
      v.strictObject({ unitPrice: money, unitCost: money, holdingCostPerUnitPerPeriod: money, stockoutPenaltyPerUnit: money }),
    ),
    primaryMetric: v.picklist(['wape', 'mae', 'rmse', 'smape', 'mase']),
    customMetrics: v.pipe(v.array(v.strictObject({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(80)), expression: text(1000) })), v.maxLength(20)),
    // Optional: links made before the gates existed keep the rest of their Scope.
    gates: v.optional(PromotionGatesSchema, DEFAULT_GATES),
    openOnly: v.optional(v.boolean(), true),
  }),
  features: v.nullable(FeatureSpecSchema),
  split: v.strictObject({
    validation: periods,
    trainingWindow: periods,
    folds: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)),
    period: periods,
  }),
  models: v.strictObject({
    candidates: v.nullable(v.pipe(v.array(ModelSpecSchema), v.maxLength(6))),
    // Optional: links made before the classical models existed get the data's default.
    classical: v.optional(v.nullable(v.pipe(v.array(v.picklist(['ets', 'theta', 'arima', 'calendar'])), v.maxLength(4))), null),
    backend: v.picklist(['auto', 'webgl', 'wasm', 'cpu']),
    // Optional: links made before the direct strategy existed forecast recursively, as they did.
    strategy: v.optional(v.picklist(['recursive', 'direct']), 'recursive'),
  }),
};

export type FeaturesConfig = FeatureSpec | null;
