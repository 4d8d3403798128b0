import type { SalesData } from '../data/types';
import { periodEnd, periodIndex } from '../core/periods';
import { splitByTime } from '../split/split-by-time';
import { SEASON_LENGTH } from '../data/validate-sales';
import { evaluateMessages } from '../messages/evaluate';

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
  /** Folds before the final test (at least one is always planned: the pick is made on folds). */
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
  // A fold needs two seasons of history up to its cutoff for a seasonal model (and seasonal naive) to have a season
  // to repeat and one to learn it from.
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

  // At least one fold, always: the pick is made on folds, never on the test window. A fold whose history is shorter
  // than two seasons is still taken when no other fits (with a warning), as long as it leaves rows to train on.
  const wanted = Math.max(1, folds);
  const foldCutoffs: number[] = [];
  for (let k = wanted; k >= 1; k--) {
    const cutoff = testCutoff - k * period;
    if (cutoff - first + 1 >= minTrain) foldCutoffs.push(cutoff);
  }
  const warnings = [...split.warnings];
  const nearest = testCutoff - period;
  if (foldCutoffs.length === 0 && nearest - validation - first + 1 >= 1) {
    foldCutoffs.push(nearest);
    warnings.push(evaluateMessages.shortSelectionFold(SEASON_LENGTH[frequency] * 2));
  } else if (foldCutoffs.length < wanted) {
    warnings.push(`Only ${foldCutoffs.length} of ${wanted} backtest folds fit in the history.`);
  }
  const windows = foldCutoffs.map((cutoff, i) => window(`fold ${i + 1}`, cutoff));
  windows.push(window('test', testCutoff));
  return { windows, horizon, validation, warnings };
}

function firstDate(data: SalesData): number {
  let min = Infinity;
  for (const d of data.date) if (d < min) min = d;
  return min;
}
