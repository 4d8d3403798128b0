// User-facing texts for the notebook shell: links, configuration, stages.
import type { CellStatus } from '../notebook/cell-graph';

export const configHashUnreadable = (): string =>
  'This link’s notebook settings could not be read (the part after # is damaged), so the notebook opened with its defaults.';

export const configNotAnObject = (): string =>
  'This link’s notebook settings are not a settings object, so the notebook opened with its defaults.';

export const exampleTooLarge = (maxRows: number): string =>
  `the example is limited to ${maxRows.toLocaleString('en-US')} rows: stores × products × days`;

export const exampleLimitNote = (maxRows: number): string =>
  `Up to ${maxRows.toLocaleString('en-US')} rows (stores × products × days): fewer days are generated when more would not fit.`;

export const configFieldInvalid = (field: string, detail: string): string =>
  `The link’s “${field}” setting was invalid (${detail}); its default is used instead.`;

export const stageNotBuilt = (): string =>
  'This stage is not built yet. Its explanation above says what it will do; nothing below is simulated or faked.';

export const importedDatasetMissing = (name: string): string =>
  `This notebook uses your file “${name}”, which is not stored in this browser. Import the same file on the Data stage to continue, or pick another dataset there.`;

export const unexpectedError = (detail: string): string =>
  `Something went wrong: ${detail}. Your stored data is untouched; reload the page to start this stage again.`;

export const loadCancelled = (): string => 'Loading was cancelled. Nothing was changed: the previous data is still in use.';

export const dataNotUsable = (): string =>
  'The data has problems that leave nothing to work with (see the validation report on the Data stage). Fix the file or choose another dataset.';

export const dataNotLoaded = (): string => 'Load a dataset on the Data stage first.';

export const cellNeedsFirst = (titles: string[]): string =>
  `This needs “${titles.join('”, “')}” first. ${titles.length === 1 ? 'It waits' : 'They wait'} for a click because ${titles.length === 1 ? 'it takes' : 'they take'} a while: press its Run button, then this one.`;

export const workerFailed = (detail: string): string =>
  `The background worker stopped unexpectedly (${detail}). Your stored data is untouched; reload the page to continue.`;


export const savedNotebookName = (datasetName: string, when: string): string => `${datasetName} — saved ${when}`;

export const runAllDone = (version: string): string =>
  `Run all is done: ${version} is the champion and the simulated endpoint serves it. Next: on the Deploy stage, pick a drift scenario and press Play; Monitor raises the alerts and Retrain tells what the retraining did.`;

export const runAllHeld = (reason: string): string => `Run all stopped at the Registry, before Deploy: ${reason}`;

/** The heading of the page's storage section, which the saved-notebook notice points to. */
const STORAGE_TITLE = 'Stored in this browser';

export const notebookSaved = (): string =>
  `Notebook saved in this browser (see ${STORAGE_TITLE}). Opening Forecast Lab without a link now opens it.`;

export const resumedNotebook = (name: string): string => `Opened the notebook you saved last, “${name}”.`;

export const storedItemUnreadable = (name: string): string =>
  `“${name}” could not be opened: its stored settings are not ones this version of Forecast Lab understands.`;

export const fileRejected = (name: string): string =>
  `“${name}” cannot be used as it is, so nothing was changed: the data in use and everything stored are as before. Here is why:`;

export const featuresStrategy = (): string =>
  'Forecasts are made recursively, one period at a time: each row’s features use only sales before its date (lags, rolling windows ending the period before) and what is known in advance for its own date (calendar, planned price and promotion, holidays). Over the horizon, each predicted value becomes the next step’s lag. This keeps the training table at one row per period, small enough for a browser, and the backtest feeds predictions back exactly as real use would, so errors that build up over the horizon show in the metrics.';

export const MODEL_TITLES: Record<'ridge' | 'mlp' | 'cnn', string> = {
  ridge: 'Linear (ridge)',
  mlp: 'Neural network (MLP)',
  cnn: 'Convolution over the lags (CNN)',
};

export const networksLeftOutNote = (trainRows: number, minimum: number): string =>
  `The MLP and the CNN are left out by default: ${trainRows.toLocaleString('en-US')} training rows are too few for networks with thousands of weights (they join from ${minimum.toLocaleString('en-US')}). Tick them to train them anyway.`;

/** The Train stage's choice of how the networks forecast several steps ahead (ModelsConfig.strategy). */
export const STRATEGY_TITLES = {
  recursive: 'recursive (one step at a time, each prediction fed back as the next lag)',
  direct: 'direct (every step at once, one output per step)',
} as const;

export const strategyNote =
  'Recursive sees each day’s own calendar and promotions but can compound its errors over the horizon; direct cannot compound them, but learns every step from the first step’s features (and has more outputs to learn). Both are scored on the same folds, so the leaderboard says which suits this data.';

export const determinismIdentical = (windows: number): string =>
  `Identical: all ${windows} model × window results match to the last bit (same seed, data and backend).`;

export const determinismDiffers = (max: string): string =>
  `Not identical: the MAE differs by up to ${max} between the two runs. Check that the backend did not change between them.`;

/** The page's header, its banners and the stored-in-this-browser section. */
export const appTexts = {
  brand: 'Forecast Lab',
  tagline: 'the machine-learning lifecycle of a sales forecast, in your browser',
  runAll: 'Run all',
  save: 'Save notebook',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  storage: 'Storage',
  skipToStage: 'Skip to the current stage',
  startFresh: 'Start from the example instead',
  goThere: 'Go there',
  dismiss: 'Dismiss',
  /** The name a notebook is saved under when no dataset gives it one. */
  untitled: 'Notebook',
  runsTitle: 'Runs stored in this browser',
  storageTitle: STORAGE_TITLE,
  storageIntro: "Everything Forecast Lab keeps lives in this browser's IndexedDB: nothing is uploaded. Export a backup to move it or keep it safe.",
} as const;

/** A cell's bar and the stage rail: run buttons, status badges, a stage that failed. */
export const cellTexts = {
  run: 'Run',
  runHelp: 'Run this cell (Shift+Enter)',
  label: (title: string, status: string) => `${title} (${status})`,
  status: { 'not-run': 'not run', fresh: 'fresh', stale: 'stale', running: 'running', error: 'error' } satisfies Record<CellStatus, string>,
  stages: 'Lifecycle stages',
  notBuilt: 'not built yet',
  retryStage: 'Try this stage again',
} as const;
