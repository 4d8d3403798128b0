/**
 * A stored registry as MLflow's model registry (../shared/reference/mlflow-filestore.md, "Model registry"):
 *
 *   RegistryRecord ──► 1. read it as the Registry stage does (parseRegistry), each version's weights checked
 *                  ──► 2. models/<name>/meta.yaml, tags/, aliases/<champion|challenger> (the version number)
 *                  ──► 3. version-<n>/meta.yaml and tags/ per version: source = where its files are
 *                  ──► 4. the version's files: model card, version entry, weights; in the run it came from
 *                         (`artifacts/registered/<name>/version-<n>/`), or beside mlruns/ when that run is not stored
 */
import { dayToIso } from '../core/days';
import { finiteOrNull } from '../core/finite';
import { mlflowSkipped } from '../messages/export';
import type { SerializedWeight } from '../models/train-types';
import { modelCardMarkdown, type ModelCardOptions } from '../registry/model-card-markdown';
import { auditRows, versionLabel } from '../registry/registry';
import { parseRegistry } from '../registry/registry-schema';
import type { Alias, ModelVersion, Registry } from '../registry/types';
import { clip, epochMs, KeyRegister, MLFLOW_LIMITS, mlflowYaml, type MlflowFiles } from './mlflow-format';
import { MLFLOW_USER, type RunPlace } from './mlflow-run';
import { readWeights, weightsFiles } from './weights-files';

/** A stored registry, read and checked. */
export interface StoredRegistry {
  dataHash: string;
  /** Milliseconds since the epoch; null when the record has no readable time. */
  created: number | null;
  updated: number | null;
  registry: Registry;
  /** Per version id, the weights serving uses (readable ones only). */
  weights: Map<string, SerializedWeight[]>;
}

/** 1. A stored registry row; null (with the reason in `skipped`) when it cannot be exported. */
export function readStoredRegistry(raw: unknown, skipped: string[]): StoredRegistry | null {
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as { dataHash?: unknown; name?: unknown; created?: unknown; updated?: unknown; registry?: unknown; weights?: unknown };
  const label = typeof record.name === 'string' ? record.name : String(record.dataHash ?? '?');
  const parsed = parseRegistry(record.registry);
  if (!parsed.ok) {
    skipped.push(mlflowSkipped.registry(label, parsed.reason));
    return null;
  }
  const stored = typeof record.weights === 'object' && record.weights !== null ? (record.weights as Record<string, unknown>) : {};
  const weights = new Map<string, SerializedWeight[]>();
  for (const version of parsed.registry.versions) {
    if (!Object.hasOwn(stored, version.id)) continue;
    const read = readWeights(stored[version.id]);
    if (read) weights.set(version.id, read);
    else skipped.push(mlflowSkipped.versionWeights(version.id));
  }
  return {
    dataHash: typeof record.dataHash === 'string' ? record.dataHash : '',
    created: epochMs(record.created),
    updated: epochMs(record.updated),
    registry: parsed.registry,
    weights,
  };
}

export interface RegistryFilesOptions {
  files: MlflowFiles;
  /** The registered model's name in MLflow (unique in the export). */
  name: string;
  description: string;
  /** The dataset's name, for a tag. */
  dataset: string;
  /** Where a stored run went in the export; null when it is not there. */
  runPlace: (storedRunId: string) => RunPlace | null;
  /** What the model card says of the data (frequency, series keys) and, per run, the horizon. */
  card: (version: ModelVersion) => Omit<ModelCardOptions, 'registry' | 'versionId'>;
}

/** 2–4. The registered model's files, added to `files`; returns the number of versions written. */
export function registryFiles(stored: StoredRegistry, options: RegistryFilesOptions): number {
  const { files, name } = options;
  const { registry } = stored;
  const dir = `mlruns/models/${name}`;
  const numberOf = (id: string | undefined) => registry.versions.find((v) => v.id === id)?.version;
  const aliases = Object.fromEntries(
    (['champion', 'challenger'] as const satisfies readonly Alias[]).flatMap((alias) => {
      const n = numberOf(registry.aliases[alias]);
      return n === undefined ? [] : [[alias, String(n)]];
    }),
  );
  const times = registry.versions.flatMap((v) => [epochMs(v.created), ...registry.audit.map((e) => epochMs(e.when))]).filter((t): t is number => t !== null);
  const created = stored.created ?? (times.length > 0 ? Math.min(...times) : 0);
  const updated = Math.max(created, stored.updated ?? (times.length > 0 ? Math.max(...times) : created));

  // 2. The registered model.
  files.set(
    `${dir}/meta.yaml`,
    mlflowYaml({
      aliases,
      creation_timestamp: created,
      deployment_job_id: null,
      deployment_job_state: null,
      description: options.description,
      last_updated_timestamp: updated,
      name,
    }),
  );
  for (const [alias, n] of Object.entries(aliases)) files.set(`${dir}/aliases/${alias}`, n);
  const audit = auditRows(registry).map((r) => `${r.iso} · ${r.action} · ${r.version} · ${r.actor} · ${r.why}${r.gates ? ` · gates: ${r.gates}` : ''}`);
  writeTags(files, `${dir}/tags`, [
    ['data_hash', stored.dataHash],
    ['dataset', options.dataset],
    ['forecast_lab_registry', registry.name],
    ['champion_history', registry.championHistory.map((id) => versionLabel(registry, id)).join(', ')],
    ['audit', audit.join('\n')],
  ]);

  // 3–4. Versions.
  for (const version of registry.versions) {
    const place = version.runId === null ? null : options.runPlace(version.runId);
    const home = place
      ? { path: `${place.dir}/artifacts/registered/${name}/version-${version.version}`, uri: `${place.artifactUri}/registered/${name}/version-${version.version}` }
      : { path: `mlartifacts/${name}/version-${version.version}`, uri: `./mlartifacts/${name}/version-${version.version}` };
    const about = registry.audit.filter((e) => e.version === version.id);
    const versionCreated = epochMs(version.created) ?? created;
    const versionUpdated = Math.max(versionCreated, ...about.map((e) => epochMs(e.when) ?? versionCreated));
    files.set(
      `${dir}/version-${version.version}/meta.yaml`,
      mlflowYaml({
        creation_timestamp: versionCreated,
        current_stage: stageOf(registry, version, about),
        deployment_job_state: null,
        description: version.description.trim() === '' ? null : version.description,
        last_updated_timestamp: versionUpdated,
        model_id: null,
        name,
        run_id: place?.runId ?? '',
        run_link: null,
        source: home.uri,
        status: 'READY',
        status_message: null,
        storage_location: home.uri,
        user_id: MLFLOW_USER,
        version: version.version,
      }),
    );
    const gates = about.findLast((e) => e.gates !== undefined)?.gates;
    writeTags(files, `${dir}/version-${version.version}/tags`, [
      ['model', version.model],
      ['source', version.source],
      ['seed', String(version.seed)],
      ['backend', version.backend ?? 'none'],
      ['data_hash', version.dataHash],
      ['train_start', version.trainStart === null ? 'all history' : dayToIso(version.trainStart)],
      ['train_end', dayToIso(version.trainEnd)],
      ['parent', version.parent === null ? null : versionLabel(registry, version.parent)],
      ['forecast_lab_version_id', version.id],
      ['forecast_lab_run_id', version.runId],
      ['gates', gates ? gates.map((g) => `${g.pass ? 'pass' : 'fail'}: ${g.message}`).join('\n') : null],
      ...Object.entries(version.metrics).map(([key, value]): [string, string | null] => {
        const x = finiteOrNull(value);
        return [`metric.${key}`, x === null ? null : String(x)];
      }),
    ]);

    files.set(`${home.path}/model-card.md`, modelCardMarkdown({ registry, versionId: version.id, ...options.card(version) }));
    files.set(`${home.path}/version.json`, `${JSON.stringify(version, null, 2)}\n`);
    const weights = stored.weights.get(version.id);
    if (weights) {
      const { json, bin } = weightsFiles(weights, { model: version.model, spec: version.spec, featureSpec: version.featureSpec, version: version.id });
      files.set(`${home.path}/weights.json`, json);
      files.set(`${home.path}/weights.bin`, bin);
    }
  }
  return registry.versions.length;
}

/**
 * MLflow's stage of a version (`current_stage`), for readers from before aliases: the champion is in Production, the
 * challenger in Staging, a version last archived and holding no alias Archived, any other None.
 */
function stageOf(registry: Registry, version: ModelVersion, about: Registry['audit']): string {
  if (registry.aliases.champion === version.id) return 'Production';
  if (registry.aliases.challenger === version.id) return 'Staging';
  return about.at(-1)?.action === 'archive' ? 'Archived' : 'None';
}

function writeTags(files: MlflowFiles, dir: string, tags: readonly [string, string | null][]): void {
  const keys = new KeyRegister();
  for (const [key, value] of tags) if (value !== null) files.set(`${dir}/${keys.key(key)}`, clip(value, MLFLOW_LIMITS.tag));
}
