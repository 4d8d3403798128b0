// User-facing texts for the model registry: versions, aliases, promotion gates, the audit trail and the model card
// (src/lib/registry). Numbers reach these functions already formatted.
import type { Actor, Alias, AuditEntry, ModelVersion, PromotionGates } from '../registry/types';

const quoted = (text: string): string => `“${text}”`;
const PERIOD_NAMES: Readonly<Record<string, string>> = { daily: 'day', weekly: 'week', monthly: 'month' };
/** The Registry's checkbox, which the refusal of a champion that fails its gates names. */
const OVERRIDE_GATES = 'override the gates';

/** Why an action on the registry was refused (thrown as Error messages). */
export const registryMessages = {
  damagedRegistry: (reason: string) =>
    `The stored registry of this dataset cannot be read (${reason}). It is left as it is: delete it under “Stored in this browser” to start a new one, or restore a good backup.`,
  notServable: (pick: string, offered: string | null) =>
    `The run’s auto pick, ${pick}, is not served by the simulated endpoint yet (it serves neural models and baselines); ${offered ? `${offered}, the best servable model by the same selection score, is offered instead` : 'no servable model is left'}.`,
  emptyName: () => 'A registered model needs a name.',
  noReason: () => 'Say why: every change to the registry is written to the audit trail with its reason.',
  invalidTime: () => 'The time of this registry action is not a valid date.',
  unknownVersion: (id: string, registry: string) => `There is no version ${quoted(id)} in the registered model ${quoted(registry)}.`,
  aliasAlreadySet: (alias: Alias, version: string) => `${version} already is the ${alias}.`,
  championAsChallenger: (version: string) =>
    `${version} is the champion, so it cannot also be the challenger: a challenger is measured against the champion.`,
  noChallenger: () => 'There is no challenger to promote: set the challenger alias on a version first.',
  noPreviousChampion: () => 'There is no previous champion to roll back to: the champion has never been replaced.',
  championGatesFailed: (failures: readonly string[]) =>
    `Not registered: a champion must pass the Scope's promotion gates, and this model fails ${failures.length === 1 ? 'one' : failures.length}: ${failures.join(' ')} Register it as challenger or with no alias, or tick ${quoted(OVERRIDE_GATES)} and say why.`,
  gatesFailed: (gates: readonly string[]) =>
    `The retrain policy cannot promote a challenger that fails its gates (${gates.join(', ')}); a person may, with a reason.`,
  archiveChampion: (version: string) =>
    `${version} is the champion, so it cannot be archived: serving would have no model. Promote another version or roll back first.`,
  unknownModel: (model: string, models: readonly string[]) =>
    `The run has no model ${quoted(model)}; it has ${models.map(quoted).join(', ')}.`,
  /** The reason a registration is given unless the user writes another. */
  defaultWhy: 'Best servable model of this run, ranked on the selection folds',
  nothingToServe: 'The trained run has no model the simulated endpoint can serve, so nothing was registered.',
  runAllWhy: 'Registered by Run all: the best servable model of the run, ranked on the selection folds',
  finalFit: (rows: number, epochs: number, end: string) =>
    `Fitted for serving on every row up to ${end} (${rows.toLocaleString('en-US')} rows, the test window’s included) for ${epochs} ${epochs === 1 ? 'epoch' : 'epochs'}, the count early stopping chose on the backtest folds' validation periods. Its metrics were measured on the test window before this fit.`,
  finalFitOtherData: () =>
    'This run was trained with another column mapping or cleaning than the data now loaded: open the run’s notebook (its link on the Runs stage) before registering it, so the version is fitted on the data it was judged on.',
  noTestWindow: (model: string) => `The run has no test window for ${quoted(model)}, so there is nothing to register it by.`,
  noStoredWeights: (model: string) => `The run's weights for ${quoted(model)} are not stored, and its final fit continues from them: train again to register it.`,
  gateRange: (gate: keyof PromotionGates, min: number, max: number) =>
    `The promotion gate ${quoted(gate)} must be empty (not checked) or a number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.`,
  gatesNotObject: () =>
    'The promotion gates must be an object with exactly maxWape, minImprovementOverBaseline, maxCost and ' +
    'minImprovementOverChampion, each a number or empty.',
} as const;

/** What each gate checks, and the sentence that says how a version did on it. */
export const gateTexts = {
  label: {
    maxWape: 'Test WAPE at most',
    minImprovementOverBaseline: 'Better than seasonal naive by at least',
    maxCost: 'Cost of error at most',
    minImprovementOverChampion: 'Better than the champion on the newest actuals by at least',
  } satisfies Record<keyof PromotionGates, string>,
  maxWape: (value: string, threshold: string, pass: boolean) =>
    `Test WAPE ${value} is ${pass ? 'within' : 'above'} the limit of ${threshold}.`,
  maxCost: (value: string, threshold: string, pass: boolean) =>
    `Cost of forecast error ${value} is ${pass ? 'within' : 'above'} the limit of ${threshold}.`,
  improvement: (what: string, improvement: string, threshold: string, pass: boolean) =>
    `WAPE is ${improvement} than ${what}’s; the gate asks for at least ${threshold} lower${pass ? '' : ', so it fails'}.`,
  baseline: 'seasonal naive',
  champion: 'the champion on the newest actuals',
  lower: (percent: string) => `${percent} lower`,
  higher: (percent: string) => `${percent} higher`,
  missingWape: (threshold: string) => `The test WAPE is unknown (no sales in the test window?), so the limit of ${threshold} cannot be checked.`,
  missingCost: (threshold: string) => `The cost of forecast error is unknown, so the limit of ${threshold} cannot be checked.`,
  missingBaseline: () => 'The improvement over seasonal naive is unknown: this version or seasonal naive has no test WAPE (or seasonal naive’s is 0).',
  missingChampion: () =>
    'The improvement over the champion is unknown: score the champion and the challenger on the same newest actuals first.',
  noChampion: () => 'There is no champion yet, so there is nothing to beat.',
} as const;

/** Labels of the audit trail (src/ui and the model card). */
export const auditTexts = {
  columns: { when: 'When', action: 'Action', version: 'Version', why: 'Why', actor: 'Who', gates: 'Gates' },
  actor: { you: 'you', auto: 'auto (retrain policy)' } satisfies Record<Actor, string>,
  action: (action: AuditEntry['action'], alias: Alias | undefined, previous: string | null): string => {
    if (action === 'register') return 'registered';
    if (action === 'archive') return alias === undefined ? 'archived' : `archived (was ${alias})`;
    const from = previous === null ? '' : ` (was ${previous})`;
    if (action === 'promote') return `promoted to champion${from}`;
    if (action === 'rollback') return `rolled back to champion${from}`;
    return `set as ${alias ?? 'alias'}${from}`;
  },
  gatesSummary: (passed: number, total: number) => (total === 0 ? '' : passed < total ? `${passed} of ${total} passed: overridden` : `${passed} of ${total} passed`),
  empty: 'Nothing has happened in this registry yet.',
} as const;

/** The model card's headings and its default sentences. Markdown, so it can be downloaded and read anywhere. */
export const modelCardTexts = {
  title: (registry: string, version: number, model: string) => `Model card: ${registry} v${version} (${model})`,
  aliases: (aliases: readonly string[]) => `Aliases: ${aliases.length === 0 ? 'none' : aliases.join(', ')}.`,
  created: (created: string, source: 'train' | 'retrain') =>
    `Registered ${created}, from ${source === 'train' ? 'a training run' : 'a retrain'}.`,
  sections: {
    intendedUse: 'Intended use',
    data: 'Data and features',
    metrics: 'Metrics',
    limitations: 'Limitations',
    lineage: 'Lineage',
    drift: 'Drift history',
    audit: 'Audit',
  },
  intendedUse: (what: string, period: string, horizon: string) =>
    `Forecasts ${what} per ${period}, ${horizon}, so the shop can buy the right ` +
    'amount: enough to serve demand without leftovers that cost money to keep.',
  /** What is forecast, from the data's key columns: none (one series), one ('store'), or several. */
  unitsOf: (keys: readonly string[] | undefined): string => {
    if (keys === undefined) return 'the units sold of each series';
    if (keys.length === 0) return 'the units sold';
    if (keys.length === 1) return `the units sold of each ${keys[0]}`;
    return `the units sold of each combination of ${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}`;
  },
  notFor:
    'Not for: setting prices or judging promotions (the model learned how sales followed past prices, not what a new ' +
    'price would cause), products or stores without sales history, financial reporting, or any decision about people.',
  /** The period a frequency counts in ('daily' → 'day'); 'period' when unknown. */
  periodOf: (frequency: string | undefined): string => PERIOD_NAMES[frequency ?? ''] ?? 'period',
  horizonAhead: (horizon: number, period: string) => `up to ${horizon} ${horizon === 1 ? period : `${period}s`} ahead`,
  someHorizon: 'a few periods ahead',
  field: 'Field',
  value: 'Value',
  metric: 'Metric',
  data: {
    dataset: 'Dataset (SHA-256)',
    trainingWindow: 'Training window',
    window: (start: string, end: string) => `${start} to ${end}`,
    allHistory: 'start of the history',
    lags: 'Lags (periods)',
    rolling: 'Rolling windows',
    calendar: 'Calendar',
    covariates: 'Covariates (known in advance)',
    seriesIdentity: 'Series identity',
    target: 'Target transform',
    scale: 'Input scaling',
    none: 'none',
    unreadable: (problem: string) => `The feature spec cannot be read: ${problem}`,
  },
  calendar: {
    dayOfWeek: 'day of week',
    month: (encoding: string) => `month (${encoding})`,
    weekOfYear: 'week of year',
    holiday: (column: string) => `holiday flag ${quoted(column)}`,
    holidayDistance: 'days to and from holidays',
  },
  rolling: (window: number, stats: readonly string[]) => `${window} (${stats.join(', ')})`,
  roles: { dataScientist: 'Data scientist', planner: 'Demand planner', business: 'Business' },
  metricsIntro: 'Measured on the test window, the last periods of the data, by the model as fitted before them; a network is fitted once more on every row before it is registered (see above).',
  metricLabel: {
    wape: 'WAPE',
    mase: 'MASE',
    mae: 'MAE (units)',
    rmse: 'RMSE (units)',
    bias: 'Bias (forecast − actual, units)',
    coverage80: 'P10–P90 coverage',
    serviceLevel: 'Service level',
    stockoutUnits: 'Stockout units',
    overstockUnits: 'Overstock units',
    cost: 'Cost of forecast error',
    baselineCost: 'Cost of error of seasonal naive',
    savings: 'Savings vs seasonal naive',
    baselineWape: 'WAPE of seasonal naive',
    improvement: 'WAPE improvement over seasonal naive',
  },
  limitations: [
    'Forecasts are recursive: each step’s prediction feeds the next step’s lags, so errors accumulate and the last ' +
      'steps of the horizon are the least accurate.',
    'It learned from sales history only: it knows nothing of competitors, new products, stock-outs that hid demand, ' +
      'or price levels and promotions unlike those it has seen.',
    'Series with a short history (new products or stores) have few lags to learn from and are forecast worse.',
    'The metrics come from one test window; a season or event it did not contain may behave differently.',
  ],
  lineage: {
    run: 'Training run',
    source: 'Source',
    seed: 'Seed',
    backend: 'Backend',
    parent: 'Parent version',
    description: 'Description',
    spec: 'Model spec',
    noRun: 'none (retrained in the simulation)',
    noParent: 'none',
    noBackend: 'not recorded',
    baseline: 'a baseline: no trainable spec',
  },
  drift: { when: 'When', what: 'What was found' },
  notMonitored: 'Not monitored yet.',
} as const;

/** "v3": a version as people name it. */
export const versionName = (version: number): string => `v${version}`;

/** The Registry stage's labels: the register form, the versions table, the gates and the audit trail. */
export const registryPanelTexts = {
  registerLegend: 'Register a trained model',
  noRuns: 'No finished training run of this dataset is stored yet: train on the Train stage, then register its best model here.',
  run: 'Run',
  runOption: (id: string, created: string, best: string | null) => `${id} · ${created} · best ${best ?? '–'}`,
  model: 'Model',
  as: 'As',
  alias: { champion: 'champion', challenger: 'challenger' } satisfies Record<Alias, string>,
  noAlias: 'no alias',
  why: 'Why',
  overrideHelp: "A champion must pass the Scope's promotion gates; overriding records your reason with the failed gates in the audit trail.",
  override: OVERRIDE_GATES,
  register: 'Register',
  columns: {
    version: 'Version',
    model: 'Model',
    source: 'Source',
    trainedThrough: 'Trained through',
    wape: 'WAPE',
    baselineWape: 'Seasonal naive WAPE',
    cost: 'Cost of error',
    aliases: 'Aliases',
    /** Read by screen readers only: the column of buttons needs no visible heading. */
    actions: 'Actions',
  },
  source: { train: 'training run', retrain: 'retrained' } satisfies Record<ModelVersion['source'], string>,
  makeChampion: 'Make champion',
  makeChallenger: 'Make challenger',
  chosenByHand: 'Chosen by hand on the Registry stage',
  modelCard: 'Model card',
  downloadCard: 'Download .md',
  gatesFor: 'Gates for',
  gatesFrom: (alias: string) => `(${alias}), from the Scope stage:`,
  noGates: 'No gate is set on the Scope stage.',
  auditTitle: (entries: number) => `Audit trail (${entries})`,
  auditTable: 'Audit trail',
  versionsTable: 'Model versions',
  simulatedVersionsTable: 'Model versions in the simulation',
  promote: 'Promote challenger',
  promotedByHand: 'Promoted by hand on the Registry stage',
  rollback: 'Roll back champion',
  rolledBackByHand: 'Rolled back by hand on the Registry stage',
  empty: 'Nothing is registered for this dataset yet.',
  simulatedTitle: 'In the running simulation',
  simulatedNote:
    'Versions retrained on simulated data and the promotions the simulation made belong to that story: they are shown here, never written over the registry above, so the same link replays the same story.',
  close: 'Close',
} as const;
