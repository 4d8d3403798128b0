import { describe, expect, it } from 'vitest';
import { std } from '../../../src/lib/core/statistics';
import { normedWasserstein, wassersteinDistance } from '../../../src/lib/monitor/wasserstein-distance';
import { driftReference as reference } from './drift-reference';
import { expectRelative } from './expect-relative';

// Golden values: ../shared/reference/drift.json, scipy 1.10.1 (stats.wasserstein_distance; normed as Evidently,
// W / max(np.std(ref, ddof=0), 0.001)).

describe('wassersteinDistance against ../shared/reference/drift.json (scipy 1.10.1)', () => {
  describe.each(reference.numeric)('case $name', ({ reference: ref, current, expected }) => {
    it('wassersteinDistance(u, v) matches scipy.stats.wasserstein_distance', () => {
      expectRelative(wassersteinDistance(ref, current), expected.wasserstein);
    });

    it('normedWasserstein(reference, current) matches W / max(std_ddof0(reference), 0.001)', () => {
      expectRelative(std(ref, { ddof: 0 }), expected.ref_std_ddof0);
      expectRelative(normedWasserstein(ref, current), expected.wasserstein_normed);
    });
  });
});

describe('wassersteinDistance(u, v)', () => {
  it('wassersteinDistance is the shift between a sample and the same sample moved by c', () => {
    const u = [3, 1, 4, 1, 5, 9, 2, 6];
    expectRelative(wassersteinDistance(u, u.map((x) => x + 2.5)), 2.5, 1e-14);
    expect(wassersteinDistance(u, u)).toBe(0);
  });

  it('wassersteinDistance is the mean |difference| of sorted values for samples of equal size', () => {
    // For equal weights and sizes, W₁ = (1/n) Σ |u₍ᵢ₎ − v₍ᵢ₎|.
    const u = [0, 2, 7, 7, 10];
    const v = [1, 1, 3, 8, 20];
    expectRelative(wassersteinDistance(u, v), (1 + 1 + 4 + 1 + 10) / 5, 1e-14);
  });

  it('wassersteinDistance drops NaN and gives NaN for an empty side', () => {
    expectRelative(wassersteinDistance([0, NaN, 1], [NaN, 1, 2]), 1, 1e-14);
    expect(wassersteinDistance([], [1])).toBeNaN();
  });

  it('normedWasserstein floors the scale at 0.001 for a constant reference', () => {
    expectRelative(normedWasserstein([5, 5, 5], [5, 5, 6]), 1 / 3 / 0.001, 1e-12);
  });
});
