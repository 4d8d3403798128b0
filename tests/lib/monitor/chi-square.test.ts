import { describe, expect, it } from 'vitest';
import { categoryCounts } from '../../../src/lib/monitor/category-counts';
import { chiSquareContingency, chiSquareGoodnessOfFit } from '../../../src/lib/monitor/chi-square';
import { chiSquareSf } from '../../../src/lib/monitor/chi-square-sf';
import { driftReference as reference, referenceNumber } from './drift-reference';
import { expectRelative } from './expect-relative';

// Golden values: ../shared/reference/drift.json, scipy 1.10.1 (stats.chisquare with f_exp = ref counts × n_cur/n_ref,
// as Evidently; stats.chi2_contingency on the 2 × k table, Yates only when dof = 1).

describe('chi-square tests against ../shared/reference/drift.json (scipy 1.10.1)', () => {
  it('the categorical cases are the ones these tests were written for', () => {
    expect(reference.categorical.map((c) => c.name)).toEqual(['same_mix', 'shifted_mix', 'new_category', 'binary_promo']);
  });

  describe.each(reference.categorical)('case $name', ({ reference: ref, current, expected }) => {
    it('categoryCounts(reference, current) gives the sorted union of categories and both sides’ counts', () => {
      expect(categoryCounts(ref, current)).toEqual({ categories: expected.categories, reference: expected.ref_counts, current: expected.cur_counts });
    });

    it('chiSquareGoodnessOfFit(referenceCounts, currentCounts) matches scipy.stats.chisquare (Evidently’s chisquare)', () => {
      const result = chiSquareGoodnessOfFit(expected.ref_counts, expected.cur_counts);
      expectRelative(result.statistic, referenceNumber(expected.chisquare_gof.statistic));
      expectRelative(result.pValue, expected.chisquare_gof.pvalue);
      expect(result.dof).toBe(expected.chisquare_gof.dof);
    });

    it('chiSquareContingency(referenceCounts, currentCounts) matches scipy.stats.chi2_contingency', () => {
      const result = chiSquareContingency(expected.ref_counts, expected.cur_counts);
      expectRelative(result.statistic, referenceNumber(expected.chi2_contingency.statistic));
      expectRelative(result.pValue, expected.chi2_contingency.pvalue);
      expect(result.dof).toBe(expected.chi2_contingency.dof);
    });
  });

  it('chiSquareGoodnessOfFit gives statistic Infinity and p-value 0 for a category new in the current data', () => {
    const { expected } = reference.categorical.find((c) => c.name === 'new_category')!;
    expect(expected.chisquare_gof.statistic).toBe('inf');
    expect(chiSquareGoodnessOfFit(expected.ref_counts, expected.cur_counts)).toEqual({ statistic: Infinity, pValue: 0, dof: 3 });
  });
});

describe('chi-square edge cases', () => {
  it('chiSquareGoodnessOfFit and chiSquareContingency leave out categories empty on both sides', () => {
    expect(chiSquareGoodnessOfFit([10, 0, 20], [12, 0, 18])).toEqual(chiSquareGoodnessOfFit([10, 20], [12, 18]));
    expect(chiSquareContingency([10, 0, 20], [12, 0, 18])).toEqual(chiSquareContingency([10, 20], [12, 18]));
  });

  it('with a single category there is nothing to test: statistic 0, p-value 1, dof 0', () => {
    expect(chiSquareGoodnessOfFit([5], [9])).toEqual({ statistic: 0, pValue: 1, dof: 0 });
    expect(chiSquareContingency([5], [9])).toEqual({ statistic: 0, pValue: 1, dof: 0 });
  });

  it('an empty side gives NaN', () => {
    expect(chiSquareGoodnessOfFit([0, 0], [1, 2]).pValue).toBeNaN();
    expect(chiSquareContingency([1, 2], [0, 0]).statistic).toBeNaN();
  });

  it('chiSquareContingency on a 2 × 2 table applies Yates: |O − E| shrinks by ½ before squaring', () => {
    // [[10, 20], [20, 10]]: every expected count is 15 and every |O − E| = 5 → 4.5 after Yates: χ² = 4 · 4.5²/15.
    expectRelative(chiSquareContingency([10, 20], [20, 10]).statistic, (4 * 4.5 ** 2) / 15, 1e-14);
  });
});

describe('chiSquareSf(x, dof)', () => {
  it('chiSquareSf has the closed forms of 2 and 1 degrees of freedom', () => {
    // dof 2: P(χ² ≥ x) = e^(−x/2). dof 1: P(χ² ≥ z²) = P(|Z| ≥ z), 0.05 at z = 1.959963984540054.
    for (const x of [0.1, 1, 10, 100, 1000]) expectRelative(chiSquareSf(x, 2), Math.exp(-x / 2), 1e-13);
    expectRelative(chiSquareSf(1.959963984540054 ** 2, 1), 0.05, 1e-12);
  });

  it('chiSquareSf is 1 at 0, 0 at Infinity, NaN for a bad dof', () => {
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(Infinity, 3)).toBe(0);
    expect(chiSquareSf(1, 0)).toBeNaN();
  });
});
