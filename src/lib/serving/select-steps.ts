/**
 * Which forecast steps a monitoring figure pools: 'all' (1 … H, what the training-time test WAPE pooled, so the two
 * compare) or one step (1 = the next-period forecasts only, the quickest to react).
 */
export type StepChoice = 'all' | number;

/** Zero-based, inclusive offsets into a matched row's H forecasts; empty (first > last) for a step outside 1 … H. */
export function selectSteps(horizon: number, steps: StepChoice): { first: number; last: number } {
  if (steps === 'all') return { first: 0, last: horizon - 1 };
  if (!Number.isInteger(steps) || steps < 1 || steps > horizon) return { first: 0, last: -1 };
  return { first: steps - 1, last: steps - 1 };
}
