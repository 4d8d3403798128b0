/**
 * The shapes of splits and backtests: plain JSON, stored with each run.
 *
 *   SalesData ──► TimeSplit (train / validation / test) ──► rolling-origin folds (backtest)
 *
 * Every series shares the same calendar cutoffs, as a shop would run it: "train up to the end of March, test April".
 * Cutoffs are whole days since 1970-01-01, always the last day of a period (see `periodEnd`), and a part holds the rows
 * dated after the cutoff before it, up to and including its own cutoff. Rows are sorted by (series, date), so each part
 * of a series is one run of row indices.
 */

/** Row indices `[from, to)` (end exclusive) of one part of one series; `from === to` when the part is empty. */
export type RowRange = [from: number, to: number];

export interface SeriesSplit {
  series: number;
  train: RowRange;
  validation: RowRange;
  test: RowRange;
}

export interface TimeSplit {
  horizon: number;
  validation: number;
  /** Periods of history to train on; null = all history up to the training cutoff. */
  trainingWindow: number | null;
  /** First day of the training window; null when training uses all history. */
  trainStart: number | null;
  /** Last day of training; validation starts the day after. */
  trainCutoff: number;
  /** Last day of validation; the test starts the day after. */
  validationCutoff: number;
  /** Last day of the test: the last period in the data. */
  end: number;
  counts: { train: number; validation: number; test: number };
  series: SeriesSplit[];
  /** Plain-language warnings (from messages/evaluate), e.g. an empty training set. */
  warnings: string[];
}

export interface SeriesFold {
  series: number;
  train: RowRange;
  test: RowRange;
}

export interface Fold {
  /** 0 for the oldest fold. */
  index: number;
  /** First day of the training window; null when the fold trains on all history up to its cutoff. */
  trainStart: number | null;
  /** Last day of training (Prophet's `cutoff`). */
  cutoff: number;
  /** Last day of the test: `horizon` periods after the cutoff. */
  testEnd: number;
  counts: { train: number; test: number };
  series: SeriesFold[];
}

export interface RollingOrigin {
  initial: number;
  period: number;
  horizon: number;
  trainingWindow: number | null;
  /** Oldest first, as Prophet's cross_validation lists them. */
  folds: Fold[];
  warnings: string[];
}
