import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

/**
 * A seeded random source, passed explicitly to whatever must replay (house rule: no Math.random, no global RNG).
 * pure-rand gives a small, well-tested xoroshiro128+ whose sequence is fixed across platforms and versions,
 * which is what a "same seed → byte-identical CSV" promise needs.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  /** An independent stream (2^64 steps away), for a sub-simulation that must not shift this one's draws. */
  fork(): Rng;
}

export function createRng(seed: number): Rng {
  return wrap(xoroshiro128plus(seed | 0));
}

function wrap(gen: ReturnType<typeof xoroshiro128plus>): Rng {
  return {
    next: () => uniformFloat64(gen),
    int: (min, max) => uniformInt(gen, min, max),
    normal: () => {
      // 1 - u keeps log() away from 0.
      const u = 1 - uniformFloat64(gen);
      const v = uniformFloat64(gen);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork: () => {
      const child = gen.clone();
      child.jump();
      // Advance the parent too, so two forks in a row differ.
      gen.jump();
      gen.jump();
      return wrap(child);
    },
  };
}
