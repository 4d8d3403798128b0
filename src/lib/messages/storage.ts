// User-facing texts for the storage area (the browser database, backups, the Storage panel).

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** Why saving or opening failed, one text per StorageError kind (src/lib/storage/storage-error.ts). */
export const storageErrorMessages = {
  quota:
    "Your browser's storage for this site is full, so this was not saved. To make room, export a backup " +
    '(Storage panel → Export everything), then delete datasets or runs you no longer need, or allow this site ' +
    "more storage in your browser's site settings.",
  blocked:
    'Forecast Lab needs to update its stored data, but another Forecast Lab tab still has the older version open. ' +
    'Close (or reload) the other Forecast Lab tabs to continue.',
  'version-change':
    'Forecast Lab was updated in another tab. Reload this page to keep saving: until then, changes made here are not saved.',
  unavailable:
    'This browser does not let Forecast Lab store data here (for example in a private window), so your work is kept ' +
    'in memory only and will be lost when you close or reload the page. Export a backup to keep it.',
  'newer-version':
    'The data stored here was saved by a newer version of Forecast Lab. Reload the page to get that version; until ' +
    'then your work is kept in memory only and is not saved.',
  closed: 'The connection to the browser storage was closed, so this was not saved. Reload the page to reconnect.',
  unknown: (detail: string): string => `Saving to the browser storage failed (${detail}). Export a backup to be safe.`,
} as const;

/** Reasons a backup file is rejected; `path` reads like `runs[3].status`. */
export const backupMessages = {
  notJson: (detail: string): string => `the file is not valid JSON (${detail})`,
  notObject: 'the file does not contain a Forecast Lab backup (expected a JSON object)',
  tooDeep: (limit: number): string => `the file is damaged: its values are nested more than ${limit} levels deep, which no backup is`,
  wrongFormat: (found: string): string =>
    `the file is not a Forecast Lab backup (its "format" is ${found}, expected "forecast-lab-backup")`,
  badVersion: (found: string): string => `the backup's "version" is ${found}, expected a whole number`,
  newerVersion: (found: number, supported: number): string =>
    `the backup was made by a newer Forecast Lab (backup version ${found}; this one reads up to ${supported}). ` +
    'Reload the page to get the newest version, then try again',
  missing: (path: string): string => `${path}: missing`,
  expected: (path: string, expected: string, received: string): string =>
    `${path}: expected ${expected}, got ${received}`,
  expectedOneOf: (path: string, options: string, received: string): string =>
    `${path}: expected one of ${options}, got ${received}`,
  hashFormat: 'expected a SHA-256 hash (64 lower-case hex digits)',
  timestamp: 'expected an ISO 8601 timestamp like 2024-05-01T12:00:00.000Z',
  nonNegativeInteger: 'expected a whole number, 0 or more',
  nonNegativeNumber: 'expected a number, 0 or more',
  jsonObject: 'expected a JSON object',
  number: 'expected a number',
  storedContent: "expected the file's text or bytes, or nothing",
  wholeRecord: 'the record',
  base64: 'expected base64 text',
  contentRequired: (path: string): string => `${path}: an imported dataset needs its file content`,
  duplicateKey: (path: string, firstPath: string): string => `${path}: the same key as ${firstPath}`,
  hashMismatch: (path: string): string => `${path}: the content does not match its hash (the file was changed or damaged)`,
  issue: (path: string, text: string): string => `${path}: ${text}`,
  moreProblems: (count: number): string => ` (and ${plural(count, 'more problem', 'more problems')})`,
} as const;

/** What the Storage panel tells the user after an action. */
export const storageNotices = {
  exported: (fileName: string, size: string): string => `Saved everything to ${fileName} (${size}).`,
  imported: (counts: { datasets: number; configs: number; runs: number; registries?: number }, replaced: boolean): string =>
    `${replaced ? 'Replaced everything with' : 'Imported'} ${plural(counts.datasets, 'dataset', 'datasets')}, ` +
    (counts.registries
      ? `${plural(counts.configs, 'configuration', 'configurations')}, ${plural(counts.runs, 'run', 'runs')} and ${plural(counts.registries, 'model registry', 'model registries')}.`
      : `${plural(counts.configs, 'configuration', 'configurations')} and ${plural(counts.runs, 'run', 'runs')}.`),
  importRejected: (fileName: string, reason: string): string =>
    `“${fileName}” was not imported: ${reason}. Nothing was changed.`,
  importUnreadable: (fileName: string): string => `“${fileName}” could not be read. Nothing was changed.`,
  deleted: (name: string): string => `Deleted “${name}”.`,
  interrupted: (count: number): string =>
    `${plural(count, 'training run was', 'training runs were')} interrupted when the page closed; ` +
    `${count === 1 ? 'it is' : 'they are'} marked “interrupted” in the list of runs.`,
  damaged: (count: number): string =>
    `${plural(count, 'stored item is', 'stored items are')} damaged and set aside: no stage uses ${count === 1 ? 'it' : 'them'}. ` +
    `${count === 1 ? 'It is' : 'They are'} marked “Damaged” in the lists below, with what is wrong; delete ${count === 1 ? 'it' : 'them'} ` +
    'or restore a backup.',
  exportLeftOut: (count: number): string =>
    ` ${plural(count, 'damaged item was', 'damaged items were')} left out, so that the file imports: ` +
    `${count === 1 ? 'it is' : 'they are'} still marked “Damaged” below.`,
  persistGranted: 'The browser will keep this data unless you delete it yourself.',
  persistDenied:
    'The browser did not promise to keep this data: it may clear it when disk space runs low. Export a backup to be safe.',
} as const;

/** A stored run as the runs table reads it (src/lib/runs/read-run.ts). */
export const storedRunMessages = {
  damaged: (reason: string): string =>
    `This stored run is damaged, so it cannot be opened, compared or registered (${reason}). You can delete it.`,
  notSavedNote:
    'Training finished, but its results could not be stored in this browser; they were offered as a download then.',
} as const;

/** What the Train stage says when a finished run cannot be stored (src/state/run-record.ts). */
export const runSaveMessages = {
  notSaved: (reason: string): string =>
    `Training finished, but this run could not be saved in the browser: ${reason}. Its results stay on this page until ` +
    'you train again, reload or close it. Download the run to keep it: importing that file on the Storage panel later ' +
    '(once there is room) adds the run back.',
  /** Why, in a few words, by StorageError kind (the panel's longer texts are for other actions). */
  reason: (error: { kind: string; message: string }): string =>
    error.kind === 'quota'
      ? "the browser's storage for this site is full"
      : error.kind === 'closed' || error.kind === 'version-change'
        ? 'the connection to the storage was closed (reload the page to save again)'
        : `saving failed (${error.message})`,
  keptAsFailed: 'A short record of the run is kept in the list of runs, marked “failed”, saying its results were not saved.',
  removed: 'The run could not even be marked as unsaved, so it was taken out of the list of runs: nothing half-written is left.',
  leftRunning:
    'The run could not be marked as unsaved either, so the list of runs may show it as “interrupted” after a reload. ' +
    'Its results are only in this page and in the download.',
  download: 'Download this run (JSON)',
} as const;

/** Labels of the Storage panel. */
export const storageLabels = {
  title: 'Storage',
  datasets: 'Datasets',
  configs: 'Saved configurations',
  runs: 'Training runs',
  registries: 'Model registries',
  registryDetail: (versions: number, champion: string | null): string =>
    `${plural(versions, 'version', 'versions')}${champion ? `, champion ${champion}` : ''}`,
  empty: 'Nothing stored yet.',
  name: 'Name',
  size: 'Size',
  created: 'Created',
  details: 'Details',
  actions: 'Actions',
  open: 'Open',
  openLabel: (name: string): string => `Open “${name}” in the notebook`,
  delete: 'Delete',
  deleteLabel: (name: string): string => `Delete “${name}”`,
  confirmDelete: (name: string): string => `Delete “${name}” for good?`,
  confirmYes: 'Yes, delete',
  cancel: 'Cancel',
  exportAll: 'Export everything',
  importBackup: 'Import backup…',
  importMode: 'When importing a backup',
  importMerge: 'Add it to what is stored here (same items are overwritten)',
  importReplace: 'Replace everything stored here',
  usage: (used: string, quota: string): string => `${used} used of about ${quota} available to this site.`,
  usageUnknown: 'This browser does not report how much storage is used.',
  persistent: 'Kept until you delete it.',
  notPersistent: 'The browser may clear this data when disk space runs low.',
  askPersist: 'Ask the browser to keep this data',
  memoryOnly: 'Not saved: kept in memory only.',
  dismiss: 'Dismiss',
  busy: 'Working…',
  datasetDetail: (rows: number, series: number): string =>
    `${plural(rows, 'row', 'rows')}, ${plural(series, 'series', 'series')}`,
  sourceExample: 'generated example',
  sourceBuiltin: 'built-in file',
  sourceImported: (fileName: string): string => `from ${fileName}`,
  runStatus: {
    running: 'running',
    done: 'done',
    failed: 'failed',
    cancelled: 'cancelled',
    interrupted: 'interrupted',
  },
  runName: (id: string): string => `Run ${id}`,
  runNotSaved: 'results not saved',
  damagedName: (table: 'datasets' | 'configs' | 'runs' | 'registries', key: string): string =>
    `${{ datasets: 'Dataset', configs: 'Saved configuration', runs: 'Run', registries: 'Model registry' }[table]} ${key}`,
  damagedDetail: (reason: string): string => `Damaged, so no stage uses it (${reason}). Delete it, or restore a backup.`,
} as const;
