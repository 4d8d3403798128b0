import { describe, expect, it } from 'vitest';
import { datasetLabel } from '../../../src/lib/runs/dataset-label';
import { formatDelta, formatRelative } from '../../../src/lib/runs/format-delta';
import { formatDuration } from '../../../src/lib/runs/format-duration';
import { formatParamValue } from '../../../src/lib/runs/format-param-value';
import { newestFirst } from '../../../src/lib/runs/newest-first';
import { judgeDelta } from '../../../src/lib/runs/judge-delta';
import { formatRunCell } from '../../../src/lib/runs/format-run-cell';
import { curveModels } from '../../../src/lib/runs/learning-curves';
import { summarizeRun } from '../../../src/lib/runs/summarize-run';
import { withoutArtifacts } from '../../../src/lib/runs/without-artifacts';
import { makeRun } from './make-run';

describe('run value formatting', () => {
  it('formatDuration(ms) reads as s, min and h', () => {
    expect([formatDuration(null), formatDuration(4_400), formatDuration(65_000), formatDuration(3_725_000)]).toEqual([
      '–', '4 s', '1 min 5 s', '1 h 2 min',
    ]);
  });

  it('formatDelta(delta) and formatRelative(relative) are signed', () => {
    expect([formatDelta(-0.1), formatDelta(1234.5), formatDelta(0), formatDelta(null)]).toEqual(['−0.1', '+1,235', '0', '–']);
    expect([formatRelative(-0.5), formatRelative(0.051), formatRelative(0), formatRelative(null)]).toEqual(['−50%', '+5.1%', '0%', '']);
  });

  it('formatParamValue(value) shows arrays and objects compactly, and absent values', () => {
    expect(formatParamValue([64, 32])).toBe('[64, 32]');
    expect(formatParamValue({ window: 7, stats: ['mean'] })).toBe('{window: 7, stats: ["mean"]}');
    expect(formatParamValue(null)).toBe('null');
    expect(formatParamValue(undefined)).toBe('(not set)');
    expect(formatParamValue('x'.repeat(500))).toHaveLength(160);
  });

  it('judgeDelta(metric, reference, value) knows which way is better', () => {
    expect(judgeDelta('wape', 0.2, 0.3).verdict).toBe('worse');
    expect(judgeDelta('cost', 100, 90).verdict).toBe('better');
    expect(judgeDelta('bias', -2, 1).verdict).toBe('better');
    expect(judgeDelta('coverage80', 0.7, 0.95).verdict).toBe('worse');
    expect(judgeDelta('mase', 1, 1 + 1e-12).verdict).toBe('same');
    expect(judgeDelta('mae', 0, 1)).toEqual({ value: 1, delta: 1, relative: null, verdict: 'worse' });
    expect(judgeDelta('mae', null, 1)).toEqual({ value: 1, delta: null, relative: null, verdict: null });
  });

  it('datasetLabel(ref) reads untrusted refs', () => {
    expect(datasetLabel({ kind: 'example', stores: 2, products: 3, days: 100 })).toBe('Example (2 stores × 3 products, 100 days)');
    expect([datasetLabel(null), datasetLabel({ kind: 'imported', name: '' }), datasetLabel({ kind: 'other' })]).toEqual([null, null, null]);
  });

  it('withoutArtifacts(record) drops the weights and keeps the rest', () => {
    const record = makeRun('r');
    expect(withoutArtifacts(record)).toEqual({ ...record, artifacts: null });
    expect(record.artifacts).not.toBeNull();
    expect(withoutArtifacts('junk')).toBe('junk');
  });
});

describe('newestFirst(records)', () => {
  it('newestFirst(records) orders by created, keeps rows without a date at the end', () => {
    const rows = [{ id: 'x' }, { id: 'a', created: '2024-01-01' }, null, { id: 'b', created: '2024-02-01' }];
    expect(newestFirst(rows)).toEqual([{ id: 'b', created: '2024-02-01' }, { id: 'a', created: '2024-01-01' }, { id: 'x' }, null]);
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

  it('curveModels(runs) lists each model once', () => {
    const curve = (model: string) => ({ model, window: 'test', epochs: [] });
    expect(curveModels([{ label: 'a', models: [curve('mlp')] }, { label: 'b', models: [curve('cnn'), curve('mlp')] }])).toEqual(['mlp', 'cnn']);
  });
});
