import { describe, expect, it } from 'vitest';
import { arrivedThrough } from '../../../src/lib/serving/arrived-through';

describe('arrivedThrough(period, delay)', () => {
  it('knows the actuals of period − delay at the end of period', () => {
    expect(arrivedThrough(10, 1)).toBe(9);
    expect(arrivedThrough(10, 0)).toBe(10);
    expect(arrivedThrough(10, 3)).toBe(7);
  });

  it('is still in the training history (negative) for the first delay periods', () => {
    expect(arrivedThrough(0, 1)).toBe(-1);
    expect(arrivedThrough(2, 5)).toBeLessThan(0);
    // A negative delay means nothing: actuals cannot arrive before their period closes.
    expect(arrivedThrough(4, -2)).toBe(4);
  });
});
