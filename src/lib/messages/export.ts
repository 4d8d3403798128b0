// User-facing texts of the MLflow export (src/lib/export/, the buttons on the Runs table and the Registry), and the
// texts it writes into the export itself: descriptions MLflow's UI shows, and the README at the top of the zip.

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

export const mlflowExportTexts = {
  button: 'Export to MLflow (zip)',
  help:
    'Every stored run and registry as an MLflow file store (mlruns/): experiments per dataset, runs with params, ' +
    'metrics, learning curves and model files, and the registered models with their aliases. Open it with MLflow.',
  busy: 'Writing the MLflow export…',
  done: (fileName: string, size: string, counts: { experiments: number; runs: number; versions: number }): string =>
    `Saved ${fileName} (${size}): ${plural(counts.experiments, 'experiment', 'experiments')}, ` +
    `${plural(counts.runs, 'run', 'runs')}, ${plural(counts.versions, 'model version', 'model versions')}. ` +
    'Unzip it and run `mlflow ui --backend-store-uri ./mlruns` in that folder.',
  skipped: (count: number): string => ` ${plural(count, 'stored item was', 'stored items were')} left out (see README.md in the zip).`,
  nothingStored: 'Nothing to export yet: train a run first (its results are stored in this browser).',
  failed: (detail: string): string => `The MLflow export failed (${detail}).`,
  dismiss: 'Dismiss',
} as const;

/** Why a stored row is not in the export: listed in the zip's README. */
export const mlflowSkipped = {
  run: (id: string, why: string): string => `run ${id || '(no id)'}: ${why}`,
  runResults: (id: string): string => `run ${id}: its results could not be read, so it has no metrics or model files`,
  registry: (name: string, why: string): string => `registry ${name}: ${why}`,
  noCreated: 'it has no readable creation time',
  runArtifacts: (id: string): string => `run ${id}: its stored model files could not be read, so they are left out`,
  versionWeights: (version: string): string => `version ${version}: its stored weights could not be read, so they are left out`,
} as const;

/** What MLflow's UI shows as descriptions (the `mlflow.note.content` tags, the registered model's description). */
export const mlflowDescriptions = {
  experiment: (dataset: string, hash: string, facts: { frequency: string | null; rows: number | null; series: number | null }): string =>
    [
      `Forecast Lab runs on **${dataset}**.`,
      '',
      `- data hash (SHA-256 of the file): \`${hash}\``,
      ...(facts.frequency ? [`- frequency: ${facts.frequency}`] : []),
      ...(facts.rows !== null ? [`- rows: ${facts.rows}`] : []),
      ...(facts.series !== null ? [`- series: ${facts.series}`] : []),
    ].join('\n'),
  run: (status: string, summary: string | null): string =>
    summary === null ? `A Forecast Lab training run (${status}), with no results.` : `A Forecast Lab training run (${status}). ${summary}`,
  registeredModel: (dataset: string, hash: string): string =>
    `Forecast Lab's registered model for ${dataset} (data hash ${hash.slice(0, 12)}). ` +
    'Aliases champion and challenger; each version’s model card and weights are artifacts of the run it came from.',
  runName: (model: string | null, status: string, seed: string, id: string): string => `${model ?? status} · seed ${seed} · ${id.slice(0, 8)}`,
  unknownDataset: (hash: string): string => (hash === '' ? 'an unknown dataset' : `dataset ${hash.slice(0, 12)}`),
} as const;

/** The README at the top of the zip: what it holds and how to open it. */
export function mlflowReadme(options: { experiments: number; runs: number; versions: number; skipped: readonly string[] }): string {
  const skipped =
    options.skipped.length === 0
      ? []
      : ['', '## Left out', '', ...options.skipped.map((line) => `- ${line}`)];
  return [
    '# Forecast Lab export for MLflow',
    '',
    `\`mlruns/\` is an MLflow file store: ${plural(options.experiments, 'experiment', 'experiments')} (one per dataset, ` +
      `plus MLflow's empty Default), ${plural(options.runs, 'run', 'runs')}, and the model registry ` +
      `(\`mlruns/models/\`, ${plural(options.versions, 'version', 'versions')}).`,
    '',
    'Each run has the notebook configuration as params (flattened, e.g. `models.candidates.0.epochs`), every model ×',
    'window metric (`<model>/<window>/<metric>`; `<model>/<window>/loss` and `val_loss` are learning curves, one step',
    'per epoch; `<model>/test/by_step/<metric>` one step per period ahead), tags (data hash, seed, backend, …), and',
    'artifacts: the configuration, the full results, the trained weights (`weights.json`, a TensorFlow.js weights',
    'manifest, and `weights.bin`, little-endian float32) and, for registered versions, their model cards.',
    '',
    '## Open it',
    '',
    'In the folder you unzipped this into (artifact paths are relative to it):',
    '',
    '```sh',
    'pip install mlflow',
    'mlflow ui --backend-store-uri ./mlruns',
    '```',
    '',
    'Recent MLflow releases warn that the file store will be deprecated, and newer ones refuse it unless',
    '`MLFLOW_ALLOW_FILE_STORE=true` is set. To move everything into a database (`mlflow migrate-filestore`,',
    'MLflow 3.10 and later; SQLite targets only):',
    '',
    '```sh',
    'mlflow migrate-filestore --source ./mlruns --target sqlite:///mlflow.db',
    'mlflow ui --backend-store-uri sqlite:///mlflow.db',
    '```',
    ...skipped,
    '',
  ].join('\n');
}
