// User-facing texts for splits, backtests, baselines and evaluation (src/lib/split, src/lib/models baselines,
// src/lib/evaluate).
import type { Frequency } from '../data/types';

const PERIOD: Record<Frequency, [string, string]> = {
  daily: ['day', 'days'],
  weekly: ['week', 'weeks'],
  monthly: ['month', 'months'],
};
const periods = (count: number, frequency: Frequency): string => `${count} ${PERIOD[frequency][count === 1 ? 0 : 1]}`;
const seriesCount = (count: number): string => `${count} series`;

export const evaluateMessages = {
  shortSelectionFold: (periods: number) =>
    `The history is too short for a backtest fold with ${periods} periods before its cutoff; the models are chosen on one shorter fold, so the choice rests on little data.`,
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

// The Evaluate stage's panel (src/ui/EvaluatePanel.svelte, src/ui/evaluate/*): headings, what each metric means
// (shown as a tooltip and in a short legend), and the sentences around the numbers.
const pct = (value: number): string => `${Math.abs(value).toFixed(1)}%`;

export const evaluatePanelMessages = {
  empty: 'Train a model on the Train stage to see its evaluation here.',
  title: 'Evaluate',
  modelName: {
    ridge: 'Ridge (linear)',
    mlp: 'MLP',
    cnn: 'CNN',
    naive: 'Naive',
    'seasonal-naive': 'Seasonal naive',
    'moving-average': 'Moving average',
    ets: 'ETS (auto)',
    theta: 'Theta',
    arima: 'ARIMA (auto)',
    calendar: 'Calendar regression',
    'ensemble-mean': 'Ensemble (mean)',
    'ensemble-median': 'Ensemble (median)',
  },
  family: { baseline: 'baseline', classical: 'classical', linear: 'linear', neural: 'neural', ensemble: 'ensemble' },
  leaderboard: {
    title: 'Leaderboard',
    caption: (primary: string, folds: number) =>
      `Ranked by ${primary} averaged over the ${folds} selection ${folds === 1 ? 'fold' : 'folds'} before the test window (lower is better): that score alone picks the winner. The test window is forecast after the pick, and only reported. Baselines, classical, neural models and ensembles of the best compete alike.`,
    legacyCaption: (primary: string, windows: number) =>
      `Backtest mean over ${windows} ${windows === 1 ? 'window' : 'windows'}, test window included, sorted by ${primary} (a run stored before honest selection).`,
    selectionColumn: (primary: string) => `${primary}, selection folds`,
    selectionHelp: 'Mean over the backtest folds before the test window: the score the winner was picked on.',
    testColumn: (primary: string) => `${primary}, test window`,
    testHelp: 'The final test window, forecast once after the pick: what to expect of the chosen model. It chose nothing.',
    rank: '#',
    model: 'Model',
    family: 'Kind',
    vsReference: 'vs seasonal naive',
    vsReferenceHelp: 'How much lower the primary metric is than seasonal naive’s on the backtest: (seasonal naive − model) ÷ seasonal naive.',
    best: 'best',
    bestHelp: 'The auto pick: the lowest selection score of the primary metric, whatever its kind: the candidate to register.',
    reference: 'reference',
    cost: 'Cost of error',
  },
  selection: {
    won: (o: { model: string; metric: string; score: string; folds: string[]; runnerUp: { model: string; score: string } | null }) =>
      `Auto pick: ${o.model}, with the lowest mean ${o.metric} on ${o.folds.join(' and ')} (${o.score})${o.runnerUp ? `; the runner-up, ${o.runnerUp.model}, scored ${o.runnerUp.score}` : ''}. The test window had no say in this.`,
    none: 'No candidate has a finite selection score, so nothing was picked.',
    closed: (flag: string, openOnly: boolean) =>
      `Closed periods (column “${flag}”) are forecast as 0 by every model and ${openOnly ? 'left out of every metric: only open periods are scored (set on the Scope stage)' : 'scored like the rest (the Scope stage can leave them out)'}.`,
    legacy: 'This run was stored before honest selection: its “best” is the best neural model on a mean that includes the test window. Train again for an honest pick.',
  },
  improvement: (percent: number) => (percent >= 0 ? `${pct(percent)} lower` : `${pct(percent)} higher`),
  testImprovement: (model: string, percent: number, modelWape: string, referenceWape: string, target: number) =>
    `On the test window, ${model}’s WAPE (${modelWape}) is ${pct(percent)} ${percent >= 0 ? 'lower' : 'higher'} than seasonal naive’s (${referenceWape}): ${percent >= target ? `meets the quality bar (at least ${target}% lower)` : `short of the quality bar (at least ${target}% lower)`}.`,
  testImprovementMissing: 'The test-window improvement over seasonal naive cannot be computed: a WAPE is missing (no neural model, no seasonal naive, or no sales in the test window).',
  modelPicker: 'Model to inspect',
  windowColumn: { test: 'Test window', backtest: 'Selection folds (mean)' },
  metricColumn: 'Metric',
  role: {
    dataScientist: { title: 'Data scientist', intro: 'Accuracy and calibration of the forecast: point errors, quantile losses and how often the P10–P90 band holds the actual.' },
    expert: { title: 'Demand planner (subject-matter expert)', intro: 'What the forecast means on the shelf if the shop stocks exactly the forecast: stockouts, leftovers, and which way it leans on special days.' },
    business: { title: 'Business', intro: 'Money under the Scope’s cost model: what forecast errors cost, what the model saves against the baseline, and a rough yearly value.' },
  },
  extraLabel: {
    holdingCost: 'Holding cost of overstock',
    lostMargin: 'Margin lost to stockouts',
    stockoutPenalty: 'Stockout penalty',
    valuePerPeriod: 'Value per period (estimate)',
  },
  help: {
    mae: 'Mean absolute error: the average size of a miss, in units.',
    rmse: 'Root mean squared error: like MAE, but large misses weigh more; in units.',
    mase: 'Mean absolute scaled error: MAE divided by the in-sample error of a seasonal naive forecast. Below 1 beats repeating last season.',
    smape: 'Symmetric MAPE: mean of 2·|forecast − actual| ÷ (|actual| + |forecast|), in percent (0 to 200).',
    pinballP10: 'Pinball (quantile) loss of P10: how good P10 is as a low estimate; lower is better.',
    pinballP50: 'Pinball loss of P50 (half the MAE): how good the median forecast is.',
    pinballP90: 'Pinball loss of P90: how good P90 is as a high estimate; lower is better.',
    coverage80: 'Share of actuals inside the P10–P90 band. A well-calibrated 80% interval holds about 80%.',
    wape: 'Weighted absolute percentage error: total absolute error ÷ total sales. Big sellers count more; zero-sales days do no harm.',
    mape: 'Mean absolute percentage error over rows with sales (zero-sales rows left out), in percent.',
    bias: 'Mean of forecast − actual, in units: positive over-forecasts, negative under-forecasts.',
    biasPercent: 'Total (forecast − actual) as a percentage of total sales.',
    stockoutUnits: 'Demand not served if the shop stocked exactly the forecast: Σ max(actual − forecast, 0).',
    stockoutPeriods: 'Series-periods in which demand exceeded the stocked forecast.',
    overstockUnits: 'Units left over: Σ max(forecast − actual, 0).',
    serviceLevel: 'Share of series-periods without a stockout (cycle service level).',
    fillRate: 'Share of demand served from stock: 1 − stockout units ÷ units sold.',
    errorCost: 'Holding cost of overstock plus the margin lost and the penalty on stockouts, under the Scope’s cost model.',
    baselineErrorCost: 'The baseline’s cost of forecast error over the same rows.',
    savings: 'The baseline’s cost of error minus this model’s, over the same rows. Negative: the model costs more.',
    valuePerYear: 'Savings over the test window scaled to a year (÷ periods × periods per year). An order of magnitude, assuming the window is typical.',
    holdingCost: 'Overstock units × holding cost per unit per period.',
    lostMargin: 'Stockout units × (price − unit cost).',
    stockoutPenalty: 'Stockout units × stockout penalty per unit.',
    valuePerPeriod: 'Savings over the test window per period.',
    cost: 'Cost of forecast error (mean over the backtest windows).',
  },
  biasPercentWithFlag: (flag: string, on: boolean) => `Bias ${on ? 'on' : 'off'} “${flag}” rows (% of actual)`,
  biasFlagHelp: (flag: string, on: boolean) =>
    `Total (forecast − actual) as a percentage of sales, on rows where “${flag}” is ${on ? 'on' : 'off'}: a special day the model misses in one direction shows here.`,
  savingsAgainst: (baseline: string) => `Savings are measured against ${baseline}, the baseline every model is compared with.`,
  valueEstimate: (perYear: string, periodsPerYear: number) =>
    `If the test window is typical, this model is worth about ${perYear} a year (${periodsPerYear} periods) against the baseline.`,
  valueMissing: 'No yearly value estimate: the savings against the baseline are undefined for this model.',
  noImportance: 'Permutation importance is measured for neural models only.',
  importanceTitle: 'What the model relies on',
  chartsTitle: 'Charts',
  series: 'Series',
  downloads: { csv: 'Metrics CSV', json: 'Metrics JSON', help: 'Every metric of every model and window (CSV), or the whole run’s metrics as stored (JSON).' },
  legend: 'What these mean',
  customTitle: 'Your own metrics (test window)',
  customIntro: 'The formulas defined on the Scope stage, computed for every model on the rows that have an actual.',
  charts: {
    forecast: 'Forecast against actual',
    residuals: 'Residuals',
    errorByStep: 'Error by horizon step',
    errorBySeries: 'WAPE by series',
    cost: 'Cost of forecast error per model',
    importance: 'Permutation importance',
  },
} as const;
