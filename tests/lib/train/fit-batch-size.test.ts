import { describe, expect, it } from 'vitest';
import { fitBatchSize } from '../../../src/lib/train/fit-batch-size';
import { defaultModelSpec } from '../../../src/lib/models/default-model-specs';

describe('fitBatchSize(spec, rows)', () => {
  const spec = defaultModelSpec('mlp');
  it('keeps the spec batch size for big tables', () => {
    expect(fitBatchSize(spec, 50_000)).toBe(spec);
  });
  it('gives small tables at least 20 steps per epoch, with batches of 8 or more', () => {
    expect(fitBatchSize(spec, 250).batchSize).toBe(12);
    expect(fitBatchSize(spec, 40).batchSize).toBe(8);
  });
});
