// Damaged backups, generated: whatever a file holds, importing it is refused or taken whole, never half, and what it
// leaves in storage reads back through the same checks and stage code the app uses after a reload.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAll } from '../../../src/adapters/backup';
import { ForecastLabDb } from '../../../src/adapters/db';
import { defaultModel, roleViews } from '../../../src/lib/evaluate/role-views';
import { leaderboard } from '../../../src/lib/evaluate/leaderboard';
import { metricsTableRows } from '../../../src/lib/evaluate/metrics-downloads';
import { parseConfig } from '../../../src/lib/notebook/parse-config';
import { parseRegistry } from '../../../src/lib/registry/registry-schema';
import { compareRuns } from '../../../src/lib/runs/compare-runs';
import { replayableRun } from '../../../src/lib/runs/replayable-run';
import { summarizeRun } from '../../../src/lib/runs/summarize-run';
import type { RunMetrics } from '../../../src/lib/runs/types';
import { backupContentBytes } from '../../../src/lib/storage/backup-content';
import { parseBackup } from '../../../src/lib/storage/parse-backup';
import { sortRecords } from '../../../src/lib/storage/record-schemas';
import type { JsonObject, TableName } from '../../../src/lib/storage/records';
import { PRIMARY_KEYS, TABLE_NAMES } from '../../../src/lib/storage/records';
import { sha256Hex } from '../../../src/lib/storage/sha256-hex';
import { listItems, summarizeRow } from '../../../src/lib/storage/summarize-rows';
import { toJsonSafe } from '../../../src/lib/storage/to-json-safe';
import { promotedRegistry } from '../../lib/registry/fixtures';
import { makeConfig, makeMetrics } from '../../lib/runs/make-run';
import { CSV_HASH, T1, backupDataset, config, exampleDataset, run } from '../../lib/storage/fixtures';
import { deleteDb, snapshot, uniqueDbName } from './helpers';

/**
 * A valid backup with one of everything: text and no content, binary weights and a NaN, a registry with weights. The
 * finished run keeps three of its models and two epochs each: damage has as many kinds of places to land in, and each
 * of the 2,000 files parses in a fraction of the time.
 */
function validBackup(): Record<string, unknown> {
  const metrics = makeMetrics({ epochs: 2 });
  metrics.models = metrics.models.filter((model) => ['mlp', 'naive', 'seasonal-naive'].includes(model.name));
  metrics.models[0]!.windows[0]!.history[0]!.valLoss = Number.NaN;
  const registry = promotedRegistry();
  const weights = Object.fromEntries(registry.versions.map((v) => [v.id, [{ name: 'dense/kernel', shape: [2, 1], dtype: 'float32', data: new Float32Array([0.25, -1]) }]]));
  const { content: _none, ...example } = exampleDataset();
  return toJsonSafe({
    format: 'forecast-lab-backup',
    version: 1,
    exportedAt: T1,
    datasets: [backupDataset(), { ...example, content: null }],
    configs: [config('c1'), config('c2', { config: makeConfig({ seed: 7 }) as unknown as JsonObject })],
    runs: [run('r1', { metrics: metrics as unknown as JsonObject }), run('r2', { status: 'running', metrics: null, artifacts: null, durationMs: null })],
    registries: [{ dataHash: CSV_HASH, name: registry.name, created: T1, updated: T1, registry, weights }],
  }) as Record<string, unknown>;
}

type Json = unknown;
/** Every place in the tree a value sits: its parent and key. */
function places(root: Json): { parent: Record<string | number, Json>; key: string | number }[] {
  const out: { parent: Record<string | number, Json>; key: string | number }[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const parent = node as Record<string | number, Json>;
    for (const key of Array.isArray(node) ? node.keys() : Object.keys(node)) {
      out.push({ parent, key });
      stack.push(parent[key]);
    }
  }
  return out;
}

const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, '', 'x', '2024-05-01T10:00:00.000Z', CSV_HASH, 'done', [], {}),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);

/**
 * One change to the tree, at the `at`-th place (modulo how many there are) of one part: the file's own fields, or one
 * table's rows (so that damage spreads over every table, not mostly over the run with the largest results).
 */
const part = fc.constantFrom('file' as const, ...TABLE_NAMES);
const treeEdit = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), part, at: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), part, at: fc.nat(), value: anyJson }),
  fc.record({ kind: fc.constant('deepen' as const), part, at: fc.nat(), depth: fc.integer({ min: 1, max: 90 }) }),
  fc.record({ kind: fc.constant('copy-row' as const), table: fc.constantFrom(...TABLE_NAMES), at: fc.nat(), newKey: fc.boolean() }),
);
/** One change to the text once written. */
const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('garble' as const), at: fc.nat(), char: fc.constantFrom('{', '}', '"', ',', ':', ']', '\\', 'x', '\u0000') }),
);
const damage = fc.record({
  edits: fc.array(treeEdit, { minLength: 1, maxLength: 3 }),
  text: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: textEdit }),
  mode: fc.constantFrom('merge' as const, 'replace' as const),
});
type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

const VALID = JSON.stringify(validBackup());

function damagedText({ edits, text }: Damage): string {
  const tree = JSON.parse(VALID) as Record<string, Json>;
  for (const edit of edits) {
    if (edit.kind === 'copy-row') {
      const rows = tree[edit.table];
      if (!Array.isArray(rows) || rows.length === 0) continue;
      const copy = structuredClone(rows[edit.at % rows.length]) as Record<string, Json>;
      const keyField = PRIMARY_KEYS[edit.table];
      if (edit.newKey && typeof copy === 'object' && copy !== null) copy[keyField] = edit.table === 'configs' || edit.table === 'runs' ? `copy-${edit.at}` : `${edit.at}`.padStart(64, 'a');
      rows.push(copy);
      continue;
    }
    const all = edit.part === 'file' ? Object.keys(tree).map((key) => ({ parent: tree, key })) : places(tree[edit.part]);
    if (all.length === 0) continue;
    const { parent, key } = all[edit.at % all.length]!;
    if (edit.kind === 'drop') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (edit.kind === 'retype') parent[key] = structuredClone(edit.value);
    else {
      let value = parent[key];
      for (let i = 0; i < edit.depth; i++) value = i % 2 === 0 ? [value] : { wrapped: value };
      parent[key] = value;
    }
  }
  let out = JSON.stringify(tree);
  if (text?.kind === 'truncate') out = out.slice(0, text.at % out.length);
  if (text?.kind === 'garble') {
    const at = text.at % out.length;
    out = out.slice(0, at) + text.char + out.slice(at + 1);
  }
  return out;
}

/** Rows already stored before the import, which 'merge' must keep and 'replace' must remove. */
const BEFORE = { configs: [config('local')], runs: [run('r-local', { status: 'failed', metrics: null, artifacts: null })] };

let db: ForecastLabDb;
let baseline: Record<string, unknown[]>;
/** Writes that reached IndexedDB: every put, add and delete passes Dexie's core `mutate`, whatever the API used. */
let writes = 0;
beforeAll(async () => {
  db = new ForecastLabDb(uniqueDbName('fuzz'));
  db.use({
    stack: 'dbcore',
    name: 'count-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return { ...table, mutate: (request) => ((writes += 1), table.mutate(request)) };
      },
    }),
  });
  await db.configs.bulkPut(BEFORE.configs);
  await db.runs.bulkPut(BEFORE.runs);
  baseline = await snapshot(db);
});
afterAll(async () => {
  db.close();
  await deleteDb(db.name);
});

async function resetStorage(): Promise<void> {
  await db.transaction('rw', [db.datasets, db.configs, db.runs, db.registries], async () => {
    await Promise.all([db.datasets.clear(), db.configs.clear(), db.runs.clear(), db.registries.clear()]);
    await db.configs.bulkPut(BEFORE.configs);
    await db.runs.bulkPut(BEFORE.runs);
  });
}

type StoredRows = Record<TableName, Record<string, unknown>[]>;

/** Every stored row, read in one transaction. */
async function storedRows(): Promise<StoredRows> {
  const tables = await db.transaction('r', [db.datasets, db.configs, db.runs, db.registries], () => Promise.all(TABLE_NAMES.map((table) => db.table(table).toArray())));
  return Object.fromEntries(TABLE_NAMES.map((table, i) => [table, tables[i]])) as StoredRows;
}

/** The file was taken whole: every row of it is stored as it was in the file, and nothing else but what merge keeps. */
async function expectWhole(rows: StoredRows, text: string, mode: 'merge' | 'replace'): Promise<void> {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(`importAll accepted a file parseBackup refuses: ${parsed.reason}`);
  const { backup } = parsed;
  for (const table of TABLE_NAMES) {
    const key = PRIMARY_KEYS[table];
    const stored = new Map(rows[table].map((row) => [row[key], row]));
    const fromFile = backup[table] as unknown as Record<string, unknown>[];
    const kept = mode === 'merge' ? ((BEFORE as unknown as Record<string, Record<string, unknown>[]>)[table] ?? []).filter((row) => !fromFile.some((r) => r[key] === row[key])) : [];
    expect(stored.size).toBe(fromFile.length + kept.length);
    for (const row of kept) expect(stored.get(row[key])).toEqual(row);
    for (const row of fromFile) {
      const got = stored.get(row[key]) as Record<string, unknown> | undefined;
      if (table === 'datasets') {
        const { content, ...rest } = row as { content: Parameters<typeof backupContentBytes>[0] | null };
        const { content: storedContent, ...storedRest } = got as { content: Blob | string | null };
        expect(storedRest).toEqual(rest);
        if (content === null) expect(storedContent).toBeNull();
        else {
          const bytes = typeof storedContent === 'string' ? new TextEncoder().encode(storedContent) : new Uint8Array(await (storedContent as Blob).arrayBuffer());
          expect(bytes).toEqual(backupContentBytes(content));
          expect(await sha256Hex(bytes)).toBe(row.hash);
        }
      } else if (table === 'runs' && row.status === 'running') expect(got).toEqual({ ...row, status: 'interrupted' });
      else expect(got).toEqual(row);
    }
  }
}

/**
 * What a reload does with stored rows: check them (readRecords' sortRecords), then hand them to the stages; none may be
 * set apart, none may throw.
 */
function expectStagesRead(rows: StoredRows): void {
  const read = Object.fromEntries(TABLE_NAMES.map((table) => [table, sortRecords(table, rows[table])])) as {
    [T in TableName]: ReturnType<typeof sortRecords<T>>;
  };
  for (const table of TABLE_NAMES) {
    expect(read[table].damaged).toEqual([]);
    listItems(read[table].records.map((row) => summarizeRow(table, row)));
  }
  for (const config of read.configs.records) parseConfig(config.config);
  for (const registry of read.registries.records) expect(parseRegistry(registry.registry).ok).toBe(true);
  for (const record of read.runs.records) {
    expect(summarizeRun(record).problem).toBeNull();
    parseConfig(record.config);
    replayableRun([record], { dataHash: record.dataHash, config: makeConfig() });
    if (record.metrics === null) continue;
    const metrics = record.metrics as unknown as RunMetrics;
    leaderboard(metrics, { primary: 'wape' });
    metricsTableRows(metrics);
    const model = defaultModel(metrics, null);
    if (model) roleViews(metrics, model);
  }
  if (read.runs.records.length >= 2) compareRuns(read.runs.records.slice(0, 4));
}

describe('importAll(db, damaged backup) (fast-check, seed 11, 2,000 files)', () => {
  it('refuses the file and changes nothing, or takes it whole; either way every stored row reads back clean', async () => {
    expectStagesRead(await storedRows());
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(damage, async (spec) => {
        const text = damagedText(spec);
        const before = writes;
        const result = await importAll(db, text, { mode: spec.mode });
        if (!result.ok) {
          refused++;
          expect(result.reason.length).toBeGreaterThan(0);
          expect(writes).toBe(before);
          // Now and then, the stored rows themselves, not only the write count.
          if (refused % 100 === 0) expect(await snapshot(db)).toEqual(baseline);
          return;
        }
        accepted++;
        const rows = await storedRows();
        await expectWhole(rows, text, spec.mode);
        expectStagesRead(rows);
        await resetStorage();
      }),
      { seed: 11, numRuns: 2000 },
    );
    expect(await snapshot(db)).toEqual(baseline);
    // Not only refusals: some damage lands in places any value may hold (a config's settings, a dataset's options).
    expect(accepted).toBeGreaterThan(50);
  }, 180_000);
});
