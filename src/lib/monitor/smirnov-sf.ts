import { CompensatedSum } from './compensated-sum';

/**
 * Survival function of the one-sided one-sample Kolmogorov–Smirnov statistic D⁺ₙ: P(D⁺ₙ ≥ x), as
 * scipy.special.smirnov(n, x). It is one half of the two-sided tail that scipy's `kstwo.sf` uses for large deviations
 * (./kolmogorov-sf.ts), which is where ks_2samp's asymptotic p-value comes from.
 *
 * Birnbaum & Tingey (1951): P(D⁺ₙ ≥ x) = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v).
 * Every term is positive, so the sum has no cancellation; the terms are formed in log space because C(n, v) alone
 * overflows a double long before the product does (each product is at most 1/x). scipy evaluates the same sum in
 * double-double arithmetic; here each term's log carries an absolute error of a few ulps of n, i.e. ~1e-11 relative
 * per term at n = 3·10⁵ — far inside the 1e-6 the tests ask for.
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n > 0) || !(x >= 0 && x <= 1)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const nx = n * x;
  // x ≤ 1/n: the CDF is x(1 + x)^(n−1) (the sum collapses).
  if (nx <= 1) return 1 - x * (1 + x) ** (n - 1);
  // The tail is below e^(−2nx²), which underflows a double here (scipy's cut, cephes MINLOG).
  if (-2 * n * x * x < MIN_LOG) return 0;
  // x ≥ 1 − 1/n: only the v = 0 path stays below the line.
  if (nx >= n - 1) return (1 - x) ** n;
  // scipy's cut-over to an approximation for very large n, kept so the two agree there too.
  if (n > MAX_SUMMED_N) return Math.exp(-((6 * nx + 1) ** 2) / 18 / n);
  return x * _birnbaumTingeySum(n, x);
}

/** exp() of anything below this is 0 in doubles (cephes MINLOG). */
const MIN_LOG = -745.1332191019412;
/** scipy's SMIRNOV_MAX_COMPUTE_N. */
const MAX_SUMMED_N = 1_000_000;

function _birnbaumTingeySum(n: number, x: number): number {
  const last = Math.floor(n * (1 - x));
  // ln C(n, v) as a running sum, compensated: past ~10⁵ steps a plain sum's rounding alone reaches 1e-9.
  const logBinomial = new CompensatedSum();
  let sum = 0;
  for (let v = 0; v <= last; v++) {
    const below = 1 - x - v / n;
    // At v = n(1 − x) exactly the last factor is 0^(n−v) = 0: that path touches the line, it does not cross it.
    if (below > 0) {
      const term = Math.exp(logBinomial.value + (v - 1) * Math.log(x + v / n) + (n - v) * Math.log1p(-x - v / n));
      sum += term;
      // scipy's early stop: what is left cannot reach the last bit of the sum.
      if (term > 0 ? 4 * (last - v) * term < Number.EPSILON * sum : v > n / 2) break;
    }
    logBinomial.add(Math.log((n - v) / (v + 1)));
  }
  return sum;
}
