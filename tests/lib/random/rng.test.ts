import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/random/rng';

describe('createRng(seed)', () => {
  it('replays the same sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('int(min, max) stays inside both bounds', () => {
    const rng = createRng(1);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('normal() has mean ≈ 0 and sd ≈ 1 over many draws', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 20000 }, () => rng.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it('fork() gives streams that differ from each other and from the parent', () => {
    const parent = createRng(5);
    const a = parent.fork();
    const b = parent.fork();
    expect(a.next()).not.toBe(b.next());
    expect(parent.next()).not.toBe(a.next());
  });
});
