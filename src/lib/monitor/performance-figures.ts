import { finiteOrNull } from '../core/finite';
import type { PeriodGrid } from '../core/period-grid';
import type { SalesData } from '../data/types';
import { bias } from '../evaluate/bias';
import { businessMetrics } from '../evaluate/business-metrics';
import { mae } from '../evaluate/mae';
import { wape } from '../evaluate/wape';
import type { CostModel } from '../scope/cost-model';

/** Served-forecast accuracy over a set of (actual, forecast) pairs; null where a figure is undefined. */
export interface PerformanceFigures {
  /** Pairs counted: (series, period, step) with both an actual and a forecast. */
  rows: number;
  wape: number | null;
  mae: number | null;
  /** Mean forecast − actual: positive = overstock. */
  bias: number | null;
  /** Cost of forecast error over the pairs (../evaluate/business-metrics); null without a cost model. */
  cost: number | null;
  /** `cost` per pair: comparable between windows of different sizes, and with the training test's cost per row. */
  costPerRow: number | null;
}

/** The evaluate stage's own metrics, so monitoring and the training-time test measure the same way. */
export function performanceFigures(actual: ArrayLike<number>, forecast: ArrayLike<number>, cost: CostModel | null): PerformanceFigures {
  const money = cost === null ? null : businessMetrics(actual, forecast, cost);
  const rows = money?.periods ?? countPairs(actual, forecast);
  return {
    rows,
    wape: finiteOrNull(wape(actual, forecast)),
    mae: finiteOrNull(mae(actual, forecast)),
    bias: finiteOrNull(bias(actual, forecast)),
    cost: money === null || rows === 0 ? null : money.errorCost,
    costPerRow: money === null || rows === 0 ? null : money.errorCost / rows,
  };
}

export interface PerformanceContext {
  world: { data: SalesData };
  grid: PeriodGrid;
  cost: CostModel;
}

/**
 * Accuracy and cost of one set of next-period forecasts (`forecast[t * series + s]`) over the simulated periods
 * from … to (inclusive), on the rows that have both an actual and a forecast. Null figures where no row qualifies.
 */
export function windowPerformance(context: PerformanceContext, options: { from: number; to: number; forecast: Float64Array }): PerformanceFigures {
  const { grid, world, cost } = context;
  const actual: number[] = [];
  const predicted: number[] = [];
  for (let t = Math.max(0, options.from); t <= options.to && t < grid.dates.length; t++) {
    for (let s = 0; s < grid.series; s++) {
      const r = grid.row[t * grid.series + s] as number;
      if (r < 0) continue;
      const y = world.data.sales[r] as number;
      const f = options.forecast[t * grid.series + s] as number;
      if (!Number.isFinite(y) || !Number.isFinite(f)) continue;
      actual.push(y);
      predicted.push(f);
    }
  }
  return performanceFigures(actual, predicted, cost);
}

function countPairs(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < actual.length; i++) if (!Number.isNaN((actual[i] as number) - (forecast[i] as number))) n++;
  return n;
}
