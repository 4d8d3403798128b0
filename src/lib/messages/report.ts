// User-facing texts of the shareable report (src/lib/report) and of the downloads every chart and table offers.

/** The report's headings, labels and the sentences that stand in for what has not run yet. */
export const reportTexts = {
  button: 'Download report',
  busy: 'Writing report…',
  buttonHelp: 'One HTML file of the notebook as it stands (scope, data, leaderboard, the three role views, registry, operations), charts included, for someone who will not open the app.',
  failed: (detail: string) => `The report could not be written: ${detail}`,
  title: 'Forecast Lab report',
  subtitle: (dataset: string, generated: string) => `${dataset} · written ${generated}`,
  intro:
    'The sales-forecasting notebook as it stood when this file was written: what the forecast is for, the data, how the candidate models compared, ' +
    'the chosen model read by the data scientist, the demand planner and the business, the model registry, and how the served model fared in operation.',
  contents: 'Contents',
  notRunYet: 'Not run yet.',
  chartNotRun: (title: string) => `${title}: not run yet.`,
  chartFailed: (title: string) => `${title}: could not be drawn.`,
  footer: 'Written by Forecast Lab in the browser; the file needs no network and runs no script.',
  sections: {
    scope: 'Scope',
    data: 'Data summary',
    leaderboard: 'Leaderboard',
    roles: 'Three role views',
    registry: 'Model registry',
    operations: 'Operations timeline',
  },
  scope: {
    problem: 'The problem',
    requirements: 'Requirements',
    horizon: 'Forecast horizon',
    horizonValue: (periods: number, frequency: string) => `${periods} ${frequency === 'monthly' ? 'months' : frequency === 'weekly' ? 'weeks' : 'days'}`,
    primaryMetric: 'Primary accuracy metric',
    predictionFrequency: 'Forecasts made',
    sameAsData: 'as often as the data',
    latency: 'Latency budget',
    latencyValue: (ms: number) => `${ms} ms`,
    explainability: 'Explainability need',
    compliance: 'Compliance notes',
    budget: 'Budget',
    team: 'Team',
    unset: '–',
    cost: 'What a forecast error costs',
    costDefaults: 'the defaults for the data’s frequency',
    costColumns: { item: 'Item', value: 'Per unit' },
    value: 'Estimated value',
    valuePending: 'No training run yet: the value estimate needs one.',
  },
  data: {
    facts: 'Facts',
    issues: 'Validation report',
    noIssues: 'No problem found in the file.',
    issueColumns: { severity: 'Severity', count: 'Rows', message: 'What was found' },
    afterCleaning: 'After cleaning',
    afterCleaningValue: (rows: number, series: number) => `${rows.toLocaleString('en')} rows, ${series.toLocaleString('en')} series`,
  },
  leaderboard: {
    caption: 'Every candidate model and baseline, ranked by the selection score (backtest folds before the test window).',
  },
  roles: {
    model: (model: string) => `The views read ${model}, the run’s pick.`,
    table: (role: string) => `${role}: metrics`,
  },
  registry: {
    versions: 'Versions',
    aliases: 'Aliases',
    aliasValue: (alias: string, version: string) => `${alias}: ${version}`,
    noAlias: 'No alias is set.',
    gates: (version: string) => `Promotion gates for ${version}`,
    audit: 'Audit trail',
    empty: 'No model version is registered yet.',
  },
  operations: {
    events: 'What happened',
    eventColumns: { date: 'Date', kind: 'Kind', what: 'What' },
    summary: 'Recovery',
    versions: 'Versions in the simulation',
  },
  metricColumns: { metric: 'Metric', test: 'Test window', backtest: 'Backtest mean' },
} as const;

/** The buttons under every chart and table: a visible short label and a name saying what is saved. */
export const downloadTexts = {
  png: 'PNG',
  svg: 'SVG',
  csv: 'CSV',
  /** A chart or table with no title of its own. */
  chart: 'chart',
  table: 'table',
  chartAs: (title: string, format: 'PNG' | 'SVG') => `Download ${title} as ${format}`,
  tableAs: (title: string) => `Download ${title} as CSV`,
  /** Tables with no heading of their own to name their download by. */
  tables: { models: 'Neural models', backtestPlan: 'Backtest plan', servingFigures: 'Serving figures' },
  failed: (detail: string) => `The file could not be written: ${detail}`,
} as const;
