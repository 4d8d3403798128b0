import { describe, expect, it } from 'vitest';
import { fitBatchSize } from '../../../src/lib/train/fit-batch-size';
import { defaultModelSpec } from '../../../src/lib/models/default-model-specs';

describe('fitBatchSize(spec, rows)', () => {
  const spec = defaultModelSpec('mlp');
  it('keeps the spec batch size for big tables, and samples 8,192 rows an epoch beyond that many', () => {
    expect(fitBatchSize(spec, 8_000)).toBe(spec);
    expect(fitBatchSize(spec, 50_000)).toEqual({ ...spec, rowsPerEpoch: 8192 });
    expect(fitBatchSize({ ...spec, rowsPerEpoch: 20_000 }, 50_000).rowsPerEpoch).toBe(20_000);
  });
  it('gives small tables at least 5 steps per epoch, with batches of 8 or more', () => {
    expect(fitBatchSize(spec, 250).batchSize).toBe(50);
    expect(fitBatchSize(spec, 30).batchSize).toBe(8);
  });
});
