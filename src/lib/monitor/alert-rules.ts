import * as v from 'valibot';

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

const share = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const tolerance = v.pipe(v.number(), v.minValue(0), v.maxValue(100));

export const AlertRulesSchema = v.strictObject({
  drift: v.strictObject({ pValue: v.nullable(v.pipe(v.number(), v.gtValue(0), v.ltValue(1))), distance: v.nullable(v.pipe(v.number(), v.gtValue(0), v.maxValue(100))) }),
  numericTest: v.optional(v.picklist(['default', 'psi'])),
  datasetDriftShare: v.pipe(v.number(), v.gtValue(0), v.maxValue(1)),
  performanceTolerance: tolerance,
  // Optional so that links made before segment monitoring keep their other thresholds.
  segmentBias: v.optional(v.pipe(v.number(), v.gtValue(0), v.maxValue(100)), DEFAULT_SEGMENT_BIAS),
  costTolerance: tolerance,
  missingShare: share,
  outOfRangeShare: share,
  cooldown: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3660)),
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
