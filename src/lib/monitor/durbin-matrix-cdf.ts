/**
 * P(Dₙ ≤ d) for the two-sided one-sample Kolmogorov–Smirnov statistic, exactly, by Durbin's (1968) matrix method in
 * the form of Marsaglia, Tsang & Wang (2003, "Evaluating Kolmogorov's distribution"), as scipy's `_kolmogn_DMTW`.
 *
 * Write d = (k − h)/n with k a whole number and 0 ≤ h < 1; the answer is n!/nⁿ times the (k, k) entry of Hⁿ, H being
 * an m × m matrix (m = 2k − 1) of truncated Poisson weights. Hⁿ is formed by repeated squaring, rescaling by 2¹²⁸
 * whenever the entry that matters grows past it and keeping the exponent apart (powers of two rescale exactly).
 * O(m³ log n) work: cheap while nd is small, which is where ./kolmogorov-sf.ts calls it.
 */
export function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const m = 2 * k - 1;
  let power = _identity(m);
  let square = _durbinMatrix(m, k - nd);
  let exponent = 0;
  let squareExponent = 0;
  for (let left = n; left > 0; left = Math.floor(left / 2)) {
    if (left % 2 === 1) {
      power = _multiply(power, square, m);
      exponent += squareExponent;
    }
    square = _multiply(square, square, m);
    squareExponent *= 2;
    if (Math.abs(square[(k - 1) * m + k - 1] as number) > SCALE) {
      for (let i = 0; i < square.length; i++) square[i] = (square[i] as number) / SCALE;
      squareExponent += SCALE_EXPONENT;
    }
  }
  let p = power[(k - 1) * m + k - 1] as number;
  // Times n!/nⁿ, one factor at a time (n! alone overflows for n > 170).
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < 1 / SCALE) {
      p *= SCALE;
      exponent -= SCALE_EXPONENT;
    }
  }
  return Math.min(1, Math.max(0, p * 2 ** exponent));
}

const SCALE_EXPONENT = 128;
const SCALE = 2 ** SCALE_EXPONENT;

/** Durbin's H (row-major): column 0 and the last row hold (1 − hʲ)/j!, the band above the diagonal 1/j!. */
function _durbinMatrix(m: number, h: number): Float64Array {
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let factorial = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = factorial;
    factorial /= j;
    v[j - 1] = (1 - h ** j) * factorial;
  }
  // The corner entry corrects for paths that would count twice when 2h > 1.
  v[m - 1] = (1 + Math.max(2 * h - 1, 0) ** m - 2 * h ** m) * factorial;
  const matrix = new Float64Array(m * m);
  for (let column = 1; column < m; column++) {
    for (let row = column - 1; row < m; row++) matrix[row * m + column] = w[row - column + 1] as number;
  }
  for (let row = 0; row < m; row++) matrix[row * m] = v[row] as number;
  for (let column = 0; column < m; column++) matrix[(m - 1) * m + column] = v[m - 1 - column] as number;
  return matrix;
}

function _identity(m: number): Float64Array {
  const matrix = new Float64Array(m * m);
  for (let i = 0; i < m; i++) matrix[i * m + i] = 1;
  return matrix;
}

function _multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l] as number;
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] = (out[i * m + j] as number) + ail * (b[l * m + j] as number);
    }
  }
  return out;
}
