import { describe, expect, it } from 'vitest';
import {
  categoricalPopulationStability,
  populationStability,
  stabilityIndex,
} from '../../../src/lib/monitor/population-stability';
import { driftReference as reference, numericCase } from './drift-reference';
import { expectAllRelative, expectRelative } from './expect-relative';

// Golden values: ../shared/reference/drift.json, scipy 1.10.1 / numpy 1.24.2 (deciles by np.quantile 'linear',
// left-closed bins, zero shares → 1e-4; Evidently-style PSI on np.histogram_bin_edges(pooled, 'sturges')).

describe('populationStability against ../shared/reference/drift.json (numpy 1.24.2)', () => {
  describe.each(reference.numeric)('case $name', ({ reference: ref, current, expected }) => {
    it('populationStability(reference, current) matches the value, the decile edges and both sides’ shares', () => {
      const psi = populationStability(ref, current);
      expectAllRelative(psi.innerEdges, expected.psi.inner_edges);
      expectAllRelative(psi.referenceShares, expected.psi.ref_props);
      expectAllRelative(psi.currentShares, expected.psi.cur_props);
      expectRelative(psi.value, expected.psi.value);
    });

  });

  it('populationStability merges repeated deciles: ties_counts has 7 bins, not 10', () => {
    const { reference: ref, current } = numericCase('ties_counts');
    expect(populationStability(ref, current).innerEdges).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('populationStability puts a value equal to an edge in the bin to its right (left-closed bins)', () => {
    // Deciles of 1..10 (numpy linear): q10 = 1.9, …; the value 10 sits in [q90, +∞) = [9.1, +∞).
    const ref = Array.from({ length: 10 }, (_, i) => i + 1);
    const psi = populationStability(ref, [1.9, 1.9, 10]);
    expect(psi.innerEdges[0]).toBeCloseTo(1.9, 12);
    expect(psi.currentShares[1]).toBeCloseTo(2 / 3, 12);
    expect(psi.currentShares[9]).toBeCloseTo(1 / 3, 12);
  });

  it('populationStability with an empty side gives NaN and no bins', () => {
    expect(populationStability([1, 2, 3], [NaN]).value).toBeNaN();
    expect(populationStability([], [1]).innerEdges).toEqual([]);
  });
});

describe('categoricalPopulationStability against ../shared/reference/drift.json', () => {
  it.each(reference.categorical)('categoricalPopulationStability(counts) matches case $name', ({ expected }) => {
    expectRelative(categoricalPopulationStability(expected.ref_counts, expected.cur_counts), expected.psi.value);
  });
});

describe('stabilityIndex(referenceShares, currentShares)', () => {
  it('stabilityIndex is Σ (c − r)·ln(c/r): 0 for equal shares, symmetric in its two sides', () => {
    expect(stabilityIndex([0.5, 0.5], [0.5, 0.5])).toBe(0);
    const forward = stabilityIndex([0.2, 0.8], [0.5, 0.5]);
    expectRelative(forward, (0.5 - 0.2) * Math.log(0.5 / 0.2) + (0.5 - 0.8) * Math.log(0.5 / 0.8), 1e-15);
    expectRelative(stabilityIndex([0.5, 0.5], [0.2, 0.8]), forward, 1e-15);
  });
});
