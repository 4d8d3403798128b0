import type { CostModel } from '../scope/cost-model';

export interface BusinessMetricsOptions {
  /** A baseline's forecast aligned with `actual`: adds its cost and the savings against it. */
  baseline?: ArrayLike<number> | null;
}

/** Money and stock figures of a forecast; null where a figure is undefined (no rows, nothing sold, no baseline). */
export interface BusinessMetrics {
  /** Rows counted: (series, period) pairs with both an actual and a forecast. */
  periods: number;
  /** Σ max(y − stock, 0): demand the shop could not serve. */
  stockoutUnits: number;
  /** Rows where y > stock: series-periods with a stockout. */
  stockoutPeriods: number;
  /** Σ max(stock − y, 0): units left over. */
  overstockUnits: number;
  /** Share of rows without a stockout (cycle service level). */
  serviceLevel: number | null;
  /** 1 − stockout units / Σy: share of demand served. */
  fillRate: number | null;
  /** Overstock units × holding cost per unit per period. */
  holdingCost: number;
  /** Stockout units × (price − cost): margin not earned. */
  lostMargin: number;
  /** Stockout units × penalty per unit. */
  stockoutPenalty: number;
  /** Cost of forecast error: holding cost + lost margin + stockout penalty. */
  errorCost: number;
  /** The baseline's cost of forecast error, over the rows where the model and the baseline both have a forecast. */
  baselineErrorCost: number | null;
  /** baselineErrorCost − the model's cost over those same rows: money the model saves (negative = it loses). */
  savings: number | null;
}

/**
 * Business view of a forecast, assuming the shop stocks exactly what was forecast each period (order-up-to level =
 * the forecast, a negative forecast stocks nothing) and that every period starts afresh: leftover units are charged one
 * period of holding, unmet demand is lost (its margin) and penalised. No safety stock, lead times or carry-over:
 * a simple, explainable yardstick for comparing forecasts, not an inventory simulation.
 * Rows with a NaN actual or forecast are left out.
 */
export function businessMetrics(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  cost: CostModel,
  options: BusinessMetricsOptions = {},
): BusinessMetrics {
  const { baseline } = options;
  const model = tally(actual, forecast, cost, null);
  const margin = cost.unitPrice - cost.unitCost;
  const lostMargin = model.stockoutUnits * margin;
  const stockoutPenalty = model.stockoutUnits * cost.stockoutPenaltyPerUnit;
  const holdingCost = model.overstockUnits * cost.holdingCostPerUnitPerPeriod;
  let baselineErrorCost: number | null = null;
  let savings: number | null = null;
  if (baseline) {
    const theirs = tally(actual, baseline, cost, forecast);
    const ours = tally(actual, forecast, cost, baseline);
    baselineErrorCost = theirs.cost;
    savings = theirs.cost - ours.cost;
  }
  return {
    periods: model.periods,
    stockoutUnits: model.stockoutUnits,
    stockoutPeriods: model.stockoutPeriods,
    overstockUnits: model.overstockUnits,
    serviceLevel: model.periods === 0 ? null : 1 - model.stockoutPeriods / model.periods,
    fillRate: model.demand > 0 ? 1 - model.stockoutUnits / model.demand : null,
    holdingCost,
    lostMargin,
    stockoutPenalty,
    errorCost: holdingCost + lostMargin + stockoutPenalty,
    baselineErrorCost,
    savings,
  };
}

interface Tally {
  periods: number;
  demand: number;
  stockoutUnits: number;
  stockoutPeriods: number;
  overstockUnits: number;
  cost: number;
}

/** The loop: stock and cost figures over the rows where `forecast` (and `also`, when given) is known. */
function tally(actual: ArrayLike<number>, forecast: ArrayLike<number>, cost: CostModel, also: ArrayLike<number> | null): Tally {
  const perShortUnit = cost.unitPrice - cost.unitCost + cost.stockoutPenaltyPerUnit;
  const t: Tally = { periods: 0, demand: 0, stockoutUnits: 0, stockoutPeriods: 0, overstockUnits: 0, cost: 0 };
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    const f = forecast[i] as number;
    if (Number.isNaN(y) || Number.isNaN(f) || (also !== null && Number.isNaN(also[i] as number))) continue;
    const stock = Math.max(f, 0);
    t.periods++;
    t.demand += y;
    if (y > stock) {
      t.stockoutUnits += y - stock;
      t.stockoutPeriods++;
    } else {
      t.overstockUnits += stock - y;
    }
  }
  t.cost = t.overstockUnits * cost.holdingCostPerUnitPerPeriod + t.stockoutUnits * perShortUnit;
  return t;
}
