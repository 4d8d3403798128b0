import { describe, expect, it } from 'vitest';
import { checkRecord, sortRecords } from '../../../src/lib/storage/record-schemas';
import type { JsonObject, RegistryRecord } from '../../../src/lib/storage/records';
import { promotedRegistry } from '../registry/fixtures';
import { makeRun } from '../runs/make-run';
import { CSV_HASH, T0, config, exampleDataset, importedDataset, run } from './fixtures';

const reasonOf = (result: { ok: boolean; reason?: string }) => (result.ok ? 'ok' : result.reason);

function registryRow(overrides: Partial<RegistryRecord> = {}): RegistryRecord {
  const registry = promotedRegistry();
  const weights = Object.fromEntries(registry.versions.map((version) => [version.id, [{ name: 'dense/kernel', shape: [1], dtype: 'float32', data: new Float32Array([1]) }]]));
  return { dataHash: CSV_HASH, name: registry.name, created: T0, updated: T0, registry: registry as unknown as JsonObject, weights, ...overrides };
}

describe('checkRecord(table, row)', () => {
  it('passes rows as the app writes them, and hands back the stored object itself', () => {
    const rows = [
      ['datasets', importedDataset()],
      ['datasets', importedDataset({ content: new Blob(['date,sales\n']) })],
      ['datasets', exampleDataset()],
      ['configs', config('c1')],
      ['runs', run('r1')],
      ['runs', makeRun('r2', { status: 'running' })],
      ['runs', makeRun('r3', { status: 'done', horizon: 28, backend: 'webgl' })],
      ['registries', registryRow()],
    ] as const;
    for (const [table, row] of rows) {
      const result = checkRecord(table, row);
      expect(reasonOf(result)).toBe('ok');
      if (result.ok) expect(result.record).toBe(row);
    }
  });

  it('keeps fields it does not know, so an older app does not refuse a newer row', () => {
    expect(checkRecord('configs', { ...config('c1'), pinned: true }).ok).toBe(true);
    const record = run('r1');
    (record.metrics as Record<string, unknown>).calibration = { p50: 0.5 };
    expect(checkRecord('runs', record).ok).toBe(true);
  });

  it('names the first thing wrong with a run, down to the field a stage would trip on', () => {
    const noModels = run('r1', { metrics: { mae: 1.25 } });
    expect(reasonOf(checkRecord('runs', noModels))).toBe('metrics.backend: missing');

    const badName = run('r1');
    ((badName.metrics as { models: Record<string, unknown>[] }).models[2]!).name = 42;
    expect(reasonOf(checkRecord('runs', badName))).toBe('metrics.models[2].name: expected string, got 42');

    const lostWindows = run('r1');
    ((lostWindows.metrics as { models: Record<string, unknown>[] }).models[0]!).windows = 'three';
    expect(reasonOf(checkRecord('runs', lostWindows))).toBe('metrics.models[0].windows: expected Array, got "three"');

    const weights = run('r1', { artifacts: { weights: [{ model: 'mlp', weights: [{ name: 'k', shape: [3], dtype: 'float32', data: [0.5, 1, 2] }] }] } });
    expect(reasonOf(checkRecord('runs', weights))).toBe('artifacts.weights[0].weights[0].data: expected Float32Array, got Array');

    expect(reasonOf(checkRecord('runs', run('r1', { status: 'finished' as never })))).toBe(
      'status: expected one of "running", "done", "failed", "cancelled", "interrupted", got "finished"',
    );
  });

  it('accepts NaN where a metric may be undefined, but not text', () => {
    const record = run('r1');
    const backtest = (record.metrics as { models: { backtest: Record<string, unknown> }[] }).models[0]!.backtest;
    backtest.wape = Number.NaN;
    expect(checkRecord('runs', record).ok).toBe(true);
    backtest.wape = 'n/a';
    expect(reasonOf(checkRecord('runs', record))).toBe('metrics.models[0].backtest.wape: expected a number');
  });

  it('names a damaged dataset, notebook and registry', () => {
    expect(reasonOf(checkRecord('datasets', importedDataset({ content: 42 as never })))).toBe(
      "content: expected the file's text or bytes, or nothing",
    );
    expect(reasonOf(checkRecord('datasets', { ...importedDataset(), schema: undefined }))).toBe('schema: missing');
    expect(reasonOf(checkRecord('configs', config('c1', { config: 'stage=train' as never })))).toBe('config: expected a JSON object');
    expect(reasonOf(checkRecord('registries', registryRow({ registry: {} })))).toBe('registry: name: missing');
    expect(reasonOf(checkRecord('registries', registryRow({ weights: { 'sales:v1': { weights: [] } } })))).toBe(
      'weights.sales:v1: expected Array, got Object',
    );
    expect(reasonOf(checkRecord('runs', 'not a row'))).toBe('the record: expected Object, got "not a row"');
  });
});

describe('sortRecords(table, rows)', () => {
  it('splits rows into records and damaged rows with their keys and reasons, in the order given', () => {
    const good = [run('a'), run('c')];
    const bad = { ...run('b'), created: 'yesterday' };
    const numbered = { id: 7, status: 'done' };
    const { records, damaged } = sortRecords('runs', [good[0], bad, good[1], numbered]);
    expect(records).toEqual(good);
    expect(damaged).toEqual([
      { table: 'runs', key: 'b', row: bad, reason: 'created: expected an ISO 8601 timestamp like 2024-05-01T12:00:00.000Z' },
      { table: 'runs', key: 7, row: numbered, reason: 'id: expected string, got 7' },
    ]);
  });
});
