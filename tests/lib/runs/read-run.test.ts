import { describe, expect, it } from 'vitest';
import { newestFirst, withoutArtifacts } from '../../../src/lib/runs/read-run';
import { makeRun } from './make-run';

describe('withoutArtifacts(record)', () => {
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
