export type ColumnKind = 'numeric' | 'categorical';
export type DriftTestName = 'ks' | 'chisquare' | 'z' | 'wasserstein' | 'jensenshannon' | 'psi';

/**
 * Each drift test's default threshold and what it is compared with. p-value tests flag drift at p ≤ threshold,
 * distances at distance ≥ threshold — Evidently's defaults and comparisons, including PSI's 0.1 (the
 * "investigate" line of the credit-scoring rule of thumb; 0.25 is the usual "major shift").
 */
export const DRIFT_TEST_DEFAULTS: Record<DriftTestName, { threshold: number; thresholdKind: 'p-value' | 'distance' }> = {
  ks: { threshold: 0.05, thresholdKind: 'p-value' },
  chisquare: { threshold: 0.05, thresholdKind: 'p-value' },
  z: { threshold: 0.05, thresholdKind: 'p-value' },
  wasserstein: { threshold: 0.1, thresholdKind: 'distance' },
  jensenshannon: { threshold: 0.1, thresholdKind: 'distance' },
  psi: { threshold: 0.1, thresholdKind: 'distance' },
};

export interface DriftTestChoice {
  kind: ColumnKind;
  /** Rows in the reference sample (missing values dropped). */
  referenceSize: number;
  /** Distinct values in reference and current together. */
  distinctValues: number;
}

/** Evidently's limit between "small" references (statistical tests) and large ones (distances). */
export const SMALL_REFERENCE = 1000;
/** A numeric column with at most this many distinct values is tested like a categorical one. */
const FEW_VALUES = 5;

/**
 * Evidently's default drift test for a column (`get_default_stattest`):
 * - reference ≤ 1000 rows: a significance test — Kolmogorov–Smirnov for a numeric column with more than 5 distinct
 *   values; otherwise chi-square, or the two-proportion Z-test when at most two values occur.
 * - larger references: a distance, since with thousands of rows every test finds some difference significant —
 *   normed Wasserstein for a numeric column with more than 5 distinct values, Jensen–Shannon otherwise.
 */
export function chooseDriftTest({ kind, referenceSize, distinctValues }: DriftTestChoice): DriftTestName {
  const continuous = kind === 'numeric' && distinctValues > FEW_VALUES;
  if (referenceSize <= SMALL_REFERENCE) {
    if (continuous) return 'ks';
    return distinctValues > 2 ? 'chisquare' : 'z';
  }
  return continuous ? 'wasserstein' : 'jensenshannon';
}
