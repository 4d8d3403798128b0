import { describe, expect, it } from 'vitest';
import { matchActuals } from '../../../src/lib/serving/match-actuals';
import { performanceWindow } from '../../../src/lib/monitor/performance-window';
import { performanceFigures } from '../../../src/lib/monitor/performance-figures';
import { rollingWape } from '../../../src/lib/monitor/rolling-wape';
import { actual, BASE, makeServedLog } from '../serving/make-served-log';
import { expectClose } from '../evaluate/expect-close';

const matched = matchActuals(makeServedLog(), actual, { through: 2 });
/** Holding 1 per unit left over, 5 per unit short (margin 4 + penalty 1): easy to check by hand. */
const cost = { unitPrice: 10, unitCost: 6, holdingCostPerUnitPerPeriod: 1, stockoutPenaltyPerUnit: 1 };

describe('performanceWindow(matched, {window, cost})', () => {
  // By hand (see make-served-log): every step-1 forecast is exact; each step-2 forecast is 9 short of its actual.
  // Pairs: period 0 → 2 (step 1 only), periods 1 and 2 → 4 each: 10 pairs, Σ|e| = 4 · 9 = 36,
  // Σ|y| = (100 + 200) + 2 (110 + 210) + 2 (120 + 220) = 1620.
  const w = performanceWindow(matched, { window: 3, cost });

  it('pools all steps of the served forecasts over the last W periods with actuals', () => {
    expect(w).toMatchObject({ from: 0, through: 2, periods: 3 });
    expect(w.served.rows).toBe(10);
    expectClose(w.served.wape!, 36 / 1620);
    expectClose(w.served.mae!, 3.6);
    expectClose(w.served.bias!, -3.6);
    // 36 units short at 5 each; nothing left over.
    expectClose(w.served.cost!, 180);
    expectClose(w.served.costPerRow!, 18);
  });

  it('gives each version its served and shadow forecasts', () => {
    const [v1, v2] = w.byVersion;
    expect(v1).toMatchObject({ version: 'v1', servedRows: 8, shadowRows: 0, rows: 8 });
    expectClose(v1!.wape!, 36 / (300 + 640 + 340));
    // v2 served period 2's step 1 (exact) and shadowed period 1 (step 1: +1) and period 2 (step 2: −8).
    expect(v2).toMatchObject({ version: 'v2', servedRows: 2, shadowRows: 4, rows: 6 });
    expectClose(v2!.wape!, 18 / 1000);
    expectClose(v2!.bias!, -14 / 6);
  });

  it('looks back only W periods from `through`, and on one step if asked', () => {
    const last = performanceWindow(matched, { window: 1, through: 2 });
    expect(last).toMatchObject({ from: 2, through: 2, periods: 1 });
    expectClose(last.served.wape!, 18 / 680);
    expect(last.served.cost).toBeNull();
    const step1 = performanceWindow(matched, { window: 3, steps: 1 });
    expect(step1.served.wape).toBe(0);
    expect(step1.served.rows).toBe(6);
  });

  it('has null figures over an empty window', () => {
    const none = performanceWindow(matched, { window: 2, through: 10, cost });
    expect(none.periods).toBe(0);
    expect(none.served).toEqual({ rows: 0, wape: null, mae: null, bias: null, cost: null, costPerRow: null });
    expect(none.byVersion).toEqual([]);
  });

  it('performanceFigures(actual, forecast, cost) leaves out NaN pairs like the evaluate metrics', () => {
    const f = performanceFigures([10, NaN, 20], [12, 5, NaN], null);
    expect(f).toEqual({ rows: 1, wape: 0.2, mae: 2, bias: 2, cost: null, costPerRow: null });
  });
});

describe('rollingWape(matched, {window})', () => {
  it('pools each period with the W − 1 before it (served forecasts, all steps)', () => {
    const points = rollingWape(matched, { window: 2 });
    expect(points.map((p) => [p.period, p.date, p.rows])).toEqual([
      [0, BASE, 2],
      [1, BASE + 1, 6],
      [2, BASE + 2, 8],
    ]);
    expect(points[0]!.wape).toBe(0);
    expectClose(points[1]!.wape!, 18 / 940);
    expectClose(points[2]!.wape!, 36 / 1320);
  });

  it('follows one version, served or in shadow, when asked; nothing for an unknown version', () => {
    const v2 = rollingWape(matched, { window: 1, version: 'v2' });
    expect(v2.map((p) => p.period)).toEqual([1, 2]);
    expectClose(v2[0]!.wape!, 2 / 320);
    expect(rollingWape(matched, { window: 1, version: 'v9' })).toEqual([]);
  });

  it('gives null, not a rounding crumb, over a window whose actuals are all zero', () => {
    const zeros = matchActuals(makeServedLog(), () => 0, { through: 2 });
    expect(rollingWape(zeros, { window: 1 }).map((p) => p.wape)).toEqual([null, null, null]);
  });
});
