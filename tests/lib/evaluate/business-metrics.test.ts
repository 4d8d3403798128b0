import { describe, expect, it } from 'vitest';
import { businessMetrics } from '../../../src/lib/evaluate/business-metrics';
import { valueEstimate } from '../../../src/lib/evaluate/value-estimate';
import { ANNUAL_HOLDING_RATE, defaultCostModel, PERIODS_PER_YEAR, type CostModel } from '../../../src/lib/scope/cost-model';
import { expectClose } from './expect-close';

const cost: CostModel = { unitPrice: 10, unitCost: 6, holdingCostPerUnitPerPeriod: 0.5, stockoutPenaltyPerUnit: 1 };

describe('businessMetrics(actual, forecast, cost, options)', () => {
  // Worked by hand: y = [10, 5, 0, 8], ŷ = [7, 9, 2, 8].
  // Stockouts: 3 units on one row; overstock: 4 + 2 = 6 units; demand Σy = 23.
  const actual = [10, 5, 0, 8];
  const forecast = [7, 9, 2, 8];

  it('counts stockout and overstock units, stockout periods, service level and fill rate', () => {
    const m = businessMetrics(actual, forecast, cost);
    expect(m).toMatchObject({ periods: 4, stockoutUnits: 3, stockoutPeriods: 1, overstockUnits: 6, serviceLevel: 0.75 });
    expectClose(m.fillRate!, 1 - 3 / 23);
  });

  it('prices the error: overstock × holding + stockout units × (price − cost + penalty)', () => {
    const m = businessMetrics(actual, forecast, cost);
    expect(m.holdingCost).toBe(3);
    expect(m.lostMargin).toBe(12);
    expect(m.stockoutPenalty).toBe(3);
    expect(m.errorCost).toBe(18);
    expect(m.baselineErrorCost).toBeNull();
    expect(m.savings).toBeNull();
  });

  it('businessMetrics(actual, forecast, cost, { baseline }) says what the model saves against the baseline', () => {
    // Baseline ŷ = 0 everywhere: 23 units short → 23 × 5 = 115.
    const m = businessMetrics(actual, forecast, cost, { baseline: [0, 0, 0, 0] });
    expect(m.baselineErrorCost).toBe(115);
    expect(m.savings).toBe(115 - 18);
  });

  it('compares with the baseline only on rows where both forecast, and leaves NaN rows out', () => {
    const m = businessMetrics([10, 5, NaN], [7, 9, 1], cost, { baseline: [NaN, 5, 1] });
    expect(m.periods).toBe(2);
    expect(m.baselineErrorCost).toBe(0);
    expect(m.savings).toBe(-2); // on the shared row the model overstocks 4 units × 0.5
  });

  it('stocks nothing for a negative forecast (order-up-to cannot be below zero)', () => {
    const m = businessMetrics([0, 3], [-2, -1], cost);
    expect(m).toMatchObject({ stockoutUnits: 3, overstockUnits: 0, stockoutPeriods: 1 });
  });

  it('gives null service level and fill rate when there is nothing to measure', () => {
    expect(businessMetrics([], [], cost)).toMatchObject({ serviceLevel: null, fillRate: null, errorCost: 0 });
    expect(businessMetrics([0], [1], cost).fillRate).toBeNull();
  });
});

describe('valueEstimate(savings, { periods, frequency })', () => {
  it('scales savings over a few periods to a year (365 days, 52 weeks, 12 months)', () => {
    expect(PERIODS_PER_YEAR).toEqual({ daily: 365, weekly: 52, monthly: 12 });
    expect(valueEstimate(70, { periods: 7, frequency: 'daily' })).toEqual({ perPeriod: 10, perYear: 3650, periodsPerYear: 365 });
    expect(valueEstimate(24, { periods: 2, frequency: 'monthly' }).perYear).toBe(144);
    expect(valueEstimate(5, { periods: 0, frequency: 'weekly' }).perYear).toBeNaN();
  });
});

describe('defaultCostModel(frequency)', () => {
  it('holds a unit for a year at 25 % of its cost, spread over the periods of the frequency', () => {
    for (const frequency of ['daily', 'weekly', 'monthly'] as const) {
      const model = defaultCostModel(frequency);
      expect(model).toMatchObject({ unitPrice: 10, unitCost: 6, stockoutPenaltyPerUnit: 1 });
      expectClose(model.holdingCostPerUnitPerPeriod * PERIODS_PER_YEAR[frequency], model.unitCost * ANNUAL_HOLDING_RATE);
    }
  });
});
