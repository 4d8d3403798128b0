/**
 * Pelz & Good's (1976) approximation of P(Dₙ ≤ x) for the two-sided one-sample Kolmogorov–Smirnov statistic, as
 * scipy's `_kolmogn_PelzGood`: the Li-Chien/Korolyuk expansion K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^1.5 (z = x√n),
 * each Kᵢ rewritten through Jacobi's theta identity into sums that converge fast for small z. Used for large n and
 * moderate x (./kolmogorov-sf.ts), where the exact methods get slow; it is what scipy returns there, so it is what
 * ks_2samp's asymptotic p-value is for large samples.
 */
export function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qLog = -PI2 / 8 / z2;
  // z below ~0.0417: every term underflows and the CDF is 0 to double precision.
  if (qLog < MIN_LOG) return 0;
  const q = Math.exp(qLog);

  // Coefficients of the odd-integer sums behind K₁…K₃ (each a polynomial in m = 2k − 1).
  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;

  // Σ c(m)·q^(m²) over odd m by Horner's rule in q⁸ᵏ (q^((2k+1)²) = q^((2k−1)²)·q^(8k)).
  const terms = [0, 0, 0, 0];
  const maxK = Math.ceil((16 * z) / Math.PI);
  for (let k = maxK; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qPower = q ** (8 * k);
    const coefficients = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) terms[i] = (terms[i] as number) * qPower + (coefficients[i] as number);
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) terms[i] = ((terms[i] as number) * q * SQRT_2PI) / (divisors[i] as number);

  // The sums over all integers k that K₂ and K₃ carry besides.
  const qAll = Math.exp(-PI2 / 2 / z2);
  const sqrt3z = Math.sqrt(3) * z;
  let k2Extra = 0;
  let k3Extra = 0;
  for (let k = maxK; k > 0; k--) {
    const k2 = k * k;
    const qPower = qAll ** k2;
    const kPi = Math.PI * k;
    k2Extra += k2 * qPower;
    k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * k2 * qPower;
  }
  terms[2] = (terms[2] as number) + (k2Extra * PI2 * SQRT_2PI) / (-36 * z2 * z);
  terms[3] = (terms[3] as number) + (k3Extra * PI2 * SQRT_2PI) / (216 * z6);

  let cdf = 0;
  for (let i = 0; i < 4; i++) cdf += (terms[i] as number) / n ** (i / 2);
  return cdf;
}

const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** scipy's _MIN_LOG: exp() of anything below it is (nearly) 0. */
const MIN_LOG = -708;
