/**
 * The shapes between features and models (issue: Scope, Features, Train, Evaluate):
 *
 *   SalesData ──► FeatureSpec (JSON) ──► FeatureMatrix ──► split / backtest folds ──► ModelSpec + seed ──► (worker)
 *
 * Forecasting strategy: RECURSIVE one-step-ahead by default. A row's features use only sales strictly before its date
 * (lags ≥ 1, rolling windows that end at t−1) plus what is known in advance for its own date (calendar,
 * planned price and promotion, holidays). Over a horizon, each step's prediction is fed back as the next
 * step's lag. The default over direct multi-horizon because every step sees its own date's covariates (a planned
 * promotion on day 5), and the test simulates the feedback honestly, so error accumulation shows up in the metrics.
 * DIRECT (ModelSpec.steps, chosen on the Train stage) keeps the same rows and learns every step from the first
 * step's row, with one target per step (train/direct-targets): no feedback to compound, no later covariates.
 */
import type { Frequency } from '../data/types';

/** A plain-JSON description of every feature; stored with each run so the run can be replayed. */
export interface FeatureSpec {
  version: 1;
  /** Sales lags in periods, each ≥ 1, e.g. [1, 2, 3, 7, 14, 28]. */
  lags: number[];
  /** Rolling means/stds over windows ending at t−1 (shifted by one, so the target never leaks). */
  rolling: { window: number; stats: ('mean' | 'std')[] }[];
  calendar: {
    dayOfWeek: boolean;
    month: boolean;
    /**
     * How `month` is encoded: twelve 0/1 columns, or the month as an angle (sin, cos) so December sits next to
     * January in two columns. Absent: 'one-hot' for monthly data (the month is the whole seasonal pattern there),
     * 'cyclic' otherwise (daily and weekly data carry their yearly swing smoothly, and 10 fewer columns).
     */
    monthEncoding?: 'one-hot' | 'cyclic';
    /** ISO week of the year as an angle (sin, cos): a smooth yearly cycle in two columns rather than 52 one-hots. */
    weekOfYear: boolean;
    /** A holiday flag covariate name, when the data has one. */
    holiday: string | null;
    /** Days to the next / from the previous holiday (capped), when a holiday flag exists. */
    holidayDistance: boolean;
  };
  /** Covariates known in advance for the target date (price, promo, …), by name. */
  covariates: string[];
  /** One-hot (few series) or a per-series level feature (many series). */
  seriesIdentity: 'none' | 'one-hot' | 'level';
  /** Transform of the target and of the sales-derived inputs; undone on predictions. */
  target: 'none' | 'log1p' | 'series-scale';
  /** Scale numeric inputs with statistics fit on training rows only. */
  scale: 'none' | 'standard';
}

/**
 * Everything `fitFeatureState` learns from the TRAINING rows (dates ≤ `trainEnd`) and `applyFeatures` needs:
 * plain JSON (finite numbers, strings), stored beside the spec with each run. Series are matched by label, so a
 * state also applies to a re-imported copy of the data whose series are numbered differently.
 */
export interface FeatureState {
  version: 1;
  frequency: Frequency;
  /** The last training date (days since epoch): targets at or before it were fit on. */
  trainEnd: number;
  /** The feature names this state was fit for (the matrix's columns, in order). */
  names: string[];
  /** Periods of history a row needs before its first feature row (max of lags and rolling windows). */
  warmup: number;
  /**
   * The series seen in training, in data order: the one-hot columns, and each one's mean training sales
   * (`scale`, the divisor of 'series-scale'; 1 when the mean is not positive).
   */
  series: { label: string; scale: number }[];
  /** Scale used for a series without training rows: the median of the others. */
  fallbackScale: number;
  /** Per covariate, its training mean: the value a missing cell (or a future date without a row) takes. A missing holiday flag is 0. */
  fill: Record<string, number>;
  /** Standard scaler, one entry per feature (mean 0, std 1 for columns left as they are); null for scale 'none'. */
  scaler: { mean: number[]; std: number[] } | null;
}

/** Features as one dense row-major matrix; one row per (series, date) that has its full lag history. */
export interface FeatureMatrix {
  names: string[];
  /** rows × names.length, row-major. */
  x: Float32Array;
  /** The transformed target per row. */
  y: Float32Array;
  rows: number;
  /** Per row: series index and date (days since epoch) of the target. */
  series: Int32Array;
  date: Int32Array;
}
