import type { Frequency } from '../data/types';

/**
 * What a forecast error costs the shop, per unit: the Scope stage asks for these; the business metrics use them.
 * Money is in the shop's currency, whatever it is.
 */
export interface CostModel {
  /** Selling price of one unit. */
  unitPrice: number;
  /** What one unit costs the shop to buy or make. */
  unitCost: number;
  /** Cost of keeping one unsold unit in stock for one period (capital, space, spoilage). */
  holdingCostPerUnitPerPeriod: number;
  /** Cost of one unit of unmet demand beyond the lost margin (a lost customer's goodwill, an emergency order). */
  stockoutPenaltyPerUnit: number;
}

/** Periods in a year, to annualise money per period. */
export const PERIODS_PER_YEAR: Readonly<Record<Frequency, number>> = { daily: 365, weekly: 52, monthly: 12 };

/** Yearly holding cost as a share of the unit cost: 25 %, the usual textbook rate (capital, storage, shrinkage). */
export const ANNUAL_HOLDING_RATE = 0.25;

/**
 * Defaults for a shop that has not said otherwise: a unit sells for 10 and costs 6 (a 40 % gross margin, typical of
 * general retail), holding a unit costs 25 % of its cost a year spread over the periods of the frequency, and a
 * stockout costs 1 (10 % of the price) on top of the lost margin. Only the ratios matter for comparing models; enter
 * real figures for money that means something.
 */
export function defaultCostModel(frequency: Frequency): CostModel {
  const unitCost = 6;
  return {
    unitPrice: 10,
    unitCost,
    holdingCostPerUnitPerPeriod: (unitCost * ANNUAL_HOLDING_RATE) / PERIODS_PER_YEAR[frequency],
    stockoutPenaltyPerUnit: 1,
  };
}
