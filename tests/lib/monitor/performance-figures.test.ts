import { describe, expect, it } from 'vitest';
import { performanceFigures } from '../../../src/lib/monitor/performance-figures';
import type { CostModel } from '../../../src/lib/scope/cost-model';
import { expectClose } from '../evaluate/expect-close';

/** A margin of 4 per unit, 0.5 to hold an unsold unit, 1 for each unit short on top of the lost margin. */
const cost: CostModel = { unitPrice: 10, unitCost: 6, holdingCostPerUnitPerPeriod: 0.5, stockoutPenaltyPerUnit: 1 };

describe('performanceFigures(actual, forecast, cost)', () => {
  it('leaves out NaN pairs like the evaluate metrics', () => {
    const f = performanceFigures([10, NaN, 20], [12, 5, NaN], null);
    expect(f).toEqual({ rows: 1, wape: 0.2, mae: 2, bias: 2, cost: null, costPerRow: null });
  });

  it('prices the errors with the cost model, in total and per pair', () => {
    // 2 units over (holding 2 × 0.5) and 5 short (5 × (4 + 1)): 26 over two pairs.
    const f = performanceFigures([10, 20, NaN], [12, 15, 3], cost);
    expect(f.rows).toBe(2);
    expectClose(f.wape!, 7 / 30);
    expect([f.mae, f.bias]).toEqual([3.5, -1.5]);
    expect([f.cost, f.costPerRow]).toEqual([26, 13]);
  });

  it('has null figures, cost included, without a single pair', () => {
    expect(performanceFigures([NaN], [1], cost)).toEqual({ rows: 0, wape: null, mae: null, bias: null, cost: null, costPerRow: null });
  });
});
