/**
 * Everything stored in this browser as one MLflow local file store (`mlruns/`), laid out and written as MLflow's
 * FileStore does (../shared/reference/mlflow-filestore.md), so `mlflow ui --backend-store-uri ./mlruns` opens it and
 * `mlflow migrate-filestore` moves it into a database:
 *
 *   stored runs, registries, datasets
 *     ──► 1. read each row as the app does; what cannot be read is left out and listed in the README
 *     ──► 2. one experiment per dataset (id from the data hash), plus MLflow's empty Default (id 0)
 *     ──► 3. one run per stored run (./mlflow-run.ts)
 *     ──► 4. one registered model per registry, its versions and aliases (./mlflow-registry.ts)
 *     ──► 5. README.md beside mlruns/ ──► zip (mlflowZip)
 *
 * Ids come from the stored ids and hashes, times from the records: the same storage gives the same tree.
 * Artifact paths are relative (`./mlruns/…`): MLflow resolves them from the folder it is started in, the unzipped one.
 */
import { zipSync, type Zippable } from 'fflate';
import { mlflowDescriptions, mlflowReadme } from '../messages/export';
import { datasetLabel } from '../runs/summarize-run';
import type { DatasetRecord } from '../storage/records';
import { localDate } from '../storage/format-timestamp';
import { sha256Hex } from '../storage/sha256-hex';
import { mlflowExperimentId, mlflowKey, mlflowRunId, mlflowYaml, MLFLOW_LIMITS, clip, type MlflowFiles } from './mlflow-format';
import { readStoredRegistry, registryFiles, type StoredRegistry } from './mlflow-registry';
import { readStoredRun, runFiles, type RunPlace, type StoredRun } from './mlflow-run';

export interface MlflowExportInput {
  /** Stored run rows, artifacts included; read without trusting them. */
  runs: readonly unknown[];
  /** Stored registry rows (RegistryRecord), weights included. */
  registries: readonly unknown[];
  /** What is known of the stored datasets: names for the experiments, facts for the descriptions and model cards. */
  datasets: readonly Pick<DatasetRecord, 'hash' | 'name' | 'schema'>[];
}

export interface MlflowExport {
  files: MlflowFiles;
  /** Dataset experiments (MLflow's Default not counted). */
  experiments: number;
  runs: number;
  versions: number;
  /** What was left out, and why (also in the README). */
  skipped: string[];
  /** The newest time in the records (ms since the epoch); null when there are none. */
  newest: number | null;
}

const ROOT = 'mlruns';
const ARTIFACT_ROOT = `./${ROOT}`;

export async function mlflowStore(input: MlflowExportInput): Promise<MlflowExport> {
  // 1. Read.
  const skipped: string[] = [];
  const runs = input.runs
    .map((raw) => readStoredRun(raw, skipped))
    .filter((run): run is StoredRun => run !== null)
    .sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
  const registries = input.registries.map((raw) => readStoredRegistry(raw, skipped)).filter((r): r is StoredRegistry => r !== null);
  const files: MlflowFiles = new Map();

  // 2. Experiments: one per data hash a run or a registry names.
  const hashes = [...new Set([...runs.map((r) => r.dataHash), ...registries.map((r) => r.dataHash)])].sort();
  const experimentIds = await distinctIds(hashes, (hash) => sha256Hex(`experiment:${hash}`).then(mlflowExperimentId), (id) => String(BigInt(id) + 1n));
  const datasets = new Map(input.datasets.map((d) => [d.hash, d]));
  const names = new Set<string>(['Default']);
  const datasetName = (hash: string) => datasets.get(hash)?.name ?? datasetLabel(runs.find((r) => r.dataHash === hash)?.config.dataset) ?? mlflowDescriptions.unknownDataset(hash);
  const times = [...runs.flatMap((r) => [r.created, r.ended ?? r.created]), ...registries.flatMap((r) => [r.created, r.updated])].filter((t): t is number => t !== null);
  const newest = times.length > 0 ? Math.max(...times) : null;
  const oldest = times.length > 0 ? Math.min(...times) : 0;
  experimentFiles(files, { id: '0', name: 'Default', created: oldest, updated: oldest, tags: [] });
  for (const hash of hashes) {
    const id = experimentIds.get(hash)!;
    const dataset = datasets.get(hash);
    const own = [...runs.filter((r) => r.dataHash === hash).flatMap((r) => [r.created, r.ended ?? r.created]), ...registries.filter((r) => r.dataHash === hash).flatMap((r) => [r.created, r.updated])].filter((t): t is number => t !== null);
    const name = uniqueName(names, clip(`${datasetName(hash)} · ${hash.slice(0, 8) || 'no hash'}`, MLFLOW_LIMITS.experimentName));
    const facts = { frequency: dataset?.schema.frequency ?? null, rows: dataset?.schema.rowCount ?? null, series: dataset?.schema.seriesCount ?? null };
    experimentFiles(files, {
      id,
      name,
      created: own.length > 0 ? Math.min(...own) : oldest,
      updated: own.length > 0 ? Math.max(...own) : oldest,
      tags: [
        ['mlflow.note.content', mlflowDescriptions.experiment(datasetName(hash), hash, facts)],
        ['data_hash', hash],
        ['dataset', datasetName(hash)],
        ['frequency', facts.frequency],
        ['rows', facts.rows === null ? null : String(facts.rows)],
        ['series', facts.series === null ? null : String(facts.series)],
      ],
    });
  }

  // 3. Runs.
  const runIds = await distinctIds(
    runs.map((r) => r.id),
    async (id) => mlflowRunId(id, await sha256Hex(`run:${id}`)),
    // Another 32-hex id, kept to MLflow's shape.
    async (id) => (await sha256Hex(`run:${id}`)).slice(0, 32),
  );
  const places = new Map<string, RunPlace>();
  for (const run of runs) {
    const experimentId = experimentIds.get(run.dataHash)!;
    const runId = runIds.get(run.id)!;
    const place = { experimentId, runId, dir: `${ROOT}/${experimentId}/${runId}`, artifactUri: `${ARTIFACT_ROOT}/${experimentId}/${runId}/artifacts` };
    places.set(run.id, place);
    runFiles(run, place, { files, dataset: datasetName(run.dataHash) });
  }

  // 4. Registries: one registered model each, named after the registry and its data (all are called "forecaster").
  const modelNames = new Set<string>();
  let versions = 0;
  for (const stored of [...registries].sort((a, b) => (a.dataHash < b.dataHash ? -1 : 1))) {
    const dataset = datasets.get(stored.dataHash);
    const name = uniqueName(modelNames, registeredModelName(`${stored.registry.name}-${stored.dataHash.slice(0, 8)}`));
    versions += registryFiles(stored, {
      files,
      name,
      description: mlflowDescriptions.registeredModel(datasetName(stored.dataHash), stored.dataHash),
      dataset: datasetName(stored.dataHash),
      runPlace: (id) => places.get(id) ?? null,
      card: (version) => {
        const horizon = runs.find((r) => r.id === version.runId)?.metrics?.horizon;
        return {
          ...(dataset?.schema.frequency ? { frequency: dataset.schema.frequency } : {}),
          ...(dataset?.schema.mapping ? { seriesKeys: dataset.schema.mapping.keys } : {}),
          ...(horizon === undefined ? {} : { horizon }),
        };
      },
    });
  }

  // 5. README.
  const counts = { experiments: hashes.length, runs: runs.length, versions };
  files.set('README.md', mlflowReadme({ ...counts, skipped }));
  return { files, ...counts, skipped, newest };
}

/**
 * The export as a zip; entries dated `mtime` (the newest record), so the same storage gives the same bytes. Files
 * under 1 KiB (metric, param and tag files, meta.yaml: most of the tree) are stored, not deflated: a zip entry's
 * headers outweigh what deflate saves on them, and fflate's deflate sets up 128 KiB of tables per file, which made a
 * thousand small files take ten times as long.
 */
export function mlflowZip(files: MlflowFiles, options: { mtime: number | null }): Uint8Array {
  const encoder = new TextEncoder();
  const entries: Zippable = {};
  for (const [path, contents] of files) {
    const bytes = typeof contents === 'string' ? encoder.encode(contents) : contents;
    entries[path] = bytes.length < 1024 ? [bytes, { level: 0 }] : bytes;
  }
  // A zip cannot date a file before 1980.
  return zipSync(entries, { level: 6, mtime: Math.max(options.mtime ?? 0, Date.UTC(1980, 0, 2)) });
}

/** `forecast-lab-mlflow-2024-05-01.zip`, dated in the user's time zone. */
export function mlflowZipName(date: Date): string {
  return `forecast-lab-mlflow-${localDate(date)}.zip`;
}

function experimentFiles(files: MlflowFiles, e: { id: string; name: string; created: number; updated: number; tags: [string, string | null][] }): void {
  files.set(
    `${ROOT}/${e.id}/meta.yaml`,
    mlflowYaml({
      artifact_location: `${ARTIFACT_ROOT}/${e.id}`,
      creation_time: e.created,
      experiment_id: e.id,
      last_update_time: e.updated,
      lifecycle_stage: 'active',
      name: e.name,
    }),
  );
  for (const [key, value] of e.tags) if (value !== null) files.set(`${ROOT}/${e.id}/tags/${mlflowKey(key)}`, clip(value, MLFLOW_LIMITS.tag));
}

/** A registered model's name as MLflow takes it, and as a directory name anywhere: no separators, no `%`. */
function registeredModelName(raw: string): string {
  const name = raw.replace(/[^A-Za-z0-9_\-. ]/g, '_').replace(/^[.\s]+/, '_').trim();
  return name === '' ? 'forecaster' : name;
}

/** `name`, or `name (2)`, … : MLflow refuses a second experiment or registered model of the same name. */
function uniqueName(used: Set<string>, name: string): string {
  let unique = name;
  for (let n = 2; used.has(unique); n++) unique = `${name} (${n})`;
  used.add(unique);
  return unique;
}

/** An id per key, distinct: a clash (two hashes, one id) moves the later key on with `next`. */
async function distinctIds(keys: readonly string[], make: (key: string) => Promise<string>, next: (id: string) => string | Promise<string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const key of keys) {
    let id = await make(key);
    while (used.has(id)) id = await next(id);
    used.add(id);
    ids.set(key, id);
  }
  return ids;
}
