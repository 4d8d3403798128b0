import { describe, expect, it } from 'vitest';
import type { ColumnDrift } from '../../../src/lib/monitor/column-drift';
import { datasetDrift } from '../../../src/lib/monitor/dataset-drift';

const column = (name: string, drifted: boolean): ColumnDrift => ({
  column: name,
  kind: 'numeric',
  test: 'ks',
  statistic: 0.2,
  pValue: drifted ? 0.01 : 0.5,
  threshold: 0.05,
  thresholdKind: 'p-value',
  drifted,
  referenceSize: 100,
  currentSize: 100,
  bins: [],
});

describe('datasetDrift(columns, {share})', () => {
  it('datasetDrift flags the dataset when at least half of the columns drifted (Evidently’s default)', () => {
    expect(datasetDrift([column('a', true), column('b', false)])).toEqual({ drifted: true, share: 0.5, driftedColumns: ['a'], threshold: 0.5 });
    expect(datasetDrift([column('a', true), column('b', false), column('c', false)]).drifted).toBe(false);
  });

  it('datasetDrift(columns, {share: 0.3}) uses the given share', () => {
    const result = datasetDrift([column('a', true), column('b', false), column('c', false)], { share: 0.3 });
    expect(result.drifted).toBe(true);
    expect(result.share).toBeCloseTo(1 / 3, 15);
    expect(result.threshold).toBe(0.3);
  });

  it('datasetDrift([]) has not drifted', () => {
    expect(datasetDrift([])).toEqual({ drifted: false, share: 0, driftedColumns: [], threshold: 0.5 });
  });
});
