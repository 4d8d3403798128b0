import { finiteOrNull } from '../core/finite';
import type { SalesData } from '../data/types';
import type { Forecast } from '../models/types';
import type { CostModel } from '../scope/cost-model';
import { alignForecast } from './align-forecast';
import { metricRows } from '../scope/metric-rows';
import { parseMetricExpression } from '../scope/parse-metric-expression';
import { evaluateMetric } from '../scope/evaluate-metric';

export interface CustomMetricValue {
  name: string;
  /** null when the formula could not be computed (see `error`) or came out undefined (0/0, no rows). */
  value: number | null;
  error: string | null;
}

/**
 * The Scope's user-defined metrics on one forecast: each formula parsed (never eval'd) and run over the forecast
 * rows that have an actual, with the cost model's prices. A formula that fails says why instead of stopping the rest.
 */
export function customMetrics(options: {
  data: SalesData;
  forecast: Forecast;
  cost: CostModel;
  metrics: readonly { name: string; expression: string }[];
}): CustomMetricValue[] {
  if (options.metrics.length === 0) return [];
  const { actual } = alignForecast(options.data, options.forecast);
  const rows = metricRows({ actual, forecast: options.forecast, cost: options.cost });
  return options.metrics.map(({ name, expression }) => {
    const ast = parseMetricExpression(expression);
    if ('error' in ast) return { name, value: null, error: ast.error.message };
    const result = evaluateMetric(ast, rows);
    if ('error' in result) return { name, value: null, error: result.error.message };
    return { name, value: finiteOrNull(result.value), error: null };
  });
}
