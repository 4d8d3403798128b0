import { describe, expect, it } from 'vitest';
import { storageLabels } from '../../../src/lib/messages/storage';
import { backupFileName, runFileName } from '../../../src/lib/storage/backup-file-name';
import { formatTimestamp } from '../../../src/lib/storage/format-timestamp';
import { listItems, summarizeRow } from '../../../src/lib/storage/summarize-rows';
import type { DamagedRow } from '../../../src/lib/storage/record-schemas';
import type { TableName, TableRows } from '../../../src/lib/storage/records';
import { CSV_HASH, T0, config, exampleDataset, importedDataset, run } from './fixtures';

/** As the Storage state lists a table: each row summarised as read, then ordered with the damaged ones. */
const summarizeRows = <T extends TableName>(table: T, rows: TableRows[T][], damaged: DamagedRow[] = []) => listItems(rows.map((row) => summarizeRow(table, row)), damaged);

describe('summarizeRow(table, row) in listItems', () => {
  it('describes datasets newest first, with their stored size and no content', () => {
    const items = summarizeRows('datasets', [importedDataset(), exampleDataset()]);
    expect(items.map((item) => item.name)).toEqual(['Example: 3 stores', 'shop.csv']);
    expect(items[1]).toEqual({
      table: 'datasets',
      key: CSV_HASH,
      name: 'shop.csv',
      detail: 'from shop.csv · 2 rows, 1 series',
      sizeBytes: importedDataset().sizeBytes,
      created: '2024-05-01T10:00:00.000Z',
    });
  });

  it('estimates the size of configurations and runs and names runs by id and status', () => {
    const [configItem] = summarizeRows('configs', [config('c1')]);
    expect(configItem?.sizeBytes).toBeGreaterThan(0);
    const [runItem] = summarizeRows('runs', [run('r7', { status: 'interrupted' })]);
    expect(runItem).toMatchObject({ key: 'r7', name: 'Run r7', detail: 'interrupted' });
    expect(runItem?.sizeBytes).toBeGreaterThan(12);
  });
});

describe('listItems(items, damaged)', () => {
  it('lists damaged rows first, named from what they still hold, with the reason and the key to delete them by', () => {
    const damaged = [
      { table: 'runs' as const, key: 'r9', row: { id: 'r9', created: T0 }, reason: 'status: missing' },
      { table: 'runs' as const, key: 12, row: { id: 12 }, reason: 'id: expected string, got 12' },
    ];
    const items = summarizeRows('runs', [run('r1'), run('r2', { status: 'failed', metrics: null, artifacts: null, notSaved: 'quota' })], damaged);
    expect(items.map((item) => [item.key, item.name, item.detail])).toEqual([
      ['r9', storageLabels.damagedName('runs', 'r9'), storageLabels.damagedDetail('status: missing')],
      ['12', storageLabels.damagedName('runs', '12'), storageLabels.damagedDetail('id: expected string, got 12')],
      ['r1', 'Run r1', 'done'],
      ['r2', 'Run r2', `failed · ${storageLabels.runNotSaved}`],
    ]);
    expect(items.map((item) => item.damage?.storedKey)).toEqual(['r9', 12, undefined, undefined]);
  });
});

describe('formatTimestamp(iso) / backupFileName(date)', () => {
  it('formats local dates the same in every locale', () => {
    const date = new Date(2024, 4, 1, 9, 5);
    expect(formatTimestamp(date.toISOString())).toBe('2024-05-01 09:05');
    expect(formatTimestamp('not a date')).toBe('not a date');
    expect(backupFileName(date)).toBe('forecast-lab-backup-2024-05-01.json');
    expect(runFileName('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', date)).toBe('forecast-lab-run-1a2b3c4d-2024-05-01.json');
  });
});
