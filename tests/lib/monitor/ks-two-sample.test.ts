import { describe, expect, it } from 'vitest';
import { ksExactTwoSided } from '../../../src/lib/monitor/ks-exact-two-sided';
import { ksTwoSample } from '../../../src/lib/monitor/ks-two-sample';
import { createRng } from '../../../src/lib/random/rng';
import { driftReference as reference, numericCase } from './drift-reference';
import { expectRelative } from './expect-relative';

// Golden values: ../shared/reference/drift.json, scipy 1.10.1 (stats.ks_2samp two-sided, method 'auto' and 'asymp').

describe('ksTwoSample against ../shared/reference/drift.json (scipy 1.10.1 ks_2samp)', () => {
  it('the reference is the one these tests were written for', () => {
    expect(reference.versions).toEqual({ scipy: '1.10.1', sklearn: '1.2.1', numpy: '1.24.2' });
    expect(reference.numeric.map((c) => c.name)).toEqual([
      'identical_small',
      'shifted_small',
      'scaled_medium',
      'same_dist_large',
      'level_shift_large',
      'ties_counts',
      'units_bug_x100',
    ]);
  });

  describe.each(reference.numeric)('case $name', ({ reference: ref, current, expected }) => {
    it('ksTwoSample(reference, current) matches the statistic and the exact (auto) p-value', () => {
      const result = ksTwoSample(ref, current);
      // Every case has both samples ≤ 10 000, so 'auto' is exact — and the exact lattice walk keeps even 1.8e-321.
      expect(result.method).toBe('exact');
      expectRelative(result.statistic, expected.ks_2samp.statistic);
      expectRelative(result.pValue, expected.ks_2samp.pvalue_auto);
    });

    it("ksTwoSample(reference, current, {method: 'asymp'}) matches scipy's asymptotic p-value", () => {
      const result = ksTwoSample(ref, current, { method: 'asymp' });
      expect(result.method).toBe('asymp');
      expectRelative(result.statistic, expected.ks_2samp.statistic);
      expectRelative(result.pValue, expected.ks_2samp.pvalue_asymp);
    });

    it('ksTwoSample is symmetric in its two samples', () => {
      const forward = ksTwoSample(ref, current);
      const backward = ksTwoSample(current, ref);
      expect(backward.statistic).toBe(forward.statistic);
      expectRelative(backward.pValue, forward.pValue, 1e-12);
    });
  });

  it('ksTwoSample keeps the p-value of level_shift_large that scipy gives as a denormal (1.793e-321), not 0', () => {
    const { reference: ref, current, expected } = numericCase('level_shift_large');
    const { pValue } = ksTwoSample(ref, current);
    expect(expected.ks_2samp.pvalue_auto).toBe(1.793e-321);
    expect(pValue).toBeGreaterThan(0);
    expect(pValue).toBeLessThan(1e-320);
  });

  it('ksTwoSample drops NaN before testing (same result as without them)', () => {
    const { reference: ref, current, expected } = numericCase('shifted_small');
    const result = ksTwoSample([NaN, ...ref, NaN], Float64Array.from([...current, NaN]));
    expectRelative(result.pValue, expected.ks_2samp.pvalue_auto);
  });

  it('ksTwoSample with an empty side gives NaN', () => {
    const result = ksTwoSample([], [1, 2, 3]);
    expect(result.statistic).toBeNaN();
    expect(result.pValue).toBeNaN();
  });
});

describe('ksTwoSample method choice', () => {
  const rng = createRng(7);
  const big = Float64Array.from({ length: 10_001 }, () => rng.normal());
  const small = Float64Array.from({ length: 300 }, () => rng.normal() + 0.1);

  it("ksTwoSample(a, b) is 'exact' up to 10 000 values per side and 'asymp' beyond (scipy's MAX_AUTO_N)", () => {
    expect(ksTwoSample(big.subarray(0, 10_000), small).method).toBe('exact');
    expect(ksTwoSample(big, small).method).toBe('asymp');
  });

  it("ksTwoSample(a, b, {method: 'exact'}) falls back to 'asymp' when lcm(n1, n2) passes an int32, as scipy does", () => {
    const a = new Float64Array(50_000).map((_, i) => i);
    const b = new Float64Array(49_999).map((_, i) => i + 0.5);
    expect(ksTwoSample(a, b, { method: 'exact' }).method).toBe('asymp');
  });

  it('exact and asymptotic p-values agree to a few percent on large samples (the asymptotic is accurate there)', () => {
    const exact = ksTwoSample(big.subarray(0, 9000), small, { method: 'exact' });
    const asymp = ksTwoSample(big.subarray(0, 9000), small, { method: 'asymp' });
    expect(exact.statistic).toBeCloseTo(asymp.statistic, 12);
    expect(Math.abs(exact.pValue - asymp.pValue) / exact.pValue).toBeLessThan(0.05);
  });
});

describe('ksExactTwoSided(n1, n2, d)', () => {
  it('ksExactTwoSided(n, n, d) gives the textbook values for tiny samples (all orderings counted by hand)', () => {
    // n1 = n2 = 1: D is 1 for both orderings, so P(D ≥ 1) = 1.
    expect(ksExactTwoSided(1, 1, 1)!.pValue).toBe(1);
    // n1 = n2 = 2: of the C(4, 2) = 6 orderings, D = 1 only for aabb and bbaa: P(D ≥ 1) = 2/6.
    expectRelative(ksExactTwoSided(2, 2, 1)!.pValue, 1 / 3, 1e-15);
    // n1 = 2, n2 = 1: orderings aab, aba, baa have D = 1, 1/2, 1: P(D ≥ 1) = 2/3, P(D ≥ 1/2) = 1.
    expectRelative(ksExactTwoSided(2, 1, 1)!.pValue, 2 / 3, 1e-15);
    expectRelative(ksExactTwoSided(2, 1, 0.5)!.pValue, 1, 1e-15);
  });

  it('ksExactTwoSided(n1, n2, 0) is 1 and snaps d to the lattice h/lcm(n1, n2)', () => {
    expect(ksExactTwoSided(4, 6, 0)).toEqual({ statistic: 0, pValue: 1 });
    expect(ksExactTwoSided(4, 6, 0.41666666666666663)!.statistic).toBe(5 / 12);
  });

  it('ksExactTwoSided: the closed form (n1 = n2) and the lattice walk agree with a brute-force count', () => {
    // All C(8, 4) = 70 orderings of 4 + 4 values, and all C(7, 3) = 35 of 3 + 4, enumerated.
    for (const [n1, n2] of [
      [4, 4],
      [3, 4],
    ] as const) {
      const counts = bruteForceTail(n1, n2);
      for (const [d, p] of counts) expectRelative(ksExactTwoSided(n1, n2, d)!.pValue, p, 1e-12);
    }
  });
});

/** P(D ≥ d) for every attainable d, by enumerating every ordering of n1 a's and n2 b's. */
function bruteForceTail(n1: number, n2: number): Map<number, number> {
  const ds: number[] = [];
  const walk = (a: number, b: number, max: number): void => {
    const diff = Math.abs(a / n1 - b / n2);
    const m = Math.max(max, diff);
    if (a === n1 && b === n2) ds.push(m);
    if (a < n1) walk(a + 1, b, m);
    if (b < n2) walk(a, b + 1, m);
  };
  walk(0, 0, 0);
  const tail = new Map<number, number>();
  for (const d of new Set(ds)) tail.set(d, ds.filter((x) => x >= d - 1e-12).length / ds.length);
  return tail;
}
