import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SORT, filterRuns, formatDuration, formatRunCell, nextRunSort, runDatasets, sortRuns } from '../../../src/lib/runs/run-table';
import { summarizeRun } from '../../../src/lib/runs/summarize-run';
import { DATA_HASH, OTHER_HASH, makeRun } from './make-run';

const rows = [
  summarizeRun(makeRun('a', { created: '2024-05-01T10:00:00.000Z', errorScale: 1.2, backend: 'cpu' })),
  summarizeRun(makeRun('b', { created: '2024-05-03T10:00:00.000Z', status: 'interrupted' })),
  summarizeRun(makeRun('c', { created: '2024-05-02T10:00:00.000Z', errorScale: 0.9, dataHash: OTHER_HASH, seed: 9 })),
  summarizeRun({ id: 'd', status: 'weird' }),
];
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('sortRuns(rows, sort)', () => {
  it('sortRuns(rows) defaults to newest first, rows without a date last', () => {
    expect(ids(sortRuns(rows))).toEqual(['b', 'c', 'a', 'd']);
    expect(DEFAULT_RUN_SORT).toEqual({ key: 'created', direction: 'descending' });
  });

  it('sortRuns(rows, {key: "wape"}) puts the lowest WAPE first and runs without results last, either way', () => {
    expect(ids(sortRuns(rows, { key: 'wape', direction: 'ascending' }))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(sortRuns(rows, { key: 'wape', direction: 'descending' }))).toEqual(['a', 'c', 'b', 'd']);
  });

  it('sortRuns(rows, {key: "status"}) follows the status order, then newest first', () => {
    expect(ids(sortRuns(rows, { key: 'status', direction: 'ascending' }))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('sortRuns(rows, {key: "dataset" | "backend" | "seed"}) sorts text and numbers', () => {
    expect(ids(sortRuns(rows, { key: 'backend', direction: 'ascending' }))).toEqual(['a', 'c', 'b', 'd']);
    expect(ids(sortRuns(rows, { key: 'seed', direction: 'descending' }))).toEqual(['b', 'a', 'c', 'd']);
  });

  it('sortRuns(rows, sort) does not change its input', () => {
    const before = ids(rows);
    sortRuns(rows, { key: 'wape', direction: 'ascending' });
    expect(ids(rows)).toEqual(before);
  });

  it('nextRunSort(current, key) flips the same column and starts a new one ascending', () => {
    expect(nextRunSort(DEFAULT_RUN_SORT, 'created')).toEqual({ key: 'created', direction: 'ascending' });
    expect(nextRunSort(DEFAULT_RUN_SORT, 'wape')).toEqual({ key: 'wape', direction: 'ascending' });
    expect(nextRunSort({ key: 'wape', direction: 'ascending' }, 'wape')).toEqual({ key: 'wape', direction: 'descending' });
    expect(nextRunSort({ key: 'wape', direction: 'ascending' }, 'created')).toEqual({ key: 'created', direction: 'descending' });
  });
});

describe('filterRuns(rows, filter)', () => {
  it('filterRuns(rows, {}) keeps every row', () => {
    expect(ids(filterRuns(rows, {}))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filterRuns(rows, {status}) keeps one status, interrupted and unreadable included', () => {
    expect(ids(filterRuns(rows, { status: 'interrupted' }))).toEqual(['b']);
    expect(ids(filterRuns(rows, { status: 'unreadable' }))).toEqual(['d']);
  });

  it('filterRuns(rows, {dataHash}) keeps one dataset', () => {
    expect(ids(filterRuns(rows, { dataHash: OTHER_HASH }))).toEqual(['c']);
  });

  it('filterRuns(rows, {text}) needs every word somewhere in the row, case-insensitively', () => {
    expect(ids(filterRuns(rows, { text: 'CPU' }))).toEqual(['a']);
    expect(ids(filterRuns(rows, { text: 'mlp wasm' }))).toEqual(['c']);
    expect(ids(filterRuns(rows, { text: '  interrupted ' }))).toEqual(['b']);
    expect(ids(filterRuns(rows, { text: 'cannot be read' }))).toEqual(['d']);
    expect(ids(filterRuns(rows, { text: 'f0e1d2' }))).toEqual(['c']);
    expect(ids(filterRuns(rows, { text: 'nothing-like-this' }))).toEqual([]);
  });

  it('filterRuns(rows, {text, status, dataHash}) combines the three', () => {
    expect(ids(filterRuns(rows, { text: 'example', status: 'done', dataHash: DATA_HASH }))).toEqual(['a']);
  });

  it('runDatasets(rows) lists each data hash once with its name', () => {
    expect(runDatasets(rows)).toEqual([
      { dataHash: DATA_HASH, label: 'Example (5 stores × 10 products, 1096 days) (a1b2c3d4)' },
      { dataHash: OTHER_HASH, label: 'Example (5 stores × 10 products, 1096 days) (f0e1d2c3)' },
    ]);
  });
});

describe('formatRunCell(row, key)', () => {
  it('formatRunCell(row, key) prints every column, "–" for what a run lacks', () => {
    const done = summarizeRun(makeRun('run-12345678', { seed: 3 }));
    expect(formatRunCell(done, 'id')).toBe('run-1234');
    expect(formatRunCell(done, 'wape')).toBe('20.0%');
    expect(formatRunCell(done, 'baselineWape')).toBe('30.0%');
    expect(formatRunCell(done, 'cost')).toBe('4,600');
    expect(formatRunCell(done, 'durationMs')).toBe('1 min 5 s');
    expect(formatRunCell(done, 'seed')).toBe('3');
    expect(formatRunCell(done, 'created')).toMatch(/^2024-05-0[12] \d\d:\d\d$/);
    const cut = summarizeRun(makeRun('r', { status: 'interrupted' }));
    expect([formatRunCell(cut, 'wape'), formatRunCell(cut, 'backend'), formatRunCell(cut, 'bestModel')]).toEqual(['–', '–', '–']);
    expect(formatRunCell(summarizeRun(null), 'created')).toBe('–');
  });

  it('formatDuration(ms) reads as s, min and h', () => {
    expect([formatDuration(null), formatDuration(4_400), formatDuration(65_000), formatDuration(3_725_000)]).toEqual([
      '–', '4 s', '1 min 5 s', '1 h 2 min',
    ]);
  });
});
