import { describe, expect, it } from 'vitest';
import { downstreamOf, expensiveBlockers, markStale, planRun, stageStatus, type CellSpec } from '../../../src/lib/notebook/cell-graph';

const cells: CellSpec[] = [
  { id: 'load', stage: 'data', title: 'load', inputs: ['config.dataset'], cost: 'cheap' },
  { id: 'features', stage: 'features', title: 'features', inputs: ['load', 'config.features'], cost: 'cheap' },
  { id: 'train', stage: 'train', title: 'train', inputs: ['features', 'config.model'], cost: 'expensive' },
  { id: 'evaluate', stage: 'evaluate', title: 'evaluate', inputs: ['train'], cost: 'cheap' },
  { id: 'explore', stage: 'explore', title: 'explore', inputs: ['load'], cost: 'cheap' },
];
const allFresh = { load: 'fresh', features: 'fresh', train: 'fresh', evaluate: 'fresh', explore: 'fresh' } as const;

describe('downstreamOf(cells, changed)', () => {
  it('follows inputs transitively from a config field', () => {
    expect(downstreamOf(cells, ['config.features'])).toEqual(['features', 'train', 'evaluate']);
    expect(downstreamOf(cells, ['config.dataset'])).toEqual(['load', 'features', 'train', 'evaluate', 'explore']);
  });
});

describe('markStale(cells, statuses, changed)', () => {
  it('marks run cells downstream stale and leaves the rest alone', () => {
    const next = markStale(cells, allFresh, ['config.model']);
    expect(next).toEqual({ ...allFresh, train: 'stale', evaluate: 'stale' });
  });
  it('keeps never-run cells as not-run', () => {
    expect(markStale(cells, { load: 'fresh' }, ['config.dataset'])).toEqual({ load: 'stale' });
  });
});

describe('planRun(cells, statuses, options)', () => {
  it('re-runs cheap stale cells at once but waits for a click on expensive ones and what reads them', () => {
    const statuses = markStale(cells, allFresh, ['config.features']);
    expect(planRun(cells, statuses, { includeExpensive: false })).toEqual(['features']);
  });
  it('runs everything needed, upstream first, for "Run all"', () => {
    const statuses = markStale(cells, allFresh, ['config.dataset']);
    expect(planRun(cells, statuses, { includeExpensive: true })).toEqual(['load', 'features', 'train', 'evaluate', 'explore']);
  });
  it('runs a clicked expensive cell with just its upstream', () => {
    expect(planRun(cells, { load: 'fresh' }, { target: 'train', includeExpensive: false })).toEqual(['features', 'train']);
  });
  it('plans a restorable expensive cell in a cheap pass (its stored result may stand in), with what reads it', () => {
    const statuses = markStale(cells, allFresh, ['config.model']);
    expect(planRun(cells, statuses, { includeExpensive: false, restorable: new Set(['train']) })).toEqual(['train', 'evaluate']);
    expect(planRun(cells, statuses, { includeExpensive: false })).toEqual([]);
  });
  it('lets cells below a fresh expensive cell run without retraining', () => {
    const statuses = { ...allFresh, evaluate: 'stale' as const };
    expect(planRun(cells, statuses, { includeExpensive: false })).toEqual(['evaluate']);
  });
});

describe('stageStatus(cells, statuses, stage)', () => {
  it('reports the worst cell of the stage, and not-run for a stage without cells', () => {
    expect(stageStatus(cells, { ...allFresh, train: 'error' }, 'train')).toBe('error');
    expect(stageStatus(cells, allFresh, 'data')).toBe('fresh');
    expect(stageStatus(cells, allFresh, 'monitor')).toBe('not-run');
  });
});

describe('expensiveBlockers(cells, statuses, target)', () => {
  it('names the expensive cells upstream of a target that have not run, and nothing once they are fresh', () => {
    const blockers = (statuses: Record<string, 'fresh' | 'not-run' | 'stale'>) => expensiveBlockers(cells, statuses, 'evaluate').map((c) => c.id);
    expect(blockers({})).toEqual(['train']);
    expect(blockers({ ...allFresh, train: 'stale' })).toEqual(['train']);
    expect(blockers(allFresh)).toEqual([]);
    // A target is never its own blocker, and cells off its path never block it.
    expect(expensiveBlockers(cells, {}, 'train')).toEqual([]);
    expect(expensiveBlockers(cells, {}, 'explore')).toEqual([]);
  });
});
