import { describe, expect, it } from 'vitest';
import { runProblems } from '../../../src/lib/messages/runs';
import { datasetLabel, summarizeRun } from '../../../src/lib/runs/summarize-run';
import { DATA_HASH, makeRun } from './make-run';

describe('summarizeRun(record)', () => {
  it('summarizeRun(done run) gives dataset, status, duration, backend, best model scores, baseline WAPE, seed and horizon', () => {
    const row = summarizeRun(makeRun('run-0001-abcdef', { seed: 7, backend: 'webgl', horizon: 28 }));
    expect(row).toEqual({
      id: 'run-0001-abcdef',
      shortId: 'run-0001',
      created: '2024-05-01T10:00:00.000Z',
      status: 'done',
      problem: null,
      note: null,
      dataset: 'Example (5 stores × 10 products, 1096 days)',
      dataHash: DATA_HASH,
      dataHashShort: 'a1b2c3d4',
      durationMs: 65_000,
      backend: 'webgl',
      bestModel: 'mlp',
      wape: 0.2,
      mase: 0.8,
      cost: 4600,
      baseline: 'seasonal-naive',
      baselineWape: 0.3,
      seed: 7,
      horizon: 28,
    });
  });

  it.each(['interrupted', 'failed', 'running', 'cancelled'] as const)(
    'summarizeRun(%s run without metrics) shows the status and no scores',
    (status) => {
      const row = summarizeRun(makeRun('r', { status }));
      expect(row.status).toBe(status);
      expect(row.problem).toBeNull();
      expect(row.note).toBeNull();
      expect([row.bestModel, row.wape, row.mase, row.cost, row.baselineWape, row.backend]).toEqual([null, null, null, null, null, null]);
      expect(row.seed).toBe(42);
      expect(row.horizon).toBe(14); // from the config when the run has no results
    },
  );

  it('summarizeRun(record with partial metrics) keeps what it can read', () => {
    const record = makeRun('r');
    const metrics = record.metrics as Record<string, unknown>;
    const models = metrics.models as Record<string, unknown>[];
    (models[1] as Record<string, unknown>).backtest = { wape: 'oops', mase: Number.NaN, cost: 12 };
    models.push(null as never, { name: 42 } as never);
    metrics.backend = 'quantum';
    const row = summarizeRun(record);
    expect(row.status).toBe('done');
    expect([row.bestModel, row.wape, row.mase, row.cost]).toEqual(['mlp', null, null, 12]);
    expect(row.backend).toBeNull();
    expect(row.baselineWape).toBe(0.3);
  });

  it('summarizeRun(record whose metrics are not results) notes it and stays readable', () => {
    const row = summarizeRun({ ...makeRun('r'), metrics: { mae: 1.25 } });
    expect(row.status).toBe('done');
    expect(row.problem).toBeNull();
    expect(row.note).toBe(runProblems.metricsUnreadable);
    expect(row.wape).toBeNull();
  });

  it.each([
    ['null', null, '', runProblems.notAnObject],
    ['a string', 'run', '', runProblems.notAnObject],
    ['an array', [1, 2], '', runProblems.notAnObject],
    ['no id', { ...makeRun('x'), id: undefined }, '', runProblems.noId],
    ['an unknown status', { ...makeRun('bad-status'), status: 'exploded' }, 'bad-status', runProblems.badStatus('“exploded”')],
    ['a missing status', { ...makeRun('no-status'), status: undefined }, 'no-status', runProblems.badStatus('(missing)')],
    ['no config', { ...makeRun('no-config'), config: 'x' }, 'no-config', runProblems.noConfig],
  ])('summarizeRun(%s) is an unreadable row with the reason, never a throw', (_, record, id, problem) => {
    const row = summarizeRun(record);
    expect(row.status).toBe('unreadable');
    expect(row.id).toBe(id);
    expect(row.problem).toBe(problem);
    expect(row.wape).toBeNull();
  });

  it('summarizeRun(record with wrong-typed fields) reads them as unknown', () => {
    const row = summarizeRun({ ...makeRun(17 as never), created: 5, dataHash: null, durationMs: -3, config: { seed: 'x', dataset: 'y' } });
    expect(row.id).toBe('17');
    expect([row.created, row.dataHash, row.dataHashShort, row.durationMs, row.seed, row.dataset]).toEqual([null, null, null, null, null, null]);
  });

  it('summarizeRun(imported / built-in dataset config) names the file', () => {
    const imported = makeRun('r');
    (imported.config as Record<string, unknown>).dataset = { kind: 'imported', hash: DATA_HASH, name: 'shop.csv' };
    expect(summarizeRun(imported).dataset).toBe('shop.csv');
    const builtin = makeRun('r');
    (builtin.config as Record<string, unknown>).dataset = { kind: 'builtin', file: 'us-retail-sales-monthly.csv' };
    expect(summarizeRun(builtin).dataset).toBe('us-retail-sales-monthly.csv');
  });
});

describe('datasetLabel(ref)', () => {
  it('datasetLabel(ref) reads untrusted refs', () => {
    expect(datasetLabel({ kind: 'example', stores: 2, products: 3, days: 100 })).toBe('Example (2 stores × 3 products, 100 days)');
    expect([datasetLabel(null), datasetLabel({ kind: 'imported', name: '' }), datasetLabel({ kind: 'other' })]).toEqual([null, null, null]);
  });
});
