// User-facing texts for the runs table and run comparison (src/lib/runs, src/ui/RunsPanel.svelte).
import type { RunStatus } from '../storage/records';

/** A stored run's status, or 'unreadable' when its record cannot be read (see runs/read-run). */
type RunRowStatus = RunStatus | 'unreadable';

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

export const runStatusLabels: Record<RunRowStatus, string> = {
  running: 'running',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
  interrupted: 'interrupted',
  unreadable: 'cannot be read',
};

/** The status badge's tooltip: what happened to the run. */
export const runStatusExplanations: Record<RunRowStatus, string> = {
  running: 'This run is training now (in this tab or another one).',
  done: 'This run finished: every model was trained and scored on the backtest.',
  failed: 'This run stopped on an error before it finished, so it has no results (or only some).',
  cancelled: 'Training was stopped with the Cancel button before the run finished.',
  interrupted:
    'The page was reloaded or the tab was closed while this run was training, so it never finished. ' +
    'Its configuration is kept: open it and train again to get results.',
  unreadable:
    'This stored run is damaged or was written by another version of Forecast Lab, so it cannot be shown, opened ' +
    'or compared. You can delete it.',
};

/** Why a stored record cannot be used (shown in its row). */
export const runProblems = {
  notAnObject: 'This stored run cannot be read: it is not a run record.',
  noId: 'This stored run cannot be read: it has no id.',
  badStatus: (found: string): string => `This stored run cannot be read: its status ${found} is unknown.`,
  noConfig: 'This stored run cannot be read: its configuration is missing.',
  metricsUnreadable: 'The results of this run cannot be read; its configuration can still be opened.',
} as const;

export const runsLabels = {
  title: 'Runs',
  empty: 'No training runs yet. Train models and each run is kept here with its configuration and results.',
  noMatch: 'No run matches the filter.',
  loading: 'Loading runs…',
  count: (shown: number, total: number): string =>
    shown === total ? plural(total, 'run', 'runs') : `${shown} of ${plural(total, 'run', 'runs')}`,
  filterText: 'Filter runs',
  filterPlaceholder: 'id, dataset, model, backend…',
  filterStatus: 'Status',
  filterDataset: 'Dataset',
  allStatuses: 'All statuses',
  allDatasets: 'All datasets',
  tableCaption: 'Stored training runs. Select two to four runs to compare them.',
  columns: {
    created: 'Created',
    id: 'Run',
    dataset: 'Dataset',
    status: 'Status',
    durationMs: 'Duration',
    backend: 'Backend',
    bestModel: 'Best model',
    wape: 'WAPE',
    mase: 'MASE',
    cost: 'Cost',
    baselineWape: 'Baseline WAPE',
    seed: 'Seed',
    horizon: 'Horizon',
  },
  sortBy: (column: string): string => `Sort by ${column}`,
  select: 'Compare',
  selectLabel: (run: string): string => `Select run ${run} for comparison`,
  selectionFull: (max: number): string => `At most ${max} runs can be compared at once.`,
  selectionHint: (count: number, max: number): string =>
    count === 0
      ? `Select two to ${max} runs to compare them.`
      : count === 1
        ? 'Select one more run to compare.'
        : `Comparing ${plural(count, 'run', 'runs')}.`,
  clearSelection: 'Clear selection',
  dismiss: 'Dismiss',
  allModels: 'All models',
  actions: 'Actions',
  open: 'Open',
  openLabel: (run: string): string => `Open run ${run} in the notebook`,
  delete: 'Delete',
  deleteLabel: (run: string): string => `Delete run ${run}`,
  confirmDelete: (run: string): string => `Delete run ${run} for good?`,
  confirmYes: 'Yes, delete',
  cancel: 'Cancel',
  exampleDataset: (stores: number, products: number, days: number): string =>
    `Example (${stores} stores × ${products} products, ${days} days)`,
  noValue: '–',
  durationSeconds: (seconds: number): string => `${seconds} s`,
  durationMinutes: (minutes: number, seconds: number): string => `${minutes} min ${seconds} s`,
  durationHours: (hours: number, minutes: number): string => `${hours} h ${minutes} min`,
  openFailed: 'This run cannot be opened: it was deleted or cannot be read.',
} as const;

export const runCompareLabels = {
  title: 'Comparison',
  runLabel: (shortId: string): string => `Run ${shortId}`,
  reference: 'reference',
  makeReference: 'Use as reference',
  makeReferenceLabel: (run: string): string => `Use run ${run} as the reference`,
  runsCaption: 'Runs compared; deltas are against the reference run.',
  metricsTitle: 'Backtest metrics against the reference',
  metricsCaption:
    'Each model’s backtest metrics per run, with the difference to the reference run underneath: green is better, red is worse.',
  model: 'Model',
  noMetrics: 'None of these runs has results to compare (interrupted, failed or still running).',
  better: 'better',
  worse: 'worse',
  same: 'same',
  curvesTitle: 'Learning curves (final window)',
  curvesLabel: 'Training and validation loss per epoch, one colour per run',
  noCurves: 'None of these runs has a training history (baselines are not trained by epochs).',
  paramsTitle: 'Parameters that differ',
  paramsCaption: 'Only the configuration values that differ from the reference run.',
  parameter: 'Parameter',
  noParams: 'These runs have the same configuration.',
  absent: '(not set)',
  curveTraining: 'training',
  curveValidation: 'validation',
  lossAxis: 'Loss (scaled target)',
  epochAxis: 'Epoch',
  run: 'Run',
  curve: 'Curve',
} as const;

/** How each headline metric is named in the comparison. */
export const runMetricLabels = {
  wape: 'WAPE',
  mase: 'MASE',
  mae: 'MAE',
  rmse: 'RMSE',
  smape: 'sMAPE (%)',
  bias: 'Bias (forecast − actual)',
  coverage80: 'P10–P90 coverage',
  cost: 'Cost of forecast error',
} as const;
