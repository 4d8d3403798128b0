import type { SalesData } from '../data/types';
import { performanceFigures, type PerformanceFigures } from '../monitor/performance-figures';
import type { CostModel } from '../scope/cost-model';
import type { PeriodGrid } from './period-grid';

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
