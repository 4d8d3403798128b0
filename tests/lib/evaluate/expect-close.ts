import { expect } from 'vitest';

/** |actual − expected| ≤ relative · max(1, |expected|): the equality the metric tests share (1e-9 by default). */
export function expectClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}
