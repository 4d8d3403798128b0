import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../../src/lib/notebook/config';
import { replayableRun } from '../../../src/lib/runs/replayable-run';
import type { JsonObject, RunRecord } from '../../../src/lib/storage/records';

const run = (id: string, patch: Omit<Partial<RunRecord>, 'config'> & { config?: NotebookConfig } = {}): RunRecord => ({
  id,
  created: `2026-12-0${id.length}T10:00:00Z`,
  updated: '2026-12-01T10:05:00Z',
  dataHash: 'abc',
  status: 'done',
  metrics: { best: 'ridge' },
  artifacts: null,
  durationMs: 1000,
  appVersion: '0.1.0',
  ...patch,
  config: structuredClone(patch.config ?? DEFAULT_CONFIG) as unknown as JsonObject,
});

describe('replayableRun(runs, { dataHash, config }): the stored run that is the Train cell’s result', () => {
  it('finds a finished run of the same data and training inputs, the newest of several', () => {
    const runs = [run('a'), run('bb'), run('c')];
    expect(replayableRun(runs, { dataHash: 'abc', config: DEFAULT_CONFIG })?.id).toBe('bb');
  });

  it('ignores runs of other data, unfinished runs, and runs whose training inputs differ', () => {
    const other = { ...DEFAULT_CONFIG, seed: DEFAULT_CONFIG.seed + 1 };
    const runs = [
      run('a', { dataHash: 'other' }),
      run('bb', { status: 'cancelled', metrics: null }),
      run('ccc', { status: 'running', metrics: null }),
      run('dddd', { config: other }),
    ];
    expect(replayableRun(runs, { dataHash: 'abc', config: DEFAULT_CONFIG })).toBeNull();
    expect(replayableRun(runs, { dataHash: 'abc', config: other })?.id).toBe('dddd');
  });

  it('does not care about settings downstream of training (operations, exploration) or key order', () => {
    const shown = { ...DEFAULT_CONFIG, explore: { ...DEFAULT_CONFIG.explore, by: 'key' }, ops: { ...DEFAULT_CONFIG.ops, simulation: { ...DEFAULT_CONFIG.ops.simulation, delay: 3 } } } as NotebookConfig;
    const reordered = Object.fromEntries(Object.entries(DEFAULT_CONFIG).reverse()) as unknown as NotebookConfig;
    expect(replayableRun([run('a', { config: reordered })], { dataHash: 'abc', config: shown })?.id).toBe('a');
    const horizon = { ...DEFAULT_CONFIG, horizon: 7 } as NotebookConfig;
    expect(replayableRun([run('a')], { dataHash: 'abc', config: horizon })).toBeNull();
  });
});
