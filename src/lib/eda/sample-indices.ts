import type { Rng } from '../random/rng';

/**
 * `k` distinct positions out of 0…n-1, uniformly, ascending (Floyd's algorithm: k draws, no pass over n).
 * A fixed stride would be cheaper but aliases with weekly patterns (every 7th row is the same weekday).
 */
export function sampleIndices(n: number, k: number, rng: Rng): Uint32Array {
  if (k >= n) return Uint32Array.from({ length: Math.max(0, n) }, (_, i) => i);
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = rng.int(0, j);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Uint32Array.from(chosen).sort();
}
