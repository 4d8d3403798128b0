import type { SalesData } from '../data/types';
import { periodIndex } from '../eda/calendar';
import { periodEnd } from '../split/period-end';
import { splitByTime } from '../split/split-by-time';
import { SEASON_LENGTH } from '../data/validate-sales';

/**
 * The backtest every model of a run is scored on: K rolling-origin folds, then the final test.
 *
 *   … train ─ trainEnd] (validation ─ cutoff] (forecast: horizon periods ─ cutoff + H]      one window
 *
 * The final test forecasts the last H periods; fold k forecasts the H periods ending k × period earlier (as
 * Prophet's cross-validation places cutoffs back from the end). In every window the model sees rows up to trainEnd
 * for fitting, rows up to the cutoff for early stopping and as lag history, and never a row after the cutoff.
 */
export interface BacktestWindow {
  /** 'fold 1' (oldest) … 'fold K', then 'test'. */
  label: string;
  /** Last day of training rows (a period end). */
  trainEnd: number;
  /** Last day of history the forecast may read: validation ends here (a period end). */
  cutoff: number;
  /** First day of training rows when a training window is set; null for all history. */
  trainStart: number | null;
}

export interface PlanBacktestOptions {
  horizon: number;
  /** Validation periods before each cutoff; default one horizon. */
  validation?: number | null;
  trainingWindow?: number | null;
  /** Folds before the final test. */
  folds: number;
  /** Periods between fold cutoffs; default one horizon. */
  period?: number | null;
}

export interface BacktestPlan {
  windows: BacktestWindow[];
  horizon: number;
  validation: number;
  /** Why fewer folds than asked fit, or why training would be empty. */
  warnings: string[];
}

export function planBacktest(data: SalesData, options: PlanBacktestOptions): BacktestPlan {
  const { horizon, folds } = options;
  const validation = options.validation ?? horizon;
  const period = options.period ?? horizon;
  const trainingWindow = options.trainingWindow ?? null;
  const split = splitByTime(data, { horizon, validation, trainingWindow });
  const { frequency } = data;
  const testCutoff = periodIndex(split.validationCutoff, frequency);
  const first = periodIndex(split.trainStart ?? firstDate(data), frequency);
  // A fold needs at least two seasons of training history to learn anything seasonal.
  const minTrain = 2 * SEASON_LENGTH[frequency];

  const window = (label: string, cutoff: number): BacktestWindow => {
    const trainEnd = cutoff - validation;
    return {
      label,
      trainEnd: periodEnd(trainEnd, frequency),
      cutoff: periodEnd(cutoff, frequency),
      trainStart: trainingWindow === null ? null : periodEnd(trainEnd - trainingWindow, frequency) + 1,
    };
  };

  const foldCutoffs: number[] = [];
  for (let k = folds; k >= 1; k--) {
    const cutoff = testCutoff - k * period;
    if (cutoff - validation - first + 1 >= minTrain) foldCutoffs.push(cutoff);
  }
  const windows = foldCutoffs.map((cutoff, i) => window(`fold ${i + 1}`, cutoff));
  windows.push(window('test', testCutoff));
  const warnings = [...split.warnings];
  if (foldCutoffs.length < folds) warnings.push(`Only ${foldCutoffs.length} of ${folds} backtest folds fit in the history.`);
  return { windows, horizon, validation, warnings };
}

function firstDate(data: SalesData): number {
  let min = Infinity;
  for (const d of data.date) if (d < min) min = d;
  return min;
}
