import { describe, expect, it } from 'vitest';
import { performanceDecay } from '../../../src/lib/monitor/performance-decay';

describe('performanceDecay({current, reference, tolerance})', () => {
  // 0.25, 0.375 and 0.5 are exact in binary, so the boundary is tested without rounding.
  it('decays only strictly above 1 + tolerance', () => {
    expect(performanceDecay({ current: { wape: 0.375 }, reference: { wape: 0.25 }, tolerance: 0.5 })).toEqual({
      metric: 'wape',
      current: 0.375,
      reference: 0.25,
      ratio: 1.5,
      limit: 1.5,
      decayed: false,
    });
    expect(performanceDecay({ current: { wape: 0.376 }, reference: { wape: 0.25 }, tolerance: 0.5 }).decayed).toBe(true);
    expect(performanceDecay({ current: { wape: 0.2 }, reference: { wape: 0.25 }, tolerance: 0 }).decayed).toBe(false);
    expect(performanceDecay({ current: { wape: 0.25 }, reference: { wape: 0.25 }, tolerance: 0 }).decayed).toBe(false);
  });

  it('judges the metric asked for (cost per row, MAE)', () => {
    const d = performanceDecay({ current: { wape: 0.1, costPerRow: 4 }, reference: { wape: 0.1, costPerRow: 2 }, tolerance: 0.3, metric: 'costPerRow' });
    expect(d).toMatchObject({ metric: 'costPerRow', ratio: 2, decayed: true });
    expect(performanceDecay({ current: { mae: 13 }, reference: { mae: 10 }, tolerance: 0.3, metric: 'mae' }).decayed).toBe(false);
  });

  it('has no verdict (and no alarm) without both figures or with a zero reference', () => {
    for (const [current, reference] of [
      [null, 0.2],
      [0.3, null],
      [0.3, 0],
      [NaN, 0.2],
      [undefined, 0.2],
    ] as const) {
      const d = performanceDecay({ current: { wape: current }, reference: { wape: reference }, tolerance: 0.3 });
      expect(d.ratio).toBeNull();
      expect(d.decayed).toBe(false);
    }
  });
});
