/**
 * The shapes between features and models (issue: Scope, Features, Train, Evaluate):
 *
 *   SalesData ──► FeatureSpec (JSON) ──► FeatureMatrix ──► split / backtest folds ──► ModelSpec + seed ──► (worker)
 *
 * Forecasting strategy: RECURSIVE one-step-ahead. A row's features use only sales strictly before its date
 * (lags ≥ 1, rolling windows that end at t−1) plus what is known in advance for its own date (calendar,
 * planned price and promotion, holidays). Over a horizon, each step's prediction is fed back as the next
 * step's lag. Chosen over direct multi-horizon because the training set stays one row per period (it has to fit
 * in a browser tab), and the test simulates the feedback honestly, so error accumulation shows up in the metrics.
 */

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
