// User-facing texts for the Scope stage: the cost model and user-defined metric formulas (src/lib/scope).
// Parse errors name the offending token; the position is shown by the editor, not in the text.

const quoted = (text: string): string => `“${text}”`;
const suggest = (suggestion: string | null): string => (suggestion ? ` Did you mean ${quoted(suggestion)}?` : '');

export const scopeMessages = {
  emptyFormula: () => 'Type a formula, e.g. sum(abs(actual - forecast)) / sum(actual).',
  unexpectedCharacter: (character: string) =>
    `${quoted(character)} cannot appear in a formula: use numbers, columns, functions, + - * / ^, comparisons (< <= > >= == !=), parentheses and commas.`,
  singleEquals: () => 'To compare, write “==”; a single “=” is not an operator here.',
  loneBang: () => '“!” only appears in “!=” (not equal).',
  badNumber: (text: string) => `${quoted(text)} is not a number.`,
  unknownName: (name: string, suggestion: string | null, columns: readonly string[]) =>
    `Unknown name ${quoted(name)}.${suggest(suggestion)} Columns: ${columns.join(', ')}.`,
  unknownFunction: (name: string, suggestion: string | null, functions: readonly string[]) =>
    `Unknown function ${quoted(name)}.${suggest(suggestion)} Functions: ${functions.join(', ')}.`,
  notAFunction: (name: string) => `${quoted(name)} is a column, not a function: write it without parentheses.`,
  needsParentheses: (name: string) => `${quoted(name)} is a function: write ${name}(…).`,
  wrongArgumentCount: (name: string, expected: string, got: number) =>
    `${name}(…) takes ${expected}, but ${got === 1 ? 'one was' : `${got} were`} given.`,
  nestedAggregate: (inner: string, outer: string) =>
    `${inner}(…) cannot go inside ${outer}(…): an aggregate already turns all rows into one number.`,
  rowLevelResult: (column: string) =>
    `The formula gives one number per row (${quoted(column)} is used outside an aggregate). Wrap it in sum(…), mean(…), min(…), max(…) or count(…).`,
  expectedOperand: (token: string) =>
    token === '' ? 'The formula ends too early: a number, a column or “(” should follow.' : `Expected a number, a column or “(” where ${quoted(token)} is.`,
  unexpectedToken: (token: string) => `${quoted(token)} is not expected here: an operator or the end of the formula is.`,
  unclosedParenthesis: () => 'A “(” is never closed: add “)”.',
  expectedCommaOrClose: (token: string) =>
    token === '' ? 'The formula ends inside a function call: add “)”.' : `Expected “,” or “)” where ${quoted(token)} is.`,
  formulaTooLong: (limit: number) => `The formula is longer than ${limit} characters; shorten it.`,
  tooDeep: () => 'The formula is nested too deeply.',
  missingColumn: (column: string) => `This forecast has no ${quoted(column)} values (e.g. no P10/P90 interval), so the formula cannot use it.`,
} as const;

/** Labels, notes and field errors of the Scope panel (src/ui/ScopePanel.svelte and src/ui/scope/). */
export const scopePanelTexts = {
  problemTitle: 'The problem',
  problemTerms: { forecast: 'Forecast', decision: 'Decision', judgedBy: 'Judged by' },
  gatesTitle: 'Promotion gates',
  gatesNote: 'What a model version must meet to become champion (Registry and Retrain stages). Empty: not checked.',
  inPercent: (label: string) => `${label} (%)`,
  candidatesTitle: 'Ways to solve it',
  candidateColumns: { name: 'Solution', how: 'How', value: 'Value', feasibility: 'Feasibility' },
  thisNotebook: 'built here',
  requirementsTitle: 'Business requirements',
  horizon: 'Forecast horizon (periods)',
  horizonDefault: (periods: number, frequency: string) => `Default for ${frequency} data: ${periods} periods. Leave empty to use it.`,
  horizonSet: (periods: number, frequency: string) => `Forecasting ${periods} ${frequency} periods ahead.`,
  noDataFrequency: 'daily (no data loaded yet)',
  predictionFrequency: 'Prediction frequency',
  sameAsData: (frequency: string) => `Same as the data (${frequency})`,
  latency: 'Latency budget (ms)',
  explainability: 'Explainability need',
  explainabilityLevels: { low: 'Low', medium: 'Medium', high: 'High' },
  compliance: 'Compliance notes',
  compliancePlaceholder: 'e.g. no personal data; keep forecasts 2 years',
  budget: 'Budget',
  budgetPlaceholder: 'e.g. 2 person-weeks',
  team: 'Team',
  teamPlaceholder: 'e.g. 1 analyst, 1 planner',
  costTitle: 'What a forecast error costs',
  costFields: {
    unitPrice: 'Unit price',
    unitCost: 'Unit cost',
    holdingCostPerUnitPerPeriod: 'Holding cost per unit per period',
    stockoutPenaltyPerUnit: 'Stockout penalty per unit',
  },
  costDefaults: (frequency: string) => `Defaults for ${frequency} data (price 10, cost 6, holding 25 % of cost a year, penalty 1). Enter your own figures for money that means something.`,
  costCustom: 'Your own figures. Overstock is charged holding cost; unmet demand loses its margin (price − cost) plus the penalty.',
  resetCost: 'Reset to defaults',
  rolesTitle: 'Key metrics per role',
  primaryMetric: 'Primary accuracy metric',
  openOnly: 'Score only open periods (when the data has an open/closed column)',
  openOnlyHelp: 'Retail forecasts are judged on the days a shop is open: a closed day’s 0 is known in advance, every model forecasts it as 0, and no model should earn credit for it.',
  primaryBadge: 'primary',
  customTitle: 'Your own metrics',
  customIntro: 'A formula over the evaluated rows, computed for every model beside the built-in metrics. It is parsed, never run as code.',
  customHelp: (fields: readonly string[], functions: readonly string[]) =>
    `Columns: ${fields.join(', ')}. Functions: ${functions.join(', ')}. Operators: + - * / ^ and comparisons (< <= > >= == !=, giving 1 or 0).`,
  customExample: 'Example: sum(max(actual - forecast, 0)) * (price - cost) is the margin lost to stockouts.',
  metricName: 'Name',
  metricFormula: 'Formula',
  addMetric: 'Add a metric',
  removeMetric: 'Remove',
  formulaOk: 'ok',
  formulaUnsaved: 'not saved: fix the formula; the notebook keeps the last valid one',
  formulaSaveHint: 'Saved when you leave the field or press Enter.',
  tooManyMetrics: (limit: number) => `At most ${limit} metrics.`,
  metricNameMissing: () => 'Give the metric a name.',
  metricNameTooLong: (limit: number) => `A name has at most ${limit} characters.`,
  metricNameTaken: (name: string) => `Another metric is already called ${quoted(name)}.`,
  numberRequired: () => 'Enter a number.',
  notANumber: (text: string) => `${quoted(text)} is not a number.`,
  notWhole: () => 'Enter a whole number.',
  outOfRange: (min: number, max: number) => `Enter a number from ${min} to ${max}.`,
  valueTitle: 'Value estimate',
  valuePending: 'Shown once a model is evaluated: the expected yearly savings of the best model over the current method (seasonal naive), in money, from the cost model above.',
  valueSavings: (model: string, current: string) => `Expected yearly savings of ${model} over ${current} (the current method)`,
  valueLoss: (model: string, current: string) => `${model} costs more than the current method (${current}): it is not worth deploying as it is.`,
  valueBasis: (horizon: number, periodsPerYear: number) =>
    `Cost of forecast error over the test window of ${horizon} periods (the one figure the Evaluate stage's business view shows), scaled to a year (× ${periodsPerYear} / ${horizon}). A rough order of magnitude: it assumes the test window is typical of the year.`,
  valueNoBest: () => 'This run has no trained model to value (only baselines ran).',
  valueNoCurrent: (current: string) => `This run has no ${current} result to compare with.`,
  valueNoCost: () => 'This run has no cost of forecast error (a model or the current method has no evaluated rows).',
  perYear: 'a year',
  costOf: (name: string) => `Cost of forecast error, ${name}`,
  modelLabel: {
    ridge: 'Ridge regression',
    mlp: 'MLP',
    cnn: 'CNN',
    naive: 'Naive (last value)',
    'seasonal-naive': 'Seasonal naive',
    'moving-average': 'Moving average',
    ets: 'ETS (automatic exponential smoothing)',
    theta: 'Theta',
    arima: 'ARIMA (automatic)',
    calendar: 'Calendar regression',
    'ensemble-mean': 'Ensemble (mean of the best models)',
    'ensemble-median': 'Ensemble (median of the best models)',
  },
} as const;
