import { chiSquareSf } from './chi-square-sf';

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  /** Degrees of freedom: categories − 1. */
  dof: number;
}

/**
 * Evidently's `chisquare` drift test: Pearson's goodness of fit of the current counts to the reference mix,
 * scipy.stats.chisquare(f_obs = current, f_exp = reference × n_cur/n_ref). Counts are per category, in the same
 * order on both sides (./category-counts.ts). A category the reference never had but the current sample has gets
 * an expected count of 0, so the statistic is +Infinity and the p-value 0: a new category is drift, at any size.
 *
 * Categories with no count on either side are left out (scipy would turn their 0/0 into NaN). With one category left
 * there is nothing to compare: statistic 0, p-value 1 (scipy gives NaN), dof 0. An empty side gives NaN.
 */
export function chiSquareGoodnessOfFit(referenceCounts: readonly number[], currentCounts: readonly number[]): ChiSquareResult {
  const [reference, current] = _presentCategories(referenceCounts, currentCounts);
  const nRef = _sum(reference);
  const nCur = _sum(current);
  const dof = reference.length - 1;
  if (!(nRef > 0) || !(nCur > 0)) return { statistic: NaN, pValue: NaN, dof };
  if (dof === 0) return { statistic: 0, pValue: 1, dof };
  // Evidently's order of operations: the reference counts scaled by one ratio.
  const scale = nCur / nRef;
  let statistic = 0;
  reference.forEach((r, i) => {
    const expected = r * scale;
    statistic += ((current[i] as number) - expected) ** 2 / expected;
  });
  return { statistic, pValue: chiSquareSf(statistic, dof), dof };
}

/**
 * Pearson's chi-square test of independence on the 2 × k table [reference; current], as
 * scipy.stats.chi2_contingency: expected counts from the margins, Yates' continuity correction when dof = 1 (two
 * categories), none otherwise. Unlike the goodness-of-fit test it treats both samples as random, so a category new in
 * the current sample raises the statistic by a finite amount. Same handling of empty categories and sides as above;
 * with one category scipy itself gives statistic 0 and p-value 1.
 */
export function chiSquareContingency(referenceCounts: readonly number[], currentCounts: readonly number[]): ChiSquareResult {
  const rows = _presentCategories(referenceCounts, currentCounts);
  const rowTotals = rows.map(_sum);
  const total = _sum(rowTotals);
  const dof = (rows[0] as number[]).length - 1;
  if (!rowTotals.every((t) => t > 0)) return { statistic: NaN, pValue: NaN, dof };
  if (dof === 0) return { statistic: 0, pValue: 1, dof };
  let statistic = 0;
  for (let c = 0; c <= dof; c++) {
    const columnTotal = (rows[0]![c] as number) + (rows[1]![c] as number);
    rows.forEach((row, r) => {
      const expected = ((rowTotals[r] as number) * columnTotal) / total;
      let observed = row[c] as number;
      // Yates: move each observed count half a unit towards its expected count (never past it).
      if (dof === 1) observed += Math.sign(expected - observed) * Math.min(0.5, Math.abs(expected - observed));
      statistic += (observed - expected) ** 2 / expected;
    });
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof };
}

function _presentCategories(reference: readonly number[], current: readonly number[]): [number[], number[]] {
  const kept = reference.flatMap((r, i) => (r > 0 || (current[i] as number) > 0 ? [i] : []));
  return [kept.map((i) => reference[i] as number), kept.map((i) => current[i] as number)];
}

function _sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
