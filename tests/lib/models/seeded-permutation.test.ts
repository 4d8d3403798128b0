import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededPermutation } from '../../../src/lib/models/seeded-permutation';
import { createRng } from '../../../src/lib/random/rng';

describe('seededPermutation(n, rng)', () => {
  it('is a permutation of 0…n−1 for any n and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer(), (n, seed) => {
        const order = seededPermutation(n, createRng(seed));
        expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('replays for the same seed and differs for another; successive calls on one rng differ (a new order per epoch)', () => {
    const rng = createRng(7);
    const first = seededPermutation(50, rng);
    const second = seededPermutation(50, rng);
    expect(seededPermutation(50, createRng(7))).toEqual(first);
    expect(seededPermutation(50, createRng(8))).not.toEqual(first);
    expect(second).not.toEqual(first);
  });

  it('puts each item in each position about equally often (Fisher–Yates is unbiased)', () => {
    const rng = createRng(3);
    const n = 4;
    const trials = 8000;
    const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let t = 0; t < trials; t++) {
      seededPermutation(n, rng).forEach((item, position) => (counts[item]![position]! += 1));
    }
    for (const row of counts) for (const count of row) expect(Math.abs(count / trials - 1 / n)).toBeLessThan(0.02);
  });
});
