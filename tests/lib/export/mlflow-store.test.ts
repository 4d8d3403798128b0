import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { metricsTableRows } from '../../../src/lib/evaluate/metrics-downloads';
import { classicalParamsFile } from '../../../src/lib/export/classical-params-file';
import { mlflowStore, mlflowZip, type MlflowExport } from '../../../src/lib/export/mlflow-store';
import type { Registry } from '../../../src/lib/registry/types';
import type { RunArtifacts, RunMetrics } from '../../../src/lib/runs/types';
import type { RunRecord } from '../../../src/lib/storage/records';
import { checkMlruns, MLFLOW_RULES, type Files, type MlrunsReport, type ReadRun, type RuleId } from './mlflow-rules';
import { EXAMPLE_HASH, OTHER_HASH, storedRecords, type StoredRecords } from './stored-records';

// The export against ../shared/reference/mlflow-filestore.md: real-shaped stored rows (trained by the app's own
// pipeline, tests/lib/export/stored-records.ts) → mlflowStore → zip → unzip → every rule of the reference, checked by
// tests/lib/export/mlflow-rules.ts, which reads the tree as MLflow's FileStore does. MLflow itself cannot be installed
// on these machines.

let records: StoredRecords;
let exported: MlflowExport;
let zip: Uint8Array;
let files: Files;
let report: MlrunsReport;

beforeAll(async () => {
  records = await storedRecords();
  exported = await mlflowStore(records);
  zip = mlflowZip(exported.files, { mtime: exported.newest });
  files = unzipSync(zip);
  report = checkMlruns(files);
}, 120_000);

const runOf = (id: string): ReadRun => {
  const mlflowId = /^[0-9a-f-]{36}$/.test(id) ? id.replaceAll('-', '') : null;
  const run = report.experiments.flatMap((e) => e.runs).find((r) => (mlflowId ? r.runId === mlflowId : r.tags.get('forecast_lab_run_id') === id));
  if (!run) throw new Error(`run ${id} is not in the export`);
  return run;
};
const stored = (id: string): RunRecord => records.runs.find((r) => r.id === id)!;
const ridgeTest = (metrics: RunMetrics) => metrics.models.find((m) => m.name === 'ridge')!.windows.find((w) => w.window === 'test')!;
const FIRST = '6f1d2c3b-8a9e-4f10-9b2c-3d4e5f607182';
const SECOND = '0b7c9d2e-1f3a-4b5c-8d6e-7f8091a2b3c4';

describe('mlflowStore(records) → zip → unzip: every rule of the reference holds', () => {
  it.each(MLFLOW_RULES)('§ $section — $says', ({ id }) => {
    expect(report.rules.find((r) => r.id === id)!.violations).toEqual([]);
  });
});

describe('checkMlruns(files) catches each rule broken (it is not vacuous)', () => {
  const runDir = () => Object.keys(files).find((p) => /^mlruns\/\d+\/[0-9a-f]{32}\/meta\.yaml$/.test(p))!.replace(/\/meta\.yaml$/, '');
  const experimentMeta = () => Object.keys(files).find((p) => /^mlruns\/[1-9]\d+\/meta\.yaml$/.test(p))!;
  const firstMetric = () => Object.keys(files).find((p) => p.includes('/metrics/'))!;
  const modelDir = 'mlruns/models/forecaster-eeeeeeee';
  const edit = (tree: Files, path: string, change: (text: string) => string) => {
    tree[path] = new TextEncoder().encode(change(new TextDecoder().decode(tree[path])));
  };
  const move = (tree: Files, from: string, to: string) => {
    for (const path of Object.keys(tree).filter((p) => p.startsWith(`${from}/`))) {
      tree[path.replace(from, to)] = tree[path]!;
      delete tree[path];
    }
  };
  const cases: { rule: RuleId; what: string; breakIt: (tree: Files) => void }[] = [
    { rule: 'tree.root-dirs', what: 'a .ipynb_checkpoints folder in mlruns/', breakIt: (t) => void (t['mlruns/.ipynb_checkpoints/x'] = new Uint8Array(1)) },
    { rule: 'tree.integer-ids', what: 'an experiment named by letters', breakIt: (t) => move(t, experimentMeta().replace('/meta.yaml', ''), 'mlruns/abc') },
    { rule: 'tree.experiment-meta', what: 'an experiment without meta.yaml', breakIt: (t) => void delete t[experimentMeta()] },
    { rule: 'tree.run-meta', what: 'a run without meta.yaml', breakIt: (t) => void delete t[`${runDir()}/meta.yaml`] },
    { rule: 'yaml.parse', what: 'a meta.yaml that is not a mapping', breakIt: (t) => edit(t, experimentMeta(), () => '- a\n- b\n') },
    { rule: 'yaml.style', what: 'keys out of order', breakIt: (t) => edit(t, experimentMeta(), (x) => x.split('\n').reverse().join('\n')) },
    { rule: 'yaml.quotes', what: 'a name quoted for nothing', breakIt: (t) => edit(t, 'mlruns/0/meta.yaml', (x) => x.replace('name: Default', "name: 'Default'")) },
    { rule: 'experiment.keys', what: 'experiment_id written as a number', breakIt: (t) => edit(t, experimentMeta(), (x) => x.replace(/experiment_id: '(\d+)'/, 'experiment_id: $1')) },
    { rule: 'experiment.id', what: 'experiment_id of another directory', breakIt: (t) => edit(t, experimentMeta(), (x) => x.replace(/experiment_id: '\d+'/, "experiment_id: '7'")) },
    { rule: 'experiment.unique-name', what: 'two experiments named Default', breakIt: (t) => edit(t, experimentMeta(), (x) => x.replace(/^name: .*$/m, 'name: Default')) },
    { rule: 'run.keys', what: 'a run without end_time', breakIt: (t) => edit(t, `${runDir()}/meta.yaml`, (x) => x.replace(/^end_time: .*\n/m, '')) },
    { rule: 'run.id', what: 'a run in a directory not named by its run_id', breakIt: (t) => move(t, runDir(), runDir().replace(/[0-9a-f]{32}$/, 'f'.repeat(32))) },
    { rule: 'run.experiment', what: "a run naming another experiment", breakIt: (t) => edit(t, `${runDir()}/meta.yaml`, (x) => x.replace(/experiment_id: '\d+'/, "experiment_id: '0'")) },
    { rule: 'run.uuid', what: 'a run without run_uuid', breakIt: (t) => edit(t, `${runDir()}/meta.yaml`, (x) => x.replace(/^run_uuid: .*\n/m, '')) },
    { rule: 'run.name', what: 'run_name and mlflow.runName apart', breakIt: (t) => void (t[`${runDir()}/tags/mlflow.runName`] = new TextEncoder().encode('another name')) },
    { rule: 'run.times', what: 'a finished run with no end_time', breakIt: (t) => edit(t, `${runDir()}/meta.yaml`, (x) => x.replace(/^end_time: .*$/m, 'end_time: null')) },
    { rule: 'metric.lines', what: 'a blank line in a metric file', breakIt: (t) => edit(t, firstMetric(), (x) => `${x}\n`) },
    { rule: 'metric.values', what: "a value in JavaScript's form (1e-7) rather than Python's (1e-07)", breakIt: (t) => edit(t, firstMetric(), (x) => x.replace(/ \S+ (\d+)\n$/, ' 1e-7 $1\n')) },
    { rule: 'key.valid', what: 'a metric key with ":"', breakIt: (t) => void (t[`${runDir()}/metrics/a:b`] = new TextEncoder().encode('1 1.0 0\n')) },
    { rule: 'param.value', what: 'a param ending in a line break', breakIt: (t) => edit(t, `${runDir()}/params/seed`, (x) => `${x}\n`) },
    { rule: 'tag.value', what: 'a tag of 8001 characters', breakIt: (t) => void (t[`${runDir()}/tags/long`] = new TextEncoder().encode('x'.repeat(8001))) },
    { rule: 'reader.utf8', what: 'a tag that is not UTF-8', breakIt: (t) => void (t[`${runDir()}/tags/latin1`] = Uint8Array.of(0x63, 0x61, 0x66, 0xe9)) },
    { rule: 'reader.inputs-outputs', what: 'an inputs/ entry without meta.yaml', breakIt: (t) => void (t[`${runDir()}/inputs/abc/other`] = new Uint8Array(1)) },
    { rule: 'registry.model', what: 'a registered model named apart from its directory', breakIt: (t) => edit(t, `${modelDir}/meta.yaml`, (x) => x.replace(/^name: .*$/m, 'name: other')) },
    { rule: 'registry.version', what: 'a version with the status as a number', breakIt: (t) => edit(t, `${modelDir}/version-1/meta.yaml`, (x) => x.replace('status: READY', 'status: 3')) },
    { rule: 'registry.version-run', what: 'a version naming a run that is not there', breakIt: (t) => edit(t, `${modelDir}/version-1/meta.yaml`, (x) => x.replace(/^run_id: .*$/m, `run_id: ${'a'.repeat(32)}`)) },
    { rule: 'registry.aliases', what: 'an alias pointing at version 9', breakIt: (t) => void (t[`${modelDir}/aliases/champion`] = new TextEncoder().encode('9')) },
    { rule: 'artifacts.resolve', what: 'an artifact_uri where nothing is', breakIt: (t) => edit(t, `${runDir()}/meta.yaml`, (x) => x.replace(/^artifact_uri: .*$/m, 'artifact_uri: ./elsewhere')) },
  ];

  it('has a case for every rule', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual(MLFLOW_RULES.map((r) => r.id).sort());
  });

  it.each(cases)('$rule: $what', ({ rule, breakIt }) => {
    const tree: Files = { ...files };
    breakIt(tree);
    expect(checkMlruns(tree).rules.find((r) => r.id === rule)!.violations.length).toBeGreaterThan(0);
  });
});

describe('mlflowStore(records): what lands where', () => {
  it('one experiment per dataset, named after it, plus MLflow’s empty Default; a row it cannot read is listed in the README', () => {
    const names = report.experiments.map((e) => [e.id, e.meta.name, e.runs.length]);
    expect(names).toContainEqual(['0', 'Default', 0]);
    expect(names).toContainEqual([expect.stringMatching(/^[1-9]\d{17}$/), 'Product-sales example (seed 42, 2 stores × 2 products, 240 days) · eeeeeeee', 4]);
    expect(names).toContainEqual([expect.stringMatching(/^[1-9]\d{17}$/), 'yes · 01234567', 1]);
    const example = report.experiments.find((e) => e.meta.name?.toString().startsWith('Product-sales'))!;
    expect(example.tags.get('data_hash')).toBe(EXAMPLE_HASH);
    expect(example.meta.creation_time).toBe(Date.parse('2024-05-01T10:00:00.000Z'));
    expect([exported.experiments, exported.runs, exported.versions]).toEqual([2, 5, 4]);
    expect(exported.skipped).toEqual([expect.stringMatching(/^run damaged: /)]);
    const readme = new TextDecoder().decode(files['README.md']);
    expect(readme).toContain('mlflow ui --backend-store-uri ./mlruns');
    expect(readme).toContain('mlflow migrate-filestore --source ./mlruns --target sqlite:///mlflow.db');
    expect(readme).toContain('run damaged: ');
  });

  it('a run: its stored id (dashes dropped) as run_id, times and status from the record, lineage tags', () => {
    const run = runOf(FIRST);
    const record = stored(FIRST);
    expect(run.runId).toBe('6f1d2c3b8a9e4f109b2c3d4e5f607182');
    expect(run.meta).toMatchObject({ start_time: Date.parse(record.created), end_time: Date.parse(record.updated), status: 3, lifecycle_stage: 'active', user_id: 'forecast-lab' });
    const metrics = record.metrics as unknown as RunMetrics;
    expect(Object.fromEntries(run.tags)).toMatchObject({
      data_hash: EXAMPLE_HASH, seed: '42', backend: 'cpu', status: 'done', best_model: metrics.best, 'mlflow.runName': run.meta.run_name,
      'mlflow.source.name': 'Forecast Lab', 'mlflow.source.type': 'LOCAL', 'mlflow.user': 'forecast-lab', forecast_lab_run_id: FIRST,
    });
    expect(run.tags.get('mlflow.note.content')).toMatch(/^A Forecast Lab training run \(done\)\. /);
    // A failed run is FAILED with its end; a running one RUNNING with none; a run with a non-UUID id gets a hashed one.
    expect(runOf('1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5').meta).toMatchObject({ status: 4, end_time: Date.parse('2024-05-04T08:00:05.000Z') });
    expect(runOf('2d3e4f5a-6b7c-4d8e-9fa0-b1c2d3e4f5a6').meta).toMatchObject({ status: 1, end_time: null });
    expect(runOf('run-from-a-backup').runId).toMatch(/^[0-9a-f]{32}$/);
    expect(runOf('run-from-a-backup').experimentId).not.toBe(run.experimentId);
  });

  it('params: the whole configuration, flattened by path, each leaf once', () => {
    const run = runOf(FIRST);
    const config = stored(FIRST).config;
    const at = (path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], config);
    for (const [key, value] of run.params) {
      const leaf = at(key);
      expect(value, key).toBe(typeof leaf === 'string' ? leaf : JSON.stringify(leaf));
    }
    const leaves = (node: unknown): number => {
      if (Array.isArray(node)) return node.every((x) => x === null || typeof x !== 'object') ? 1 : node.reduce((n: number, x) => n + leaves(x), 0);
      if (typeof node === 'object' && node !== null) return Object.keys(node).length === 0 ? 1 : Object.values(node).reduce((n: number, x) => n + leaves(x), 0);
      return 1;
    };
    expect(run.params.size).toBe(leaves(config));
    expect(run.params.get('seed')).toBe('42');
    expect(run.params.get('models.candidates.0.epochs')).toBe('6');
    expect(run.params.get('split.folds')).toBe('1');
  });

  it('metrics: every model × window metric the Evaluate stage shows, with its stored value, at step 0', () => {
    const run = runOf(FIRST);
    const metrics = stored(FIRST).metrics as unknown as RunMetrics;
    const rows = metricsTableRows(metrics).filter((row) => row.value !== null);
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      const key = `${row.model}/${row.window.replace(' ', '_')}/${row.role === 'custom' ? 'custom/' : ''}${row.metric.replace(/[^A-Za-z0-9_\-. /]/g, '_')}`;
      const metric = run.metrics.get(key);
      expect(metric, key).toBeDefined();
      expect(metric!.history).toEqual([{ timestamp: Date.parse(stored(FIRST).updated), value: row.value, step: 0 }]);
    }
    // The Scope's own metric, named with characters MLflow refuses in a key.
    expect(run.metrics.get('ridge/test/custom/units short ___')!.summary.value).toBe(ridgeTest(metrics).custom![0]!.value);
    // The pick's scores under the same keys in every run, for comparing runs side by side.
    const best = metrics.models.find((m) => m.name === metrics.best)!;
    expect(run.metrics.get('best/test/wape')!.summary.value).toBe(best.test!.wape);
    expect(run.metrics.get('best/selection/wape')!.summary.value).toBe(best.backtest.wape);
    expect(run.metrics.get('ridge/selection/wape')!.summary.value).toBe(metrics.models.find((m) => m.name === 'ridge')!.backtest.wape);
  });

  it('learning curves and error by step ahead: metric histories, one line per step, the summary at the last step', () => {
    const run = runOf(FIRST);
    const metrics = stored(FIRST).metrics as unknown as RunMetrics;
    const ridge = metrics.models.find((m) => m.name === 'ridge')!;
    const fold = ridge.windows.find((w) => w.window === 'fold 1')!;
    expect(fold.history.length).toBeGreaterThan(1);
    const loss = run.metrics.get('ridge/fold_1/loss')!;
    expect(loss.history.map((p) => [p.step, p.value])).toEqual(fold.history.map((e) => [e.epoch, e.loss]));
    expect(run.metrics.get('ridge/fold_1/val_loss')!.history.map((p) => [p.step, p.value])).toEqual(fold.history.map((e) => [e.epoch, e.valLoss]));
    expect(loss.summary.step).toBe(fold.history.length);
    const byStep = run.metrics.get('ridge/test/by_step/wape')!;
    const test = ridge.windows.find((w) => w.window === 'test')!;
    expect(byStep.history.map((p) => p.step)).toEqual(test.evaluation.byStep.filter((g) => g.wape !== null).map((g) => Number(g.key)));
    expect(byStep.history.map((p) => p.value)).toEqual(test.evaluation.byStep.filter((g) => g.wape !== null).map((g) => g.wape));
    expect(byStep.history.length).toBe(metrics.horizon);
  });

  it('artifacts: the configuration, the full results, the features as SQL, and each network’s weights as a TF.js manifest and little-endian float32', () => {
    const run = runOf(FIRST);
    const record = stored(FIRST);
    const base = `${run.meta.artifact_uri as string}`.replace(/^\.\//, '');
    const read = (path: string) => new TextDecoder().decode(files[`${base}/${path}`]);
    expect(run.artifacts).toEqual(expect.arrayContaining(['config.json', 'metrics.json', 'forecast-samples.json', 'models/ridge/weights.json', 'models/ridge/weights.bin']));
    expect(JSON.parse(read('config.json'))).toEqual(record.config);
    const { featureSql } = record.artifacts as unknown as RunArtifacts;
    expect(read('features/duckdb.sql')).toBe(featureSql!.duckdb);
    expect(read('features/spark.sql')).toBe(featureSql!.spark);
    expect(featureSql!.duckdb).toMatch(/^-- Forecast Lab feature table \(DuckDB\)/);
    expect(JSON.parse(read('metrics.json')).best).toBe((record.metrics as unknown as RunMetrics).best);
    const weights = (record.artifacts as unknown as RunArtifacts).weights.find((w) => w.model === 'ridge')!.weights;
    const manifest = JSON.parse(read('models/ridge/weights.json'));
    expect(manifest.weightsManifest).toEqual([{ paths: ['weights.bin'], weights: weights.map(({ name, shape, dtype }) => ({ name, shape, dtype })) }]);
    expect(manifest.spec.kind).toBe('ridge');
    const bin = files[`${base}/models/ridge/weights.bin`]!;
    const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
    const values = Array.from({ length: bin.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
    expect(values).toEqual(weights.flatMap((w) => Array.from(w.data)));
  });

  it('artifacts: a classical model’s fitted parameters, the file the Evaluate stage downloads, at models/<model>/params.json', () => {
    const run = runOf(FIRST);
    const record = stored(FIRST);
    const base = `${run.meta.artifact_uri as string}`.replace(/^\.\//, '');
    const { classical } = record.artifacts as unknown as RunArtifacts;
    expect(classical!.map((c) => c.model)).toEqual(['theta']);
    expect(run.artifacts).toContain('models/theta/params.json');
    const file = JSON.parse(new TextDecoder().decode(files[`${base}/models/theta/params.json`]));
    expect(file).toEqual(classicalParamsFile({ runId: FIRST, metrics: record.metrics as unknown as RunMetrics, params: classical![0]! }));
    expect(file.series.map((s: { label: string }) => s.label)).toEqual(classical![0]!.series.map((s) => s.label));
    expect(file.series[0].params).toHaveProperty('alpha');
  });

  it('the registry: a registered model, its versions linked to their runs, aliases champion and challenger, stages, tags, model cards', () => {
    const [model] = report.models;
    const registry = records.registries[0]!.registry as unknown as Registry;
    expect(report.models.map((m) => m.name)).toEqual(['forecaster-eeeeeeee']);
    // v2 was promoted over v1; v3 was challenger, then archived; v4 (from a run since deleted) is the challenger.
    expect(Object.fromEntries(model!.aliases)).toEqual({ champion: '2', challenger: '4' });
    expect(model!.meta.aliases).toEqual({ champion: '2', challenger: '4' });
    expect(model!.versions.map((v) => [v.version, v.meta.current_stage])).toEqual([[1, 'None'], [2, 'Production'], [3, 'Archived'], [4, 'Staging']]);
    expect(model!.versions.map((v) => v.meta.run_id)).toEqual([runOf(FIRST).runId, runOf(SECOND).runId, runOf(SECOND).runId, '']);
    expect(model!.versions.map((v) => v.meta.creation_timestamp)).toEqual(registry.versions.map((v) => Date.parse(v.created)));
    expect(model!.versions[2]!.meta.description).toBe('yes');
    expect(model!.versions[3]!.meta.description).toBe('Registered from a run\nsince deleted: 2024-05-01');
    expect(Object.fromEntries(model!.versions[0]!.tags)).toMatchObject({ model: 'ridge', source: 'train', seed: '42', data_hash: EXAMPLE_HASH, forecast_lab_version_id: 'forecaster:v1', 'metric.wape': String(registry.versions[0]!.metrics.wape) });
    expect(model!.versions[1]!.tags.get('gates')).toMatch(/^(pass|fail): /);
    expect(model!.tags.get('champion_history')).toBe('v1');
    expect(model!.tags.get('audit')!.split('\n')).toHaveLength(registry.audit.length);
    // Each version's files: the model card and the entry beside the run it came from; v4's beside mlruns/.
    const card = (v: number) => `${(model!.versions[v - 1]!.meta.source as string).replace(/^\.\//, '')}/model-card.md`;
    expect(card(1)).toBe(`${(runOf(FIRST).meta.artifact_uri as string).replace(/^\.\//, '')}/registered/forecaster-eeeeeeee/version-1/model-card.md`);
    expect(new TextDecoder().decode(files[card(1)])).toMatch(/^# .*forecaster.*v1/m);
    expect(runOf(FIRST).artifacts).toContain('registered/forecaster-eeeeeeee/version-1/weights.bin');
    expect(card(4)).toBe('mlartifacts/forecaster-eeeeeeee/version-4/model-card.md');
    expect(files['mlartifacts/forecaster-eeeeeeee/version-4/weights.bin']).toBeDefined();
  });

  it('the same storage gives the same zip, byte for byte', async () => {
    const again = await mlflowStore(records);
    expect(Buffer.from(mlflowZip(again.files, { mtime: again.newest })).equals(Buffer.from(zip))).toBe(true);
  });

  it('nothing stored: MLflow’s Default experiment only, and the README', async () => {
    const empty = await mlflowStore({ runs: [], registries: [], datasets: [] });
    expect([...empty.files.keys()].sort()).toEqual(['README.md', 'mlruns/0/meta.yaml']);
    expect(checkMlruns(unzipSync(mlflowZip(empty.files, { mtime: empty.newest }))).rules.filter((r) => r.violations.length > 0)).toEqual([]);
  });

  it('a registry too damaged to read is left out and named; its runs are still exported', async () => {
    const damaged = { ...records.registries[0]!, registry: { name: 'forecaster', versions: 'none' } };
    const result = await mlflowStore({ ...records, registries: [damaged as never] });
    expect(result.versions).toBe(0);
    expect(result.runs).toBe(5);
    expect(result.skipped).toContainEqual(expect.stringMatching(/^registry forecaster: versions/));
    expect(OTHER_HASH).not.toBe(EXAMPLE_HASH);
  });
});
