import { describe, expect, it } from 'vitest';
import { equalWidthEdges } from '../../../src/lib/monitor/equal-width-edges';
import { histogram } from '../../../src/lib/monitor/histogram';
import { jensenShannonDistance } from '../../../src/lib/monitor/jensen-shannon';
import { populationStability } from '../../../src/lib/monitor/population-stability';
import { sturgesEdges } from '../../../src/lib/monitor/sturges-edges';
import { driftReference as reference } from './drift-reference';
import { expectRelative } from './expect-relative';

// Golden values: ../shared/reference/drift.json, scipy 1.10.1 (spatial.distance.jensenshannon(p, q, base=2)) on
// numpy 1.24.2 histograms: Sturges bins and 30 equal-width bins on the pooled samples, and the PSI decile bins.

describe('jensenShannonDistance against ../shared/reference/drift.json (scipy 1.10.1)', () => {
  describe.each(reference.numeric)('case $name', ({ reference: ref, current, expected }) => {
    const js = expected.jensenshannon_base2;

    it('jensenShannonDistance on sturgesEdges([ref, cur]) histograms matches, with the same bin count', () => {
      const edges = sturgesEdges([ref, current]);
      expect(edges).toHaveLength(js.sturges_pooled.n_bins + 1);
      expectRelative(jensenShannonDistance(histogram(ref, edges), histogram(current, edges)), js.sturges_pooled.value);
    });

    it('jensenShannonDistance on 30 equal-width pooled bins matches', () => {
      const pooled = [...ref, ...current];
      const edges = equalWidthEdges(Math.min(...pooled), Math.max(...pooled), 30);
      expect(edges).toHaveLength(js.equal_width_30_pooled.n_bins + 1);
      expectRelative(jensenShannonDistance(histogram(ref, edges), histogram(current, edges)), js.equal_width_30_pooled.value);
    });

    it('jensenShannonDistance on the PSI decile bins (shares before the 1e-4 floor) matches', () => {
      const psi = populationStability(ref, current);
      expect(psi.referenceShares).toHaveLength(js.psi_ref_decile_bins.n_bins);
      expectRelative(jensenShannonDistance(psi.referenceShares, psi.currentShares), js.psi_ref_decile_bins.value);
    });
  });

  it.each(reference.categorical)('jensenShannonDistance(category counts) matches case $name', ({ expected }) => {
    expectRelative(jensenShannonDistance(expected.ref_counts, expected.cur_counts), expected.jensenshannon_base2);
  });
});

describe('jensenShannonDistance(p, q)', () => {
  it('jensenShannonDistance is 0 for one distribution given as counts and as shares, 1 for disjoint ones', () => {
    expect(jensenShannonDistance([2, 6, 2], [0.2, 0.6, 0.2])).toBe(0);
    expectRelative(jensenShannonDistance([1, 0], [0, 1]), 1, 1e-15);
  });

  it('jensenShannonDistance matches the divergence written out for two bins', () => {
    // p = (½, ½), q = (1, 0), m = (¾, ¼): the distance is √(½·KL(p‖m) + ½·KL(q‖m)) in bits.
    const m = [0.75, 0.25];
    const kl = (a: number[]): number => a.reduce((s, x, i) => (x > 0 ? s + x * Math.log2(x / (m[i] as number)) : s), 0);
    expectRelative(jensenShannonDistance([1, 1], [1, 0]), Math.sqrt((kl([0.5, 0.5]) + kl([1, 0])) / 2), 1e-14);
  });

  it('jensenShannonDistance gives NaN for mismatched lengths or an empty side', () => {
    expect(jensenShannonDistance([1, 2], [1])).toBeNaN();
    expect(jensenShannonDistance([0, 0], [1, 1])).toBeNaN();
  });
});

describe('histogram(values, edges) and the edge helpers (numpy semantics)', () => {
  it('histogram counts left-closed bins, the last one closed on both sides, and ignores values outside', () => {
    expect(histogram([0, 1, 1.5, 2, 3, 3, -1, 4, NaN], [0, 1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('equalWidthEdges(min, max, bins) is np.linspace, widened by ±0.5 for a constant sample', () => {
    expect(equalWidthEdges(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(equalWidthEdges(3, 3, 2)).toEqual([2.5, 3, 3.5]);
  });

  it('sturgesEdges gives ⌈log₂ n + 1⌉ bins over the pooled range, one bin for a constant sample', () => {
    expect(sturgesEdges([[0, 1, 2, 3], [4, 5, 6, 7]])).toHaveLength(4 + 1);
    expect(sturgesEdges([[2, 2], [2]])).toEqual([1.5, 2.5]);
    expect(sturgesEdges([[], [NaN]])).toEqual([]);
  });
});
