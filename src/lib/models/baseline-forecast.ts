import type { SalesData } from '../data/types';
import type { BaselineForecast } from './baseline-types';
import { movingAverageForecast, type MovingAverageOptions } from './moving-average-forecast';
import { naiveForecast } from './naive-forecast';
import { seasonalNaiveForecast, type SeasonalNaiveOptions } from './seasonal-naive-forecast';
import type { BaselineKind } from './types';

export type BaselineForecastOptions = SeasonalNaiveOptions & MovingAverageOptions;

/** One entry point for the three baselines; options a baseline does not use (season, window) are ignored. */
export function baselineForecast(kind: BaselineKind, data: SalesData, options: BaselineForecastOptions): BaselineForecast {
  switch (kind) {
    case 'naive':
      return naiveForecast(data, options);
    case 'seasonal-naive':
      return seasonalNaiveForecast(data, options);
    case 'moving-average':
      return movingAverageForecast(data, options);
  }
}
