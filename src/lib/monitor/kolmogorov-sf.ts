import { durbinMatrixCdf } from './durbin-matrix-cdf';
import { pelzGoodCdf } from './pelz-good-cdf';
import { smirnovSf } from './smirnov-sf';

/**
 * P(Dₙ ≥ x) for the two-sided one-sample Kolmogorov–Smirnov statistic with n observations: scipy's
 * `stats.kstwo.sf(x, n)`. scipy 1.10's ks_2samp(method='asymp') returns `kstwo.sf(d, round(m·n/(m + n)))` for two
 * samples of sizes m and n. It is not the limiting Kolmogorov distribution (kstwobign) that the `definitions` of
 * ../shared/reference/drift.json mention: that one misses the file's own `pvalue_asymp` values by up to 80%.
 *
 * The method for each (n, x) follows Simard & L'Ecuyer (2011) as scipy's `_kolmogn` does: closed forms at the ends
 * (Ruben & Gambino), twice the one-sided tail where the two tails cannot overlap or their overlap is negligible,
 * Durbin's exact matrix method for small n·x², and Pelz–Good's expansion for large n.
 *
 * One departure: where scipy uses Pomeranz's recursion (n ≤ 140, 0.754693 < n·x² ≤ 4) this uses Durbin's matrix
 * too. Both are exact algorithms for the same probability; the matrix there is at most 47 × 47, and the two agree to
 * within 2e-11 relative (checked against scipy on a grid over that region), so a second exact method would add code
 * without changing any digit a test can see.
 */
export function kolmogorovSf(n: number, x: number): number {
  if (!(n >= 1) || !Number.isInteger(n) || Number.isNaN(x)) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    // Ruben–Gambino: for 1/(2n) < x ≤ 1/n the CDF is n!/nⁿ · (2t − 1)ⁿ.
    if (t <= 0.5) return 1;
    return _clip(1 - _nFactorialOverNPowerN(n, 2 * t - 1));
  }
  // Ruben–Gambino at the other end.
  if (t >= n - 1) return _clip(2 * (1 - x) ** n);
  // Above 1/2 the two one-sided events are disjoint: exactly twice the one-sided tail.
  if (x >= 0.5) return _clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= SMALL_N) {
    if (nx2 <= 4) return _clip(1 - durbinMatrixCdf(n, x));
    return _clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return _clip(2 * smirnovSf(n, x));
  const cdf = n <= 100_000 && n * x ** 1.5 <= 1.4 ? durbinMatrixCdf(n, x) : pelzGoodCdf(n, x);
  return _clip(1 - cdf);
}

/** scipy's limit between the "small n" and "large n" strategies. */
const SMALL_N = 140;

const _clip = (p: number): number => Math.min(1, Math.max(0, p));

/** n!/nⁿ · base^n: a running product for small n, Stirling's series in log space beyond (n! overflows). */
function _nFactorialOverNPowerN(n: number, base: number): number {
  if (n <= SMALL_N) {
    let product = 1;
    for (let i = 1; i <= n; i++) product *= (i / n) * base;
    return product;
  }
  return Math.exp(_logNFactorialOverNPowerN(n) + n * Math.log(base));
}

/** Stirling's series for ln Γ: B₂ⱼ/(2j(2j − 1)) for j = 8 … 1 (Bernoulli numbers; scipy's _STIRLING_COEFFS). */
const STIRLING = [-3617 / 122400, 1 / 156, -691 / 360360, 1 / 1188, -1 / 1680, 1 / 1260, -1 / 360, 1 / 12];

/** ln(n!/nⁿ) = ln(n)/2 − n + ln(2π)/2 + Σ …, with n·ln(n) cancelled by hand rather than by subtraction. */
function _logNFactorialOverNPowerN(n: number): number {
  const y = 1 / n / n;
  let series = 0;
  for (const c of STIRLING) series = series * y + c;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + series / n;
}
