// User-facing texts for the Features stage (src/lib/features).
// Tests compare thrown errors and parse results with these, so a wording change here is the only change needed.

const quoted = (name: string): string => `“${name}”`;
const list = (names: readonly string[]): string => (names.length === 0 ? 'none' : names.map(quoted).join(', '));

export const featureMessages = {
  // Reading a feature spec (from a link or a stored run) ---------------------------------------------------------
  specNotJson: (detail: string): string => `The feature settings are not valid JSON (${detail}).`,
  specIssue: (path: string, text: string): string => `Feature settings, ${path}: ${text}`,
  specExpected: (path: string, expected: string, received: string): string =>
    `Feature settings, ${path}: expected ${expected}, got ${received}`,
  specUnknownKey: (path: string): string => `Feature settings, ${path}: not a feature setting (misspelt, or from a newer version)`,
  specMissing: (path: string): string => `Feature settings, ${path}: missing`,
  specNotObject: (received: string): string => `The feature settings must be an object, got ${received}.`,
  lagRange: (max: number): string => `expected a whole number of periods from 1 to ${max}`,
  windowRange: (max: number): string => `expected a whole number of periods from 2 to ${max}`,
  duplicateLags: 'each lag may appear only once',
  duplicateWindows: 'each rolling window may appear only once',
  duplicateStats: 'each statistic may appear only once',
  duplicateCovariates: 'each covariate may appear only once',
  noStats: 'expected at least one statistic (mean or std)',
  tooMany: (max: number): string => `expected at most ${max} entries`,
  columnName: 'expected a column name of 1 to 200 characters',

  // Spec against data ---------------------------------------------------------------------------------------------
  unknownCovariate: (name: string, available: readonly string[]): string =>
    `The feature ${quoted(name)} needs a covariate column of that name, and the data has ${available.length === 0 ? 'no covariates' : `only ${list(available)}`}.`,
  duplicateFeatureName: (name: string): string =>
    `Two features would both be called ${quoted(name)}: rename the covariate so it does not clash with a generated feature.`,
  stateMismatch: 'The fitted feature state belongs to different feature settings (its columns differ). Fit it again for these settings.',
  frequencyMismatch: (state: string, data: string): string =>
    `The fitted feature state was fit on ${state} data, and this data is ${data}. Fit it again on this data.`,

  // Forecasting -----------------------------------------------------------------------------------------------------
  badHorizon: (horizon: number): string => `The forecast horizon must be a whole number of periods, 1 or more (got ${horizon}).`,
  badSteps: (steps: number, horizon: number): string =>
    `This model forecasts ${steps} steps at once (direct multi-horizon), fewer than the ${horizon} asked for: train it again for this horizon.`,
  badCutoff: (cutoff: number): string => `The forecast cutoff must be a date (a whole day number), got ${cutoff}.`,
  badPrediction: (length: number, rows: number): string =>
    `The model returned ${length} values for ${rows} rows: expected the same number of values (quantiles) for every row.`,
  badQuantiles: (columns: number, quantiles: readonly number[]): string =>
    `The model returned ${columns} values per row, but ${quantiles.length} quantiles (${quantiles.join(', ')}) were named: they must match.`,

  // Explanations for the Features stage ------------------------------------------------------------------------------
  stockoutExcluded: (name: string): string =>
    `${quoted(name)} is left out by default: whether a product sells out on a day is only known after that day (it is a result of demand, not a plan), so it cannot be supplied for a forecast, and on past rows it gives away that sales were cut short.`,
  unknownCovariateExcluded: (name: string): string =>
    `${quoted(name)} is left out by default: its name does not say it is planned in advance (like a price, a promotion or a holiday). Add it if its future values are known when forecasting; if they are not, it would leak.`,
  droppedRows: (count: number, warmup: number): string =>
    `${count.toLocaleString('en-US')} rows are left out: the first ${warmup} periods of each series (not enough history for the longest lag or window) and rows without a sales value.`,
} as const;

/** Labels and sentences of the Features stage's panel. */
export const featuresPanelTexts = {
  folds: 'Backtest folds before the test',
  validation: 'Validation periods',
  validationPlaceholder: 'one horizon',
  trainingWindow: 'Training window (periods)',
  trainingWindowPlaceholder: 'all history',
  plan: { window: 'Window', trainUpTo: 'Train up to', validateUpTo: 'Validate up to (cutoff)', forecast: 'Forecast' },
  nextPeriods: (horizon: number): string => `next ${horizon} periods`,
  summary: (rows: string, features: number, trainRows: string): string =>
    `${rows} feature rows × ${features} features; ${trainRows} training rows in the final window.`,
  specTitle: 'Feature spec (JSON, stored with every run)',
  applySpec: 'Apply spec',
  defaultSpec: 'Default for this data',
  correlations: 'Feature correlations',
  previewTitle: 'Preview of the feature table',
  preview: { series: 'series', date: 'date', target: 'target' },
} as const;
