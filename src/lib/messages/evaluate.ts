// User-facing texts for splits, backtests, baselines and evaluation (src/lib/split, src/lib/models baselines,
// src/lib/evaluate). See ./index.ts.
import type { Frequency } from '../data/types';

const PERIOD: Record<Frequency, [string, string]> = {
  daily: ['day', 'days'],
  weekly: ['week', 'weeks'],
  monthly: ['month', 'months'],
};
const periods = (count: number, frequency: Frequency): string => `${count} ${PERIOD[frequency][count === 1 ? 0 : 1]}`;
const seriesCount = (count: number): string => `${count} series`;

export const evaluateMessages = {
  notPositiveInteger: (name: string, value: number) => `“${name}” must be a whole number of at least 1 (got ${value}).`,
  notNonNegativeInteger: (name: string, value: number) => `“${name}” must be a whole number of at least 0 (got ${value}).`,
  noRows: () => 'There are no rows to split.',
  nothingToTrain: (span: number, horizon: number, validation: number, frequency: Frequency) =>
    `Nothing is left to train on: the data covers ${periods(span, frequency)}, the test takes the last ${periods(horizon, frequency)} and validation the ${periods(validation, frequency)} before them. Shorten the horizon or the validation period, or import more history.`,
  noFolds: (span: number, initial: number, horizon: number, frequency: Frequency) =>
    `The data is too short for a single backtest fold: it covers ${periods(span, frequency)}, and one fold needs ${periods(initial, frequency)} of training plus ${periods(horizon, frequency)} to test.`,
  foldsWithoutTest: (count: number) =>
    `${count === 1 ? 'One fold was' : `${count} folds were`} left out: no rows fall in ${count === 1 ? 'its' : 'their'} test window (a gap in the data).`,
  noHistory: (count: number) =>
    `${seriesCount(count)} ${count === 1 ? 'has' : 'have'} no sales up to the cutoff, so the baseline cannot forecast ${count === 1 ? 'it' : 'them'} (shown as “–”).`,
  shortSeasonalHistory: (count: number, season: number) =>
    `${seriesCount(count)} ${count === 1 ? 'has' : 'have'} less than one season (${season} periods) of history for some steps; the seasonal naive baseline uses the last observed value there instead.`,
  noScale: (count: number) =>
    `${seriesCount(count)} left out of MASE: ${count === 1 ? 'its' : 'their'} training history has no seasonal change to scale by (too short, or constant).`,
  roleLabel: { dataScientist: 'Data scientist', expert: 'Demand planner', business: 'Business' },
  metricLabel: {
    mae: 'MAE',
    rmse: 'RMSE',
    mase: 'MASE',
    smape: 'sMAPE (%)',
    pinballP10: 'Pinball loss P10',
    pinballP50: 'Pinball loss P50',
    pinballP90: 'Pinball loss P90',
    coverage80: 'P10–P90 coverage',
    wape: 'WAPE',
    mape: 'MAPE (%)',
    bias: 'Bias (forecast − actual)',
    biasPercent: 'Bias (% of actual)',
    stockoutUnits: 'Stockout units',
    stockoutPeriods: 'Stockout periods',
    overstockUnits: 'Overstock units',
    serviceLevel: 'Service level',
    fillRate: 'Fill rate',
    errorCost: 'Cost of forecast error',
    baselineErrorCost: 'Baseline’s cost of forecast error',
    savings: 'Savings vs baseline',
    valuePerYear: 'Value per year (estimate)',
  },
  biasWithFlag: (flag: string, on: boolean) => `Bias ${on ? 'on' : 'off'} “${flag}” rows`,
} as const;

export type EvaluationMetricKey = keyof typeof evaluateMessages.metricLabel;
