import type { Rng } from '../random/rng';

/** More decimals than this and the values are taken as unrounded measurements (a model's output, a mean). */
const MAX_DECIMALS = 4;

/**
 * How many decimals the finite values are recorded with: 0 for whole units, 2 for cents, null when no grid up to
 * four decimals fits them all. The simulated future keeps the history's grain, so integer counts stay integers.
 */
export function decimalsOf(values: ArrayLike<number>): number | null {
  for (let decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
    const scale = 10 ** decimals;
    let fits = true;
    for (let i = 0; i < values.length && fits; i++) {
      const x = (values[i] as number) * scale;
      // NaN and ±Infinity say nothing about the grain; a float's last bits should not either.
      if (Number.isFinite(x)) fits = Math.abs(x - Math.round(x)) <= 1e-6 * Math.max(1, Math.abs(x));
    }
    if (fits) return decimals;
  }
  return null;
}

/**
 * Rounds to `decimals` up or down at random, up with a chance equal to the fraction, so the expected value is
 * unchanged: a series selling 1.3 a day on average still sells 1.3 after rounding, where Math.round would make it 1.
 * That matters because scenarios scale small counts (+10% of 1 must not vanish). Null `decimals` leaves the value.
 */
export function stochasticRound(value: number, decimals: number | null, rng: Rng): number {
  if (decimals === null || !Number.isFinite(value)) return value;
  const scale = 10 ** decimals;
  const x = value * scale;
  const low = Math.floor(x);
  return (low + (rng.next() < x - low ? 1 : 0)) / scale;
}

/** Plain rounding to `decimals` (null: unchanged), for values with no expectation to keep, e.g. a raised price. */
export function roundTo(value: number, decimals: number | null): number {
  if (decimals === null) return value;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
