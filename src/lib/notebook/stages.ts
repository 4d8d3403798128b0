/**
 * The lifecycle, written down once. The rail, the sections and the cell graph all read from this list.
 *
 *   Scope → Data → Explore → Features → Train → Evaluate → Registry → Deploy → Monitor → Retrain
 *
 * Each stage explains itself in two or three plain sentences: what it is, why it matters, what to look for.
 */
export type StageId =
  | 'scope'
  | 'data'
  | 'explore'
  | 'features'
  | 'train'
  | 'evaluate'
  | 'registry'
  | 'deploy'
  | 'monitor'
  | 'retrain';

export interface StageInfo {
  id: StageId;
  title: string;
  /** What the stage is for, why it matters and what to look for; shown to learners at the top of the stage. */
  explanation: string;
  /** False while the stage's cells are still to be built: the notebook says so instead of showing fake output. */
  built: boolean;
}

export const STAGES: readonly StageInfo[] = [
  {
    id: 'scope',
    title: 'Scope',
    explanation:
      'Before any data, decide what the forecast is for: how many units of each product each shop will sell, so it can buy the right amount. ' +
      'Write down the horizon, what an error costs in money and stockouts, and which metric each role cares about. ' +
      'Every later stage is judged against these choices.',
    built: true,
  },
  {
    id: 'data',
    title: 'Data',
    explanation:
      'Load the sales history: the built-in product-sales example, a real public dataset, or your own CSV. ' +
      'The importer maps your columns (date, sales, series keys, covariates), infers the frequency and checks every row before anything is used. ' +
      'Look at the validation report: bad dates, duplicates and gaps quietly ruin forecasts if nobody decides what to do with them.',
    built: true,
  },
  {
    id: 'explore',
    title: 'Explore',
    explanation:
      'Look at the data before modelling it: level and trend over time, the weekly and yearly rhythm, how promotions and prices move sales. ' +
      'Patterns you see here become features later; oddities (outliers, long runs of zero sales, stockouts) become cleaning decisions. ' +
      'Check that what you see matches what you know about the business.',
    built: true,
  },
  {
    id: 'features',
    title: 'Features',
    explanation:
      'Turn the sales table into inputs a model can learn from: recent sales (lags), rolling averages, calendar, price and promotion. ' +
      'Every feature must be knowable at the moment the forecast is made, or the model cheats in testing and fails in use (leakage). ' +
      'The feature spec is plain JSON, stored with every run, so any result can be replayed.',
    built: true,
  },
  {
    id: 'train',
    title: 'Train',
    explanation:
      'Fit models on the past, pick the best on backtest folds, and keep the most recent periods aside as a test the pick never sees. ' +
      'Simple baselines (last value, same period last season) compete beside classical models (ETS, Theta, ARIMA), neural networks and ensembles, and may win: a model that cannot beat them is not worth deploying. ' +
      'Training runs in background workers with live loss curves; runs are seeded, so the same settings give the same result.',
    built: true,
  },
  {
    id: 'evaluate',
    title: 'Evaluate',
    explanation:
      'Judge each model on periods it never saw, through three lenses: accuracy for the data scientist, stockouts and overstock for the store expert, money for the business. ' +
      'A lower error is only better if it lowers the cost of being wrong. ' +
      'Look at errors by horizon, by store and on holidays and promotions, not just the average.',
    built: true,
  },
  {
    id: 'registry',
    title: 'Registry',
    explanation:
      'Register the models worth keeping as versions with their full lineage: data, features, settings, metrics. ' +
      'Promotion gates from the Scope decide which version may become the champion; every promotion and rollback is recorded. ' +
      'A model card says what each version is for and where it should not be trusted.',
    built: true,
  },
  {
    id: 'deploy',
    title: 'Deploy',
    explanation:
      'Serve the champion as a simulated prediction endpoint while simulated days pass after the training cutoff. ' +
      'Actual sales arrive later than forecasts, as in a real shop, and serving speed and errors are measured. ' +
      'Shadow and canary modes let a challenger prove itself without risk.',
    built: true,
  },
  {
    id: 'monitor',
    title: 'Monitor',
    explanation:
      'The world changes after deployment: prices rise, a competitor opens, an upstream system starts sending cents instead of units. ' +
      'Monitoring compares incoming data and errors with the training reference and raises alerts that explain themselves. ' +
      'Watch for drift in inputs, predictions and actuals, and for rising business cost.',
    built: true,
  },
  {
    id: 'retrain',
    title: 'Retrain',
    explanation:
      'When monitoring says the model has gone stale, train a challenger on newer data and compare it with the champion on the latest actuals. ' +
      'Policies decide when: by hand, on a schedule, on a drift alert or when performance decays. ' +
      'The timeline shows the whole story: drift, alert, retrain, recovery.',
    built: true,
  },
];

export function stageInfo(id: StageId): StageInfo {
  const found = STAGES.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown stage: ${id}`);
  return found;
}
