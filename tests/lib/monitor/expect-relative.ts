import { expect } from 'vitest';

/** Below this both numbers are "zero" for a p-value: scipy itself returns 1.8e-321 or 0 for the same extreme shift. */
const TINY = 1e-300;

/**
 * |actual − expected| ≤ relative · |expected|: the equality the drift tests share (1e-6 by default). Relative
 * rather than absolute because p-values of 1e-34 must match in their digits, not just be "close to 0"; two values
 * both below 1e-300 count as equal (denormals carry only a few digits), and infinities must match exactly.
 */
export function expectRelative(actual: number, expected: number, relative = 1e-6): void {
  if (Math.abs(actual) < TINY && Math.abs(expected) < TINY) return;
  if (!Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.abs(expected));
}

/** expectRelative, element by element, on arrays of the same length. */
export function expectAllRelative(actual: readonly number[], expected: readonly number[], relative = 1e-6): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expectRelative(a, expected[i] as number, relative));
}
