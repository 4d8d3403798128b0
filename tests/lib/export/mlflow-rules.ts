// The rules MLflow's local file store reader applies, as written down in ../shared/reference/mlflow-filestore.md
// (read from MLflow's own source: store/tracking/file_store.py, store/model_registry/file_store.py,
// utils/validation.py, utils/yaml_utils.py). MLflow cannot be installed here, so this is how a test knows an export
// would open: checkMlruns(files) reads an unzipped tree as MLflow would and returns, per rule, what breaks it, with the
// section of the reference the rule comes from. The Node test of the export and the browser check both use it.
//
// It is written from the reference, not from src/lib/export: YAML is parsed by the `yaml` library as text only, then
// plain scalars are resolved with PyYAML's own YAML 1.1 resolvers, as SafeLoader does; Python's float repr and
// posixpath.normpath are re-derived here.
import { parseDocument, isMap, isPair, isScalar, isSeq, type Node, type Document } from 'yaml';

export type Files = Record<string, Uint8Array>;

export interface RuleResult {
  id: string;
  /** The reference's section the rule comes from. */
  section: string;
  says: string;
  /** What breaks the rule, one line each; empty when it holds. */
  violations: string[];
}

export interface MetricPoint {
  timestamp: number;
  value: number;
  step: number;
}

export interface ReadRun {
  experimentId: string;
  runId: string;
  meta: Record<string, unknown>;
  params: Map<string, string>;
  tags: Map<string, string>;
  /** Per key: every line in file order (the history), and the summary value MLflow shows. */
  metrics: Map<string, { history: MetricPoint[]; summary: MetricPoint }>;
  /** Paths under the run's artifact_uri. */
  artifacts: string[];
}

export interface ReadExperiment {
  id: string;
  meta: Record<string, unknown>;
  tags: Map<string, string>;
  runs: ReadRun[];
}

export interface ReadVersion {
  version: number;
  meta: Record<string, unknown>;
  tags: Map<string, string>;
}

export interface ReadModel {
  name: string;
  meta: Record<string, unknown>;
  tags: Map<string, string>;
  aliases: Map<string, string>;
  versions: ReadVersion[];
}

export interface MlrunsReport {
  rules: RuleResult[];
  experiments: ReadExperiment[];
  models: ReadModel[];
}

const S = {
  tree: 'Tree',
  status: 'Status: deprecated, with a migration tool',
  yaml: 'YAML',
  experiment: 'Experiment meta.yaml',
  run: 'Run meta.yaml',
  files: 'Metric, param and tag files',
  rejects: 'What the reader rejects',
  registry: 'Model registry',
} as const;

const RESERVED_EXPERIMENT_FOLDERS = new Set(['tags', 'datasets', 'traces', 'models']);
const EXPERIMENT_ID = /^[a-zA-Z0-9][\w-]{0,63}$/;
const RUN_ID = /^[a-zA-Z0-9][\w-]{0,255}$/;
const STAGES = new Set(['None', 'Staging', 'Production', 'Archived', 'Deleted_Internal']);
const VERSION_STATUSES = new Set(['READY', 'PENDING_REGISTRATION', 'FAILED_REGISTRATION']);

/** Every rule checkMlruns checks: id, the reference's section, what it says. */
export const MLFLOW_RULES = [
  { id: 'tree.root-dirs', section: S.tree, says: 'every directory in mlruns/ is an experiment (a valid experiment id), models/ or a .trash folder' },
  { id: 'tree.integer-ids', section: S.status, says: 'experiment directories are named by integers, one with a meta.yaml at least (migrate-filestore and the ./mlruns default need it)' },
  { id: 'tree.experiment-meta', section: S.rejects, says: 'every experiment directory has a non-empty meta.yaml' },
  { id: 'tree.run-meta', section: S.tree, says: 'every experiment subdirectory but tags/datasets/traces/models is a run with a meta.yaml' },
  { id: 'yaml.parse', section: S.yaml, says: 'every meta.yaml is UTF-8 and reads (YAML 1.1, as SafeLoader) as a mapping' },
  { id: 'yaml.style', section: S.yaml, says: 'safe_dump style: block collections (flow only for empty [] and {}), keys sorted alphabetically' },
  { id: 'yaml.quotes', section: S.yaml, says: 'a string is quoted only when plain text would read as another type (or is not valid plain YAML)' },
  { id: 'experiment.keys', section: S.experiment, says: 'artifact_location, experiment_id, name are strings, lifecycle_stage is active|deleted, times are int ms; name ≤ 500 characters' },
  { id: 'experiment.id', section: S.experiment, says: 'experiment_id equals the directory name' },
  { id: 'experiment.unique-name', section: S.experiment, says: 'no two experiments share a name' },
  { id: 'run.keys', section: S.run, says: 'experiment_id, run_id, user_id strings; end_time key present (int or null); start_time int; status int 1–5; lifecycle_stage active|deleted; artifact_uri, run_name strings; deleted_time int or null' },
  { id: 'run.id', section: S.run, says: 'run_id equals the directory name, is a valid run id, and has the uuid4().hex shape (32 hex)' },
  { id: 'run.experiment', section: S.run, says: "experiment_id equals the run's experiment directory" },
  { id: 'run.uuid', section: S.run, says: 'run_uuid is written and equals run_id (read by MLflow ≤ 2.22)' },
  { id: 'run.name', section: S.run, says: 'run_name and the mlflow.runName tag agree' },
  { id: 'run.times', section: S.run, says: 'end_time is null exactly while RUNNING, and not before start_time' },
  { id: 'metric.lines', section: S.files, says: 'a metric file is non-empty, one "<timestamp> <value> <step>" line per value (single spaces; integer timestamp and step), each ending in a line break' },
  { id: 'metric.values', section: S.files, says: "values are written as Python's str(float)" },
  { id: 'key.valid', section: S.files, says: 'metric, param and tag keys: letters, digits, _ - . space / only (no : for Windows), unchanged by path normalisation, ≤ 250 characters' },
  { id: 'param.value', section: S.files, says: 'a param file is the raw UTF-8 value with no trailing line break, ≤ 6000 characters' },
  { id: 'tag.value', section: S.files, says: 'a tag file (run, experiment, model, version) is the raw UTF-8 value with no trailing line break, ≤ 8000 characters' },
  { id: 'reader.utf8', section: S.rejects, says: 'every file MLflow reads (all but artifacts) is UTF-8' },
  { id: 'reader.inputs-outputs', section: S.rejects, says: 'every inputs/ and outputs/ entry of a run has a meta.yaml' },
  { id: 'registry.model', section: S.registry, says: 'models/<name>/meta.yaml: aliases mapping, creation_timestamp and last_updated_timestamp int ms, deployment_job_id/state null, description string or null, name = directory (non-empty, no path separator, no %)' },
  { id: 'registry.version', section: S.registry, says: 'version-<n>/meta.yaml: every key with its type, name = the model, version = n, a known current_stage and status' },
  { id: 'registry.version-run', section: S.registry, says: "a version's run_id, when set, names a run in the store" },
  { id: 'registry.aliases', section: S.registry, says: 'alias files: a valid alias name (not latest, not v<digits>), holding the version number with no line break, naming a version that exists; meta.yaml aliases agree' },
  { id: 'artifacts.resolve', section: S.run, says: 'artifact_location, artifact_uri, a version source and storage_location point (relative to the folder MLflow starts in) at what is in the zip' },
] as const;

export type RuleId = (typeof MLFLOW_RULES)[number]['id'];

/** Reads `files` (zip paths → bytes) as MLflow reads the file store at `root`, checking every rule on the way. */
export function checkMlruns(files: Files, options: { root?: string } = {}): MlrunsReport {
  const root = options.root ?? 'mlruns';
  const rules: RuleResult[] = MLFLOW_RULES.map((rule) => ({ ...rule, violations: [] }));
  const rule = (id: RuleId) => {
    const result = rules.find((x) => x.id === id)!;
    return (violation: string) => result.violations.push(violation);
  };
  const r = {
    rootDirs: rule('tree.root-dirs'),
    integerIds: rule('tree.integer-ids'),
    experimentMeta: rule('tree.experiment-meta'),
    runMeta: rule('tree.run-meta'),
    yamlParse: rule('yaml.parse'),
    yamlStyle: rule('yaml.style'),
    yamlQuotes: rule('yaml.quotes'),
    experimentKeys: rule('experiment.keys'),
    experimentId: rule('experiment.id'),
    experimentName: rule('experiment.unique-name'),
    runKeys: rule('run.keys'),
    runId: rule('run.id'),
    runExperiment: rule('run.experiment'),
    runUuid: rule('run.uuid'),
    runName: rule('run.name'),
    runTimes: rule('run.times'),
    metricLines: rule('metric.lines'),
    metricValues: rule('metric.values'),
    keys: rule('key.valid'),
    params: rule('param.value'),
    tags: rule('tag.value'),
    utf8: rule('reader.utf8'),
    inputs: rule('reader.inputs-outputs'),
    modelMeta: rule('registry.model'),
    versionMeta: rule('registry.version'),
    versionRun: rule('registry.version-run'),
    aliases: rule('registry.aliases'),
    artifactPaths: rule('artifacts.resolve'),
  };

  const tree = new Tree(Object.keys(files).filter((p) => !p.endsWith('/')));
  const text = (path: string): string | null => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(files[path]);
    } catch {
      return null;
    }
  };
  for (const path of tree.paths) {
    if (!path.startsWith(`${root}/`) || /\/artifacts\//.test(path.slice(root.length))) continue;
    if (text(path) === null) r.utf8(`${path}: not UTF-8`);
  }
  const yamlAt = (path: string): Record<string, unknown> | null => {
    const source = text(path);
    if (source === null || source.trim() === '') {
      r.yamlParse(`${path}: ${source === null ? 'not UTF-8' : 'empty'}`);
      return null;
    }
    const doc = parseDocument(source, { schema: 'failsafe' });
    if (doc.errors.length > 0 || !isMap(doc.contents)) {
      r.yamlParse(`${path}: ${doc.errors[0]?.message ?? 'not a mapping'}`);
      return null;
    }
    checkStyle(doc, path, r.yamlStyle, r.yamlQuotes);
    try {
      return safeLoad(doc.contents) as Record<string, unknown>;
    } catch (error) {
      r.yamlParse(`${path}: ${(error as Error).message}`);
      return null;
    }
  };
  const keyed = (dir: string, kind: 'metric' | 'param' | 'tag'): Map<string, string> => {
    const out = new Map<string, string>();
    for (const key of tree.filesUnder(dir)) {
      const problem = keyProblem(key);
      if (problem) r.keys(`${dir}/${key}: ${problem}`);
      const value = text(`${dir}/${key}`) ?? '';
      if (kind !== 'metric') {
        const limit = kind === 'param' ? 6000 : 8000;
        const report = kind === 'param' ? r.params : r.tags;
        if (/\n$/.test(value)) report(`${dir}/${key}: ends with a line break`);
        if (value.length > limit) report(`${dir}/${key}: ${value.length} characters (limit ${limit})`);
      }
      out.set(key, value);
    }
    return out;
  };

  // Experiments and their runs.
  const experiments: ReadExperiment[] = [];
  const runIds = new Set<string>();
  const names = new Map<string, string>();
  let integerWithMeta = false;
  for (const dir of tree.dirs(root)) {
    if (dir === 'models' || dir.endsWith('.trash')) continue;
    if (!EXPERIMENT_ID.test(dir)) {
      r.rootDirs(`${root}/${dir}: not a valid experiment id`);
      continue;
    }
    if (!/^\d+$/.test(dir)) r.integerIds(`${root}/${dir}: not an integer`);
    const metaPath = `${root}/${dir}/meta.yaml`;
    if (!tree.has(metaPath)) {
      r.experimentMeta(`${root}/${dir}: no meta.yaml`);
      continue;
    }
    const meta = yamlAt(metaPath);
    if (meta === null || Object.keys(meta).length === 0) {
      r.experimentMeta(`${metaPath}: empty or unreadable`);
      continue;
    }
    if (/^\d+$/.test(dir)) integerWithMeta = true;
    for (const key of ['artifact_location', 'experiment_id', 'name'] as const) {
      if (typeof meta[key] !== 'string') r.experimentKeys(`${metaPath}: ${key} is ${describe(meta[key])}, not a string`);
    }
    if (meta.lifecycle_stage !== 'active' && meta.lifecycle_stage !== 'deleted') r.experimentKeys(`${metaPath}: lifecycle_stage is ${describe(meta.lifecycle_stage)}`);
    for (const key of ['creation_time', 'last_update_time'] as const) {
      if (key in meta && !Number.isInteger(meta[key])) r.experimentKeys(`${metaPath}: ${key} is ${describe(meta[key])}, not int ms`);
    }
    if (typeof meta.name === 'string' && (meta.name.length === 0 || meta.name.length > 500)) r.experimentKeys(`${metaPath}: name has ${meta.name.length} characters`);
    if (meta.experiment_id !== dir) r.experimentId(`${metaPath}: experiment_id ${describe(meta.experiment_id)} in directory ${dir}`);
    if (typeof meta.name === 'string') {
      const other = names.get(meta.name);
      if (other !== undefined) r.experimentName(`${dir} and ${other} are both named ${meta.name}`);
      names.set(meta.name, dir);
    }
    if (typeof meta.artifact_location === 'string') checkLocation(meta.artifact_location, `${metaPath}: artifact_location`, `${root}/${dir}`);
    const experiment: ReadExperiment = { id: dir, meta, tags: keyed(`${root}/${dir}/tags`, 'tag'), runs: [] };
    experiments.push(experiment);

    for (const runDir of tree.dirs(`${root}/${dir}`)) {
      if (RESERVED_EXPERIMENT_FOLDERS.has(runDir)) continue;
      const base = `${root}/${dir}/${runDir}`;
      if (!tree.has(`${base}/meta.yaml`)) {
        r.runMeta(`${base}: no meta.yaml`);
        continue;
      }
      const run = yamlAt(`${base}/meta.yaml`);
      if (run === null) continue;
      const where = `${base}/meta.yaml`;
      for (const key of ['experiment_id', 'run_id', 'user_id'] as const) {
        if (typeof run[key] !== 'string') r.runKeys(`${where}: ${key} is ${describe(run[key])}, not a string`);
      }
      if (!('end_time' in run)) r.runKeys(`${where}: no end_time key`);
      else if (run.end_time !== null && !Number.isInteger(run.end_time)) r.runKeys(`${where}: end_time is ${describe(run.end_time)}`);
      if (!Number.isInteger(run.start_time)) r.runKeys(`${where}: start_time is ${describe(run.start_time)}`);
      if ('status' in run && !(Number.isInteger(run.status) && (run.status as number) >= 1 && (run.status as number) <= 5)) r.runKeys(`${where}: status is ${describe(run.status)}`);
      if ('lifecycle_stage' in run && run.lifecycle_stage !== 'active' && run.lifecycle_stage !== 'deleted') r.runKeys(`${where}: lifecycle_stage is ${describe(run.lifecycle_stage)}`);
      for (const key of ['artifact_uri', 'run_name'] as const) {
        if (key in run && typeof run[key] !== 'string') r.runKeys(`${where}: ${key} is ${describe(run[key])}, not a string`);
      }
      if ('deleted_time' in run && run.deleted_time !== null && !Number.isInteger(run.deleted_time)) r.runKeys(`${where}: deleted_time is ${describe(run.deleted_time)}`);
      if (run.run_id !== runDir || !RUN_ID.test(runDir) || !/^[0-9a-f]{32}$/.test(runDir)) r.runId(`${where}: run_id ${describe(run.run_id)} in directory ${runDir}`);
      if (run.experiment_id !== dir) r.runExperiment(`${where}: experiment_id ${describe(run.experiment_id)} in experiment ${dir}`);
      if (run.run_uuid !== run.run_id) r.runUuid(`${where}: run_uuid ${describe(run.run_uuid)}, run_id ${describe(run.run_id)}`);
      const status = 'status' in run ? run.status : 1;
      if ((status === 1) !== (run.end_time === null)) r.runTimes(`${where}: status ${describe(status)} with end_time ${describe(run.end_time)}`);
      if (Number.isInteger(run.end_time) && Number.isInteger(run.start_time) && (run.end_time as number) < (run.start_time as number)) r.runTimes(`${where}: ends before it starts`);
      runIds.add(runDir);

      const tags = keyed(`${base}/tags`, 'tag');
      if (typeof run.run_name === 'string' && tags.has('mlflow.runName') && tags.get('mlflow.runName') !== run.run_name) {
        r.runName(`${where}: run_name ${describe(run.run_name)}, tag ${describe(tags.get('mlflow.runName'))}`);
      }
      const metrics = new Map<string, { history: MetricPoint[]; summary: MetricPoint }>();
      for (const [key, content] of keyed(`${base}/metrics`, 'metric')) {
        const history = readMetric(content, `${base}/metrics/${key}`, r.metricLines, r.metricValues);
        if (history.length === 0) continue;
        // The summary is the line with the largest (step, timestamp, value).
        const summary = history.reduce((best, p) => (compare(p, best) > 0 ? p : best));
        metrics.set(key, { history, summary });
      }
      for (const folder of ['inputs', 'outputs']) {
        for (const entry of tree.dirs(`${base}/${folder}`)) {
          if (!tree.has(`${base}/${folder}/${entry}/meta.yaml`)) r.inputs(`${base}/${folder}/${entry}: no meta.yaml`);
        }
      }
      let artifacts: string[] = [];
      if (typeof run.artifact_uri === 'string') {
        const folder = checkLocation(run.artifact_uri, `${where}: artifact_uri`, null);
        artifacts = folder === null ? [] : tree.filesUnder(folder);
      }
      experiment.runs.push({ experimentId: dir, runId: runDir, meta: run, params: keyed(`${base}/params`, 'param'), tags, metrics, artifacts });
    }
  }
  if (!integerWithMeta) r.integerIds(`${root}: no experiment directory named by an integer holds a meta.yaml`);

  // The registry.
  const models: ReadModel[] = [];
  for (const name of tree.dirs(`${root}/models`)) {
    const base = `${root}/models/${name}`;
    const where = `${base}/meta.yaml`;
    if (!tree.has(where)) {
      r.modelMeta(`${base}: no meta.yaml`);
      continue;
    }
    const meta = yamlAt(where);
    if (meta === null) continue;
    if (!isPlainObject(meta.aliases)) r.modelMeta(`${where}: aliases is ${describe(meta.aliases)}, not a mapping`);
    for (const key of ['creation_timestamp', 'last_updated_timestamp'] as const) {
      if (!Number.isInteger(meta[key])) r.modelMeta(`${where}: ${key} is ${describe(meta[key])}`);
    }
    for (const key of ['deployment_job_id', 'deployment_job_state'] as const) if (meta[key] !== null) r.modelMeta(`${where}: ${key} is ${describe(meta[key])}, not null`);
    if (meta.description !== null && typeof meta.description !== 'string') r.modelMeta(`${where}: description is ${describe(meta.description)}`);
    if (meta.name !== name || name === '' || /[/\\%]/.test(name)) r.modelMeta(`${where}: name ${describe(meta.name)} in directory ${name}`);
    const aliases = new Map<string, string>();
    for (const alias of tree.filesUnder(`${base}/aliases`)) aliases.set(alias, text(`${base}/aliases/${alias}`) ?? '');
    const versions: ReadVersion[] = [];
    for (const dir of tree.dirs(base)) {
      if (dir === 'tags' || dir === 'aliases') continue;
      const match = /^version-(\d+)$/.exec(dir);
      const vWhere = `${base}/${dir}/meta.yaml`;
      if (!match) {
        r.versionMeta(`${base}/${dir}: not a version-<n> directory`);
        continue;
      }
      const v = tree.has(vWhere) ? yamlAt(vWhere) : null;
      if (v === null) {
        r.versionMeta(`${vWhere}: missing or unreadable`);
        continue;
      }
      const n = Number(match[1]);
      const ints = ['creation_timestamp', 'last_updated_timestamp'] as const;
      for (const key of ints) if (!Number.isInteger(v[key])) r.versionMeta(`${vWhere}: ${key} is ${describe(v[key])}`);
      if (!STAGES.has(v.current_stage as string)) r.versionMeta(`${vWhere}: current_stage is ${describe(v.current_stage)}`);
      if (v.deployment_job_state !== null) r.versionMeta(`${vWhere}: deployment_job_state is ${describe(v.deployment_job_state)}`);
      for (const key of ['description', 'model_id', 'run_link', 'status_message'] as const) {
        if (!(key in v) || (v[key] !== null && typeof v[key] !== 'string')) r.versionMeta(`${vWhere}: ${key} is ${describe(v[key])}`);
      }
      for (const key of ['run_id', 'source', 'storage_location', 'user_id'] as const) {
        if (typeof v[key] !== 'string') r.versionMeta(`${vWhere}: ${key} is ${describe(v[key])}, not a string`);
      }
      if (v.name !== name) r.versionMeta(`${vWhere}: name ${describe(v.name)} under model ${name}`);
      if (v.version !== n) r.versionMeta(`${vWhere}: version ${describe(v.version)} in ${dir}`);
      if (!VERSION_STATUSES.has(v.status as string)) r.versionMeta(`${vWhere}: status is ${describe(v.status)}`);
      if (typeof v.run_id === 'string' && v.run_id !== '' && !runIds.has(v.run_id)) r.versionRun(`${vWhere}: run ${v.run_id} is not in the store`);
      for (const key of ['source', 'storage_location'] as const) if (typeof v[key] === 'string') checkLocation(v[key], `${vWhere}: ${key}`, null);
      versions.push({ version: n, meta: v, tags: keyed(`${base}/${dir}/tags`, 'tag') });
    }
    for (const [alias, content] of aliases) {
      if (!/^[A-Za-z0-9_-]+$/.test(alias) || alias === 'latest' || /^v\d+$/.test(alias)) r.aliases(`${base}/aliases/${alias}: not a valid alias name`);
      if (!/^\d+$/.test(content)) r.aliases(`${base}/aliases/${alias}: holds ${JSON.stringify(content)}, not a version number`);
      else if (!versions.some((v) => String(v.version) === content)) r.aliases(`${base}/aliases/${alias}: version ${content} does not exist`);
    }
    if (isPlainObject(meta.aliases)) {
      const written = Object.entries(meta.aliases).map(([k, v]) => `${k}=${String(v)}`).sort();
      const files = [...aliases].map(([k, v]) => `${k}=${v}`).sort();
      if (written.join() !== files.join()) r.aliases(`${where}: aliases ${written.join(', ')} but alias files ${files.join(', ')}`);
    }
    models.push({ name, meta, tags: keyed(`${base}/tags`, 'tag'), aliases, versions: versions.sort((a, b) => a.version - b.version) });
  }
  return { rules, experiments, models };

  /**
   * Where a location points in the zip: a path without a scheme (or a file: URI) is local, relative to the folder
   * MLflow starts in; that is the folder the zip was unpacked into. `runs:/` and other schemes are not checked.
   */
  function checkLocation(location: string, what: string, expected: string | null): string | null {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(location)?.[1];
    if (scheme !== undefined && scheme !== 'file') return null;
    const path = location.replace(/^file:(\/\/)?/, '').replace(/^\.\//, '').replace(/\/$/, '');
    if (path.startsWith('/')) {
      r.artifactPaths(`${what}: ${location} is an absolute path, which a zip cannot promise`);
      return null;
    }
    if (expected !== null ? path !== expected : tree.filesUnder(path).length === 0) r.artifactPaths(`${what}: ${location} holds nothing in the zip`);
    return path;
  }
}

/** safe_dump's layout: block collections (flow only when empty), keys in sorted order; quotes only where needed. */
function checkStyle(doc: Document, path: string, style: (v: string) => void, quotes: (v: string) => void): void {
  const visit = (node: Node | null | undefined, at: string) => {
    if (isMap(node) || isSeq(node)) {
      if (node.flow && node.items.length > 0) style(`${path}: ${at || 'document'} is a non-empty flow collection`);
      if (isMap(node)) {
        const keys = node.items.map((pair) => (isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : ''));
        const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        if (keys.join('\u0000') !== sorted.join('\u0000')) style(`${path}: keys of ${at || 'the document'} not sorted (${keys.join(', ')})`);
        for (const pair of node.items) visit(pair.value as Node, `${at}${at ? '.' : ''}${isScalar(pair.key) ? String(pair.key.value) : '?'}`);
      } else node.items.forEach((item, i) => visit(item as Node, `${at}[${i}]`));
    } else if (isScalar(node) && typeof node.value === 'string' && (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE')) {
      if (readsAsPlainString(node.value)) quotes(`${path}: ${at} = ${JSON.stringify(node.value)} is quoted but reads the same plain`);
    }
  };
  visit(doc.contents as Node, '');
}

/**
 * PyYAML's implicit resolvers (yaml/resolver.py), which SafeLoader applies to plain scalars (YAML 1.1): a plain
 * scalar matching none of them is a string. `=` and `<<` resolve to tags SafeLoader cannot build: reading fails.
 */
const RESOLVERS: [RegExp, (text: string) => unknown][] = [
  [/^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/, (t) => /^(?:yes|true|on)$/i.test(t)],
  [/^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, (t) => (/nan/i.test(t) ? NaN : /inf/i.test(t) ? (t.startsWith('-') ? -Infinity : Infinity) : Number(t.replace(/_/g, '')))],
  [/^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/, (t) => (/^[-+]?(?:0|[1-9][0-9_]*)$/.test(t) ? Number(t.replace(/_/g, '')) : { int: t })],
  [/^(?:<<)$/, () => { throw new Error('<< reads as a merge key, which SafeLoader cannot build here'); }],
  [/^(?:~|null|Null|NULL|)$/, () => null],
  [/^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/, (t) => new Date(t)],
  [/^(?:=)$/, () => { throw new Error('= reads as the value tag, which SafeLoader cannot build'); }],
];

/** A YAML node (read without resolving anything) as SafeLoader builds it: plain scalars through RESOLVERS. */
function safeLoad(node: unknown): unknown {
  if (isMap(node)) return Object.fromEntries(node.items.map((pair) => [String(isScalar(pair.key) ? pair.key.value : pair.key), safeLoad(pair.value)]));
  if (isSeq(node)) return node.items.map(safeLoad);
  if (isScalar(node)) {
    const text = String(node.value);
    if (node.type !== 'PLAIN') return text;
    const resolver = RESOLVERS.find(([re]) => re.test(text));
    return resolver ? resolver[1](text) : text;
  }
  return null;
}

/** Whether `value`, written plain after `k: `, would read back as this very string. */
function readsAsPlainString(value: string): boolean {
  if (value === '' || /^\s|\s$|[\n\x85\u2028\u2029]/.test(value)) return false;
  try {
    const doc = parseDocument(`k: ${value}\n`, { schema: 'failsafe' });
    if (doc.errors.length > 0 || !isMap(doc.contents)) return false;
    return (safeLoad(doc.contents) as { k?: unknown }).k === value;
  } catch {
    return false;
  }
}

/** A metric file read line by line as FileStore._get_metric_from_line does. */
function readMetric(content: string, path: string, lines: (v: string) => void, values: (v: string) => void): MetricPoint[] {
  if (content === '') {
    lines(`${path}: empty`);
    return [];
  }
  if (!content.endsWith('\n')) lines(`${path}: the last line has no line break`);
  const points: MetricPoint[] = [];
  content
    .replace(/\n$/, '')
    .split('\n')
    .forEach((line, i) => {
      const fields = line.split(' ');
      if (fields.length !== 2 && fields.length !== 3 && fields.length !== 5) {
        lines(`${path}:${i + 1}: ${fields.length} fields in ${JSON.stringify(line)}`);
        return;
      }
      const [timestamp = '', value = '', step = '0'] = fields;
      if (!/^-?\d+$/.test(timestamp) || !/^-?\d+$/.test(step)) {
        lines(`${path}:${i + 1}: timestamp or step is not an integer in ${JSON.stringify(line)}`);
        return;
      }
      if (!isPythonFloatRepr(value)) values(`${path}:${i + 1}: ${JSON.stringify(value)} is not Python's str(float)`);
      points.push({ timestamp: Number(timestamp), value: pythonFloatValue(value), step: Number(step) });
    });
  return points;
}

function pythonFloatValue(text: string): number {
  return text === 'nan' ? NaN : text === 'inf' ? Infinity : text === '-inf' ? -Infinity : Number(text);
}

/** (step, timestamp, value) order, as MLflow picks a metric's summary value (a NaN value ranks lowest). */
function compare(a: MetricPoint, b: MetricPoint): number {
  if (a.step !== b.step) return a.step - b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp - b.timestamp;
  const av = Number.isNaN(a.value) ? -Infinity : a.value;
  const bv = Number.isNaN(b.value) ? -Infinity : b.value;
  return av - bv;
}

/**
 * Python's repr of a float (float_repr_style 'short'): the shortest digits that read back as the same double; fixed
 * notation when the decimal exponent is in [-4, 16), with at least one digit after the point and no trailing zero
 * beyond `.0`; scientific otherwise (`1e-05`, `1.5e+16`: a sign and at least two exponent digits); nan, inf, -inf.
 */
export function isPythonFloatRepr(text: string): boolean {
  if (text === 'nan' || text === 'inf' || text === '-inf') return true;
  const fixed = /^-?(0|[1-9]\d*)\.(0|\d*[1-9])$/.exec(text);
  const scientific = /^-?([1-9])(?:\.(\d*[1-9]))?e([+-])(0[1-9]|[1-9]\d{1,2})$/.exec(text);
  if (!fixed && !scientific) return false;
  const x = Number(text);
  if (!Number.isFinite(x)) return false;
  if (x === 0) return text === '0.0' || text === '-0.0';
  const digits = significant(text);
  // The shortest digits that round-trip are JavaScript's too (Number.prototype.toString).
  if (digits !== significant(String(x))) return false;
  const exponent = Math.floor(Math.log10(Math.abs(x)));
  // log10 can be off by one next to a power of ten: take the exponent from the digits instead.
  const decimalExponent = fixed ? exponentOfFixed(text) : Number(`${scientific![3]}${scientific![4]}`);
  if (Math.abs(decimalExponent - exponent) > 1) return false;
  return fixed ? decimalExponent >= -4 && decimalExponent < 16 : decimalExponent < -4 || decimalExponent >= 16;
}

function significant(text: string): string {
  const mantissa = text.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '');
  return mantissa.replace(/^0+/, '').replace(/0+$/, '');
}

function exponentOfFixed(text: string): number {
  const [whole = '', fraction = ''] = text.replace(/^-/, '').split('.');
  if (whole !== '0') return whole.length - 1;
  return -(fraction.search(/[1-9]/) + 1);
}

/** Why MLflow would refuse a metric, param or tag key; null when it takes it (utils/validation.py, path_not_unique). */
export function keyProblem(key: string): string | null {
  if (!/^[A-Za-z0-9_\-. /]+$/.test(key)) return /:/.test(key) ? 'has ":", which Windows refuses in a file name' : 'has characters MLflow refuses';
  if (key.length > 250) return `${key.length} characters (limit 250)`;
  const norm = posixNormpath(key);
  if (norm !== key || norm === '.' || norm.startsWith('..') || norm.startsWith('/')) return `changes under path normalisation (to ${norm})`;
  return null;
}

/** Python's posixpath.normpath. */
export function posixNormpath(path: string): string {
  if (path === '') return '.';
  const initial = path.startsWith('/') ? (path.startsWith('//') && !path.startsWith('///') ? 2 : 1) : 0;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..' || (initial === 0 && parts.length === 0) || parts.at(-1) === '..') parts.push(part);
    else if (parts.length > 0) parts.pop();
  }
  const joined = '/'.repeat(initial) + parts.join('/');
  return joined === '' ? '.' : joined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describe(value: unknown): string {
  if (value instanceof Date) return `a date (${value.toISOString().slice(0, 10)})`;
  if (value === undefined) return 'missing';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The zip's paths as directories and files. */
class Tree {
  readonly paths: string[];
  readonly #files = new Set<string>();
  readonly #children = new Map<string, { dirs: Set<string>; files: Set<string> }>();
  /** Per directory, every file below it, relative to it. */
  readonly #below = new Map<string, string[]>();

  constructor(paths: string[]) {
    this.paths = [...paths].sort();
    for (const path of this.paths) {
      this.#files.add(path);
      const parts = path.split('/');
      for (let i = 0; i < parts.length; i++) {
        const parent = parts.slice(0, i).join('/');
        const entry = this.#children.get(parent) ?? { dirs: new Set(), files: new Set() };
        (i === parts.length - 1 ? entry.files : entry.dirs).add(parts[i]!);
        this.#children.set(parent, entry);
        if (i > 0) {
          const below = this.#below.get(parent) ?? [];
          below.push(parts.slice(i).join('/'));
          this.#below.set(parent, below);
        }
      }
    }
  }

  has(path: string): boolean {
    return this.#files.has(path);
  }

  dirs(path: string): string[] {
    return [...(this.#children.get(path)?.dirs ?? [])].sort();
  }

  /** Every file below `dir`, as a path relative to it (MLflow walks metrics/, params/ and tags/ recursively). */
  filesUnder(dir: string): string[] {
    return this.#below.get(dir) ?? [];
  }
}
