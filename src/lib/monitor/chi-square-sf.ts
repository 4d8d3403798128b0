import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * P(χ²_dof ≥ x), the chi-square survival function (scipy.stats.chi2.sf): the regularised upper incomplete gamma
 * Q(dof/2, x/2). It comes from @stdlib's gammainc, which evaluates the upper tail directly, so p-values far below
 * machine epsilon (1e-34 for a shifted category mix) keep their digits instead of becoming 1 − 1 = 0.
 */
export function chiSquareSf(x: number, dof: number): number {
  if (Number.isNaN(x) || !(dof > 0)) return NaN;
  if (x === Infinity) return 0;
  if (x <= 0) return 1;
  return gammainc(x / 2, dof / 2, true, true);
}
