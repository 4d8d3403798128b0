import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../src/lib/storage/parse-backup';
import { readBackup } from '../../../src/lib/storage/read-backup';
import { toJsonSafe } from '../../../src/lib/storage/to-json-safe';
import { CSV_HASH, WEIGHTS, backupDataset, backupJson, config, nanOf, run, weightsOf } from './fixtures';
import { setAlias } from '../../../src/lib/registry/registry-actions';
import { minute, registryWith } from '../registry/fixtures';

const text = (value: unknown) => JSON.stringify(value);
const reasonOf = (value: string) => {
  const result = parseBackup(value);
  if (result.ok) throw new Error('expected the backup to be rejected');
  return result.reason;
};

describe('parseBackup(text)', () => {
  it('accepts a valid backup and keeps fields it does not know', () => {
    const json = backupJson({ configs: [{ ...config('c1'), pinned: true }] });
    const result = parseBackup(text(json));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.datasets[0]?.hash).toBe(CSV_HASH);
    expect(result.backup.configs[0]).toMatchObject({ id: 'c1', pinned: true });
    expect(result.backup.runs.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('brings back binary and NaN values tagged by toJsonSafe', () => {
    const json = toJsonSafe(backupJson({ runs: [run('r1')] }));
    const result = parseBackup(text(json));
    if (!result.ok) throw new Error(result.reason);
    const [restored] = result.backup.runs;
    expect(weightsOf(restored)).toEqual(WEIGHTS);
    expect(nanOf(restored)).toBeNaN();
  });

  it('rejects text that is not JSON', () => {
    expect(reasonOf('{"format": "forecast-lab-backup",')).toMatch(/^the file is not valid JSON \(/);
  });

  it('says a file nested deeper than any backup is damaged, instead of overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(reasonOf(`{"format":"forecast-lab-backup","version":1,"configs":${deep}}`)).toBe(
      'the file is damaged: its values are nested more than 64 levels deep, which no backup is',
    );
    expect(parseBackup(text(backupJson())).ok).toBe(true);
  });

  it('rejects JSON that is not an object', () => {
    expect(reasonOf('[1, 2]')).toBe('the file does not contain a Forecast Lab backup (expected a JSON object)');
  });

  it('rejects a wrong or missing format tag', () => {
    expect(reasonOf(text(backupJson({ format: 'other-app' })))).toBe(
      'the file is not a Forecast Lab backup (its "format" is "other-app", expected "forecast-lab-backup")',
    );
    expect(reasonOf(text(backupJson({ format: undefined })))).toContain('its "format" is missing');
  });

  it('rejects a newer or malformed version', () => {
    expect(reasonOf(text(backupJson({ version: 2 })))).toMatch(/^the backup was made by a newer Forecast Lab \(backup version 2; this one reads up to 1\)/);
    expect(reasonOf(text(backupJson({ version: '1' })))).toBe('the backup\'s "version" is "1", expected a whole number');
    expect(reasonOf(text(backupJson({ version: 0 })))).toBe('the backup\'s "version" is 0, expected a whole number');
  });

  it('names the row and field of a bad value', () => {
    const runs = [run('r0'), run('r1'), run('r2'), run('r3', { status: 'finished' as never })].map(toJsonSafe);
    expect(reasonOf(text(backupJson({ runs })))).toBe(
      'runs[3].status: expected one of "running", "done", "failed", "cancelled", "interrupted", got "finished"',
    );
  });

  it('names a missing field, a wrong type and a bad hash', () => {
    const { name: _name, ...nameless } = config('c1');
    expect(reasonOf(text(backupJson({ configs: [nameless] })))).toBe('configs[0].name: missing');
    expect(reasonOf(text(backupJson({ configs: [{ ...config('c1'), name: 42 }] })))).toBe(
      'configs[0].name: expected string, got 42',
    );
    expect(reasonOf(text(backupJson({ datasets: [backupDataset({ hash: 'ABC' })] })))).toBe(
      'datasets[0].hash: expected a SHA-256 hash (64 lower-case hex digits)',
    );
    expect(reasonOf(text(backupJson({ configs: [config('c1', { config: [] as never })] })))).toBe(
      'configs[0].config: expected a JSON object',
    );
    expect(reasonOf(text(backupJson({ runs: [run('r1', { created: 'yesterday', metrics: null, artifacts: null })] })))).toBe(
      'runs[0].created: expected an ISO 8601 timestamp like 2024-05-01T12:00:00.000Z',
    );
  });

  it('checks a stored registry’s shape: a real one passes, `{}` or a champion naming no version is refused with the path', () => {
    const registry = setAlias(registryWith(2), { alias: 'champion', versionId: 'sales:v2', now: minute(3), why: 'best' });
    const row = (value: unknown) => ({ dataHash: CSV_HASH, name: 'sales', created: '2024-05-01T12:00:00.000Z', updated: '2024-05-01T12:00:00.000Z', registry: value, weights: {} });
    expect(parseBackup(text(backupJson({ registries: [row(registry)] }))).ok).toBe(true);
    expect(reasonOf(text(backupJson({ registries: [row({})] })))).toBe('registries[0].registry: name: missing');
    const dangling = { ...registry, aliases: { champion: 'sales:v9' } };
    expect(reasonOf(text(backupJson({ registries: [row(dangling)] })))).toBe(
      'registries[0].registry: an alias or a former champion names a version the registry does not have',
    );
    const badVersion = { ...registry, versions: [{ ...registry.versions[0], trainEnd: 'soon' }, registry.versions[1]] };
    expect(reasonOf(text(backupJson({ registries: [row(badVersion)] })))).toBe('registries[0].registry: versions.0.trainEnd: expected number, got "soon"');
  });

  it('says how many more problems there are after the first', () => {
    const configs = [{ ...config('a'), name: 1 }, { ...config('b'), name: 2 }, { ...config('c'), name: 3 }];
    expect(reasonOf(text(backupJson({ configs })))).toBe('configs[0].name: expected string, got 1 (and 2 more problems)');
  });

  it('rejects a wrong dataset source kind', () => {
    const dataset = backupDataset({ source: { kind: 'download', url: 'x' } as never });
    expect(reasonOf(text(backupJson({ datasets: [dataset] })))).toBe(
      'datasets[0].source.kind: expected one of "example", "builtin", "imported", got "download"',
    );
  });

  it('rejects duplicate keys, naming both rows', () => {
    expect(reasonOf(text(backupJson({ runs: [run('r1'), run('r2'), run('r1')].map(toJsonSafe) })))).toBe(
      'runs[2].id: the same key as runs[0]',
    );
  });

  it('rejects an imported dataset without its content, and content that is not base64', () => {
    expect(reasonOf(text(backupJson({ datasets: [backupDataset({ content: null })] })))).toBe(
      'datasets[0].content: an imported dataset needs its file content',
    );
    const content = { encoding: 'base64', data: 'not base64!', blobType: null } as const;
    expect(reasonOf(text(backupJson({ datasets: [backupDataset({ content })] })))).toBe(
      'datasets[0].content.data: expected base64 text',
    );
  });
});

describe('readBackup(text)', () => {
  it('accepts content that matches its hash', async () => {
    expect((await readBackup(text(backupJson()))).ok).toBe(true);
  });

  it('rejects content that does not match its hash', async () => {
    const content = { encoding: 'utf-8', data: 'date,sales\n2024-01-01,4\n', blobType: null } as const;
    const result = await readBackup(text(backupJson({ datasets: [backupDataset({ content })] })));
    expect(result).toEqual({
      ok: false,
      reason: 'datasets[0].content: the content does not match its hash (the file was changed or damaged)',
    });
  });
});
