import type { SalesData } from '../data/types';
import { evaluateForecast } from '../evaluate/evaluate-forecast';
import { baselineForecast } from '../models/baseline-forecast';
import type { Forecast } from '../models/types';
import type { VersionMetrics } from '../registry/types';
import type { CostModel } from '../scope/cost-model';
import { headlineMetrics } from '../train/headline-metrics';

/**
 * A retrained version's numbers, as versionMetricsFromRun gives a trained run's: its forecast from `cutoff` scored on
 * the periods after it, beside seasonal naive's from the same cutoff over the same rows.
 */
export function versionMetricsFromForecast(options: { data: SalesData; forecast: Forecast; cutoff: number; horizon: number; cost: CostModel }): VersionMetrics {
  const { data, forecast, cutoff, horizon, cost } = options;
  const naive = baselineForecast('seasonal-naive', data, { cutoff, horizon }).forecast;
  const model = evaluateForecast({ data, forecast, cutoff, cost, baseline: naive });
  const baseline = evaluateForecast({ data, forecast: naive, cutoff, cost });
  const headline = headlineMetrics(model);
  const known = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
  return {
    wape: known(headline.wape),
    mase: known(headline.mase),
    mae: known(headline.mae),
    rmse: known(headline.rmse),
    bias: known(headline.bias),
    coverage80: known(headline.coverage80),
    cost: known(model.business.errorCost),
    baselineWape: known(baseline.expert.wape),
    baselineCost: known(baseline.business.errorCost),
    serviceLevel: known(model.business.serviceLevel),
    stockoutUnits: known(model.business.stockoutUnits),
    overstockUnits: known(model.business.overstockUnits),
  };
}
