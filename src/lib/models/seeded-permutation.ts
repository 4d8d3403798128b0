import type { Rng } from '../random/rng';

/** A uniformly random ordering of 0…n−1 (Fisher–Yates), drawn from `rng`: the same rng state gives the same order. */
export function seededPermutation(n: number, rng: Rng): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}
