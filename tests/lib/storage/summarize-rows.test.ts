import { describe, expect, it } from 'vitest';
import { backupFileName } from '../../../src/lib/storage/backup-file-name';
import { formatTimestamp } from '../../../src/lib/storage/format-timestamp';
import { summarizeRows } from '../../../src/lib/storage/summarize-rows';
import { CSV_HASH, config, exampleDataset, importedDataset, run } from './fixtures';

describe('summarizeRows(table, rows)', () => {
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

describe('formatTimestamp(iso) / backupFileName(date)', () => {
  it('formats local dates the same in every locale', () => {
    const date = new Date(2024, 4, 1, 9, 5);
    expect(formatTimestamp(date.toISOString())).toBe('2024-05-01 09:05');
    expect(formatTimestamp('not a date')).toBe('not a date');
    expect(backupFileName(date)).toBe('forecast-lab-backup-2024-05-01.json');
  });
});
