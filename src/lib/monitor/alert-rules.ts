import * as v from 'valibot';
import { limitSchema, numberIn, wholeIn, type SettingLimit } from '../notebook/setting-limit';

/**
 * The thresholds monitoring alerts on, editable in the Monitor stage and part of the notebook's URL (plain JSON).
 * Shares are fractions (0.05 = 5 %); tolerances are how much worse than the training-time test is still fine.
 */
export interface AlertRules {
  /** Overrides handed to the drift tests; null: each test's own default. */
  drift: {
    /** A p-value test (KS, chi-squared) flags drift below this. */
    pValue: number | null;
    /** A distance (Wasserstein, PSI, Jensen–Shannon) flags drift above this. */
    distance: number | null;
  };
  /** The test for numeric columns: Evidently's default choice, or PSI (on reference deciles, drift at ≥ 0.1). */
  numericTest?: 'default' | 'psi';
  /** Dataset drift: alert when at least this share of the monitored columns drifted. */
  datasetDriftShare: number;
  /** Performance decay: alert when the served WAPE exceeds the test WAPE by more than this (0.3 = 30 %). */
  performanceTolerance: number;
  /** Segment bias: alert when the served forecasts of one key value (a store, a product) are off by more than this share. */
  segmentBias: number;
  /** Cost decay: the same for the cost of forecast error per series-period. */
  costTolerance: number;
  /** Data quality: missing share allowed above the training one. */
  missingShare: number;
  /** Data quality: share of values outside the training range allowed. */
  outOfRangeShare: number;
  /** After an alert, the same condition stays quiet for this many periods (0: alert every period it holds). */
  cooldown: number;
}

/** ±35 %: a store or product a third off for a whole window is a problem; on the example, noise and price moves reach ±27 %. */
const DEFAULT_SEGMENT_BIAS = 0.35;

export const DEFAULT_ALERT_RULES: AlertRules = {
  drift: { pValue: null, distance: null },
  datasetDriftShare: 0.5,
  performanceTolerance: 0.3,
  segmentBias: DEFAULT_SEGMENT_BIAS,
  costTolerance: 0.3,
  missingShare: 0.05,
  outOfRangeShare: 0.01,
  cooldown: 7,
};

/**
 * Bounds that keep each threshold meaningful: at a p-value threshold of one half, half the columns of unchanged data
 * would alarm in every window; a tolerance of 100 allows 10 000 % worse than the test; a cooldown of ten years of days.
 */
export const ALERT_RULE_LIMITS = {
  pValue: numberIn(1e-6, 0.5),
  distance: numberIn(0.001, 100),
  datasetDriftShare: numberIn(0.01, 1),
  performanceTolerance: numberIn(0, 100),
  segmentBias: numberIn(0.01, 100),
  costTolerance: numberIn(0, 100),
  missingShare: numberIn(0, 1),
  outOfRangeShare: numberIn(0, 1),
  cooldown: wholeIn(0, 3660),
} satisfies Record<Exclude<keyof AlertRules, 'drift' | 'numericTest'> | keyof AlertRules['drift'], SettingLimit>;

const L = ALERT_RULE_LIMITS;

export const AlertRulesSchema = v.strictObject({
  drift: v.strictObject({ pValue: v.nullable(limitSchema(L.pValue)), distance: v.nullable(limitSchema(L.distance)) }),
  numericTest: v.optional(v.picklist(['default', 'psi'])),
  datasetDriftShare: limitSchema(L.datasetDriftShare),
  performanceTolerance: limitSchema(L.performanceTolerance),
  // Optional so that links made before segment monitoring keep their other thresholds.
  segmentBias: v.optional(limitSchema(L.segmentBias), DEFAULT_SEGMENT_BIAS),
  costTolerance: limitSchema(L.costTolerance),
  missingShare: limitSchema(L.missingShare),
  outOfRangeShare: limitSchema(L.outOfRangeShare),
  cooldown: limitSchema(L.cooldown),
});

export type AlertKind = 'data-drift' | 'prediction-drift' | 'target-drift' | 'performance' | 'data-quality' | 'cost';
export const ALERT_KINDS: readonly AlertKind[] = ['data-drift', 'prediction-drift', 'target-drift', 'performance', 'cost', 'data-quality'];

/** 'critical': the forecasts are (or are about to be) wrong; 'warning': worth a look. */
export type AlertSeverity = 'warning' | 'critical';

export interface Alert {
  /** `${key}@${period}`: unique in a simulation. */
  id: string;
  /** The condition alerted on (kind, column, issue): what the cooldown applies to. */
  key: string;
  period: number;
  /** Day of the period (days since 1970-01-01). */
  date: number;
  kind: AlertKind;
  severity: AlertSeverity;
  title: string;
  /** A plain sentence naming the statistic and the threshold it crossed. */
  explanation: string;
  statistic: number;
  threshold: number;
  column?: string;
}
