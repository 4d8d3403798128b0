import type { Forecast } from '../models/types';
import type { CostModel } from './cost-model';
import type { MetricRows } from './metric-expression';

export interface MetricRowsInput {
  /** Actuals aligned with the forecast rows (see ../evaluate/align-forecast). */
  actual: ArrayLike<number>;
  forecast: Forecast;
  cost: CostModel;
}

/**
 * The rows a user-defined metric runs over, from an evaluated forecast and the cost model: per-row actual, forecast
 * (P50), step and, when the forecast has them, p10 and p90; price, cost, holding and penalty from the cost model.
 */
export function metricRows({ actual, forecast, cost }: MetricRowsInput): MetricRows {
  const rows: MetricRows = {
    actual,
    forecast: forecast.p50,
    step: forecast.step,
    price: cost.unitPrice,
    cost: cost.unitCost,
    holding: cost.holdingCostPerUnitPerPeriod,
    penalty: cost.stockoutPenaltyPerUnit,
  };
  if (forecast.p10) rows.p10 = forecast.p10;
  if (forecast.p90) rows.p90 = forecast.p90;
  return rows;
}
