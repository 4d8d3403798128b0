/**
 * One stored training run as an MLflow run directory (../shared/reference/mlflow-filestore.md, "Run meta.yaml" and
 * "Metric, param and tag files"):
 *
 *   RunRecord ──► 1. read it as the Runs table does (envelope, then results and artifacts against their schemas)
 *             ──► 2. meta.yaml   status, start and end from the record, run_id = the stored id without dashes
 *             ──► 3. params/     the notebook configuration, flattened (`models.candidates.0.epochs`)
 *             ──► 4. metrics/    every model × window metric, learning curves (step = epoch), error by step ahead
 *             ──► 5. tags/       lineage (data hash, seed, backend, …) and MLflow's own (`mlflow.runName`, …)
 *             ──► 6. artifacts/  configuration, full results, forecast samples, each network's weights, each
 *                                classical model's fitted parameters
 */
import * as v from 'valibot';
import { finiteOrNull } from '../core/finite';
import { TEST_WINDOW, selectionSummary } from '../evaluate/leaderboard';
import { metricsTableRows, metricsToJson } from '../evaluate/metrics-downloads';
import { mlflowDescriptions, mlflowSkipped } from '../messages/export';
import type { MetricName } from '../notebook/stage-configs';
import { HEADLINE_KEYS, readRun } from '../runs/read-run';
import { RunArtifactsSchema, RunMetricsSchema } from '../runs/run-schema';
import type { HeadlineMetrics, ModelResult, RunArtifacts, RunMetrics } from '../runs/types';
import type { JsonObject, RunStatus } from '../storage/records';
import { clip, epochMs, KeyRegister, metricLine, MLFLOW_LIMITS, mlflowYaml, type MlflowFiles } from './mlflow-format';
import { weightsFiles } from './weights-files';
import { classicalParamsJson } from './classical-params-file';

/** Who MLflow says ran everything (`user_id`, tag `mlflow.user`): a static page knows no user name. */
export const MLFLOW_USER = 'forecast-lab';

/** A stored run, read and checked. */
export interface StoredRun {
  id: string;
  status: RunStatus;
  /** Milliseconds since the epoch. */
  created: number;
  /** Null while running. */
  ended: number | null;
  config: JsonObject;
  dataHash: string;
  appVersion: string | null;
  /** Null without results, or when they could not be read (then `skipped` says so). */
  metrics: RunMetrics | null;
  artifacts: RunArtifacts | null;
}

/** Where a run goes in the tree. */
export interface RunPlace {
  experimentId: string;
  /** The MLflow run id (32 hex). */
  runId: string;
  /** The run's directory, e.g. `mlruns/123…/abc…`. */
  dir: string;
  /** Its artifact_uri, e.g. `./mlruns/123…/abc…/artifacts`. */
  artifactUri: string;
}

/**
 * MLflow's run statuses ("Run meta.yaml": 1 RUNNING, 3 FINISHED, 4 FAILED, 5 KILLED). A cancelled run and one cut
 * off by a reload were both stopped from outside: KILLED; the tag `status` keeps which.
 */
const STATUS: Record<RunStatus, number> = { running: 1, done: 3, failed: 4, cancelled: 5, interrupted: 5 };

/** 1. A stored row as the export can trust it; null (with the reason in `skipped`) when it cannot be exported. */
export function readStoredRun(raw: unknown, skipped: string[]): StoredRun | null {
  const read = readRun(raw);
  if (read.status === 'unreadable' || read.config === null) {
    skipped.push(mlflowSkipped.run(read.id, read.problem ?? ''));
    return null;
  }
  const created = epochMs(read.created);
  if (created === null) {
    skipped.push(mlflowSkipped.run(read.id, mlflowSkipped.noCreated));
    return null;
  }
  const record = raw as { metrics?: unknown; artifacts?: unknown };
  const metrics = record.metrics == null ? null : v.safeParse(RunMetricsSchema, record.metrics);
  const artifacts = record.artifacts == null ? null : v.safeParse(RunArtifactsSchema, record.artifacts);
  if (metrics && !metrics.success) skipped.push(mlflowSkipped.runResults(read.id));
  if (artifacts && !artifacts.success) skipped.push(mlflowSkipped.runArtifacts(read.id));
  const end = epochMs(read.updated) ?? (read.durationMs === null ? created : created + read.durationMs);
  return {
    id: read.id,
    status: read.status,
    created,
    ended: read.status === 'running' ? null : Math.max(created, Math.round(end)),
    config: read.config,
    dataHash: read.dataHash ?? '',
    appVersion: read.appVersion,
    metrics: metrics?.success ? (metrics.output as unknown as RunMetrics) : null,
    artifacts: artifacts?.success ? (artifacts.output as unknown as RunArtifacts) : null,
  };
}

/** 2–6. The run's files, added to `files`. `dataset` names its data for the description. */
export function runFiles(run: StoredRun, place: RunPlace, options: { files: MlflowFiles; dataset: string }): void {
  const { files } = options;
  const { metrics } = run;
  const seed = typeof run.config.seed === 'number' ? String(run.config.seed) : null;
  const name = mlflowDescriptions.runName(metrics?.best ?? null, run.status, seed ?? '?', run.id);

  // 2. meta.yaml: every key MLflow 3 reads, and the legacy ones older readers need (run_uuid, source_*).
  files.set(
    `${place.dir}/meta.yaml`,
    mlflowYaml({
      artifact_uri: place.artifactUri,
      deleted_time: null,
      end_time: run.ended,
      entry_point_name: '',
      experiment_id: place.experimentId,
      lifecycle_stage: 'active',
      run_id: place.runId,
      run_name: name,
      run_uuid: place.runId,
      source_name: '',
      source_type: 4,
      source_version: '',
      start_time: run.created,
      status: STATUS[run.status],
      tags: [],
      user_id: MLFLOW_USER,
    }),
  );

  // 3. Params.
  const params = new KeyRegister();
  for (const [key, value] of flattenConfig(run.config)) files.set(`${place.dir}/params/${params.key(key)}`, clip(value, MLFLOW_LIMITS.param));

  // 4. Metrics: every line stamped with the time the results were stored (the record keeps no finer times).
  if (metrics) {
    const writer = new MetricWriter(run.ended ?? run.created);
    metricsOf(metrics, writer);
    for (const [key, text] of writer.files()) files.set(`${place.dir}/metrics/${key}`, text);
  }

  // 5. Tags.
  const primary = (run.config.scope as { primaryMetric?: unknown } | undefined)?.primaryMetric;
  const summary = metrics ? selectionSummary(metrics, (typeof primary === 'string' ? primary : 'wape') as MetricName) : null;
  const tags: [string, string | null][] = [
    ['mlflow.runName', name],
    ['mlflow.source.name', 'Forecast Lab'],
    ['mlflow.source.type', 'LOCAL'],
    ['mlflow.user', MLFLOW_USER],
    ['mlflow.note.content', mlflowDescriptions.run(run.status, summary)],
    ['data_hash', run.dataHash],
    ['dataset', options.dataset],
    ['seed', seed],
    ['backend', metrics ? (metrics.backend ?? 'none') : null],
    ['status', run.status],
    ['app_version', run.appVersion],
    ['forecast_lab_run_id', run.id],
    ['best_model', metrics ? (metrics.best ?? 'none') : null],
    ['baseline', metrics?.baseline ?? null],
    ['horizon', metrics ? String(metrics.horizon) : null],
    ['folds', metrics ? String(metrics.folds) : null],
    ['selection_metric', metrics?.selection?.metric ?? null],
  ];
  const tagKeys = new KeyRegister();
  for (const [key, value] of tags) if (value !== null) files.set(`${place.dir}/tags/${tagKeys.key(key)}`, clip(value, MLFLOW_LIMITS.tag));

  // 6. Artifacts.
  const artifacts = `${place.dir}/artifacts`;
  files.set(`${artifacts}/config.json`, `${JSON.stringify(run.config, null, 2)}\n`);
  if (metrics) files.set(`${artifacts}/metrics.json`, metricsToJson(metrics));
  if (run.artifacts?.samples) files.set(`${artifacts}/forecast-samples.json`, `${JSON.stringify(run.artifacts.samples, null, 2)}\n`);
  // The features as SQL: how a team rebuilds the run's training table in DuckDB or Spark, next to the run.
  if (run.artifacts?.featureSql) {
    files.set(`${artifacts}/features/duckdb.sql`, run.artifacts.featureSql.duckdb);
    files.set(`${artifacts}/features/spark.sql`, run.artifacts.featureSql.spark);
  }
  // A classical model's fitted parameters, the file the Evaluate stage downloads, where a network's weights go.
  if (metrics) {
    for (const params of run.artifacts?.classical ?? []) {
      files.set(`${artifacts}/models/${params.model}/params.json`, classicalParamsJson({ runId: run.id, metrics, params }));
    }
  }
  for (const { model, weights } of run.artifacts?.weights ?? []) {
    const result = metrics?.models.find((m) => m.name === model);
    const { json, bin } = weightsFiles(weights, { model, spec: result?.spec ?? null, featureSpec: metrics?.featureSpec ?? null, window: TEST_WINDOW });
    files.set(`${artifacts}/models/${model}/weights.json`, json);
    files.set(`${artifacts}/models/${model}/weights.bin`, bin);
  }
}

/**
 * The configuration as params: nested objects by dotted path, lists of objects by index
 * (`models.candidates.0.hidden`), lists of plain values and other values as JSON (`[1,7,14]`, `true`, `null`), text
 * as it is.
 */
function flattenConfig(config: JsonObject): [string, string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (value === undefined) return;
    const plain = (x: unknown) => x === null || typeof x !== 'object';
    if (Array.isArray(value) && !value.every(plain)) value.forEach((item, i) => walk(item, `${path}.${i}`));
    else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
      for (const [key, item] of Object.entries(value)) walk(item, path === '' ? key : `${path}.${key}`);
    } else out.push([path, typeof value === 'string' ? value : JSON.stringify(value)]);
  };
  walk(config, '');
  return out;
}

/** Metric files being written: a key per distinct raw name, lines in the order logged. */
class MetricWriter {
  readonly #keys = new KeyRegister();
  readonly #files = new Map<string, string[]>();
  readonly #named = new Map<string, string>();
  readonly #timestamp: number;

  constructor(timestamp: number) {
    this.#timestamp = timestamp;
  }

  /** A value of `name` at `step`; null (a metric that is undefined, "–" on the page) is not logged. */
  log(name: string, value: number | null, step = 0): void {
    if (value === null) return;
    let key = this.#named.get(name);
    if (key === undefined) {
      key = this.#keys.key(name);
      this.#named.set(name, key);
      this.#files.set(key, []);
    }
    this.#files.get(key)!.push(metricLine(this.#timestamp, value, step));
  }

  files(): [string, string][] {
    return [...this.#files].map(([key, lines]) => [key, lines.join('')]);
  }
}

const BY_STEP_KEYS = ['mae', 'rmse', 'wape', 'mape', 'smape', 'bias', 'biasPercent'] as const;

/**
 * What a run's results say, as metrics (`<model>/<window>/<metric>`, windows as `fold_1`, `test`):
 *   every metric of each model on each window, as the Evaluate stage and its CSV download show them (the Scope's own
 *   metrics under `custom/`); each model's selection score (`<model>/selection/<metric>`, the mean over the folds);
 *   learning curves (`loss`, `val_loss`, one step per epoch); the test window's error by step ahead
 *   (`<model>/test/by_step/<metric>`, step = periods ahead); and the picked model's scores under `best/`, the same
 *   keys in every run, for comparing runs side by side.
 */
function metricsOf(metrics: RunMetrics, writer: MetricWriter): void {
  const slug = (window: string) => window.trim().replace(/\s+/g, '_');
  const seen = new Set<string>();
  for (const row of metricsTableRows(metrics)) {
    const name = `${row.model}/${slug(row.window)}/${row.role === 'custom' ? `custom/${row.metric}` : row.metric}`;
    if (seen.has(name)) continue;
    seen.add(name);
    writer.log(name, row.value);
  }
  for (const model of metrics.models) {
    headline(writer, `${model.name}/selection`, model.backtest);
    for (const w of model.windows) {
      for (const epoch of w.history) {
        writer.log(`${model.name}/${slug(w.window)}/loss`, epoch.loss, epoch.epoch);
        writer.log(`${model.name}/${slug(w.window)}/val_loss`, epoch.valLoss, epoch.epoch);
      }
      if (w.window !== TEST_WINDOW) continue;
      for (const group of w.evaluation.byStep) {
        const step = Number(group.key);
        if (!Number.isInteger(step)) continue;
        for (const key of BY_STEP_KEYS) writer.log(`${model.name}/test/by_step/${key}`, finiteOrNull(group[key]), step);
      }
    }
  }
  const best: ModelResult | undefined = metrics.models.find((m) => m.name === metrics.best);
  if (best) {
    headline(writer, 'best/selection', best.backtest);
    if (best.test) headline(writer, 'best/test', best.test);
  }
}

function headline(writer: MetricWriter, prefix: string, values: HeadlineMetrics): void {
  for (const key of HEADLINE_KEYS) writer.log(`${prefix}/${key}`, finiteOrNull(values[key]));
}
