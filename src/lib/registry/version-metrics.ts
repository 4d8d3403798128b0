/**
 * A version's numbers (VersionMetrics), which the gates and the model card read: the model's evaluation on its test
 * rows beside seasonal naive's on the same rows. A trained version takes them from its stored run, a retrained one from
 * the forecast it was re-scored with; both come to `versionMetrics`, so they mean the same.
 */
import { finiteOrNull } from '../core/finite';
import type { SalesData } from '../data/types';
import { evaluateForecast, type BusinessView, type ForecastEvaluation } from '../evaluate/evaluate-forecast';
import { REFERENCE_MODEL, TEST_WINDOW } from '../evaluate/leaderboard';
import { registryMessages as m } from '../messages/registry';
import { baselineForecast } from '../models/baseline-forecast';
import type { Forecast } from '../models/types';
import type { RunMetrics, WindowResult } from '../runs/types';
import type { CostModel } from '../scope/cost-model';
import { headlineMetrics } from '../train/headline-metrics';
import type { VersionMetrics } from './types';

/**
 * From a stored run: `model`'s final test window (the window labelled 'test', never seen in training), and seasonal
 * naive's on that same window as the baseline (null when the run lacks it). Both baseline figures come from seasonal
 * naive's own window, so its WAPE and its cost describe the same rows.
 *
 * `cost`: a cost model other than the run's (the Scope's changed since): the cost of error is then recomputed from
 * the window's stockout and overstock units, exactly as businessMetrics prices them. Absent: the cost stored with the
 * run.
 */
export function versionMetricsFromRun(metrics: RunMetrics, model: string, cost?: CostModel): VersionMetrics {
  const result = metrics.models.find((r) => r.name === model);
  if (result === undefined) throw new Error(m.unknownModel(model, metrics.models.map((r) => r.name)));
  const test = testWindow(result.windows);
  if (test === null) throw new Error(m.noTestWindow(model));
  const baseline = testWindow(metrics.models.find((r) => r.name === REFERENCE_MODEL)?.windows ?? []);
  return versionMetrics(test.evaluation, baseline?.evaluation ?? null, cost);
}

/**
 * A retrained version's numbers, as versionMetricsFromRun gives a trained run's: its forecast from `cutoff` scored on
 * the periods after it, beside seasonal naive's from the same cutoff over the same rows.
 */
export function versionMetricsFromForecast(options: { data: SalesData; forecast: Forecast; cutoff: number; horizon: number; cost: CostModel }): VersionMetrics {
  const { data, forecast, cutoff, horizon, cost } = options;
  const naive = baselineForecast('seasonal-naive', data, { cutoff, horizon }).forecast;
  const model = evaluateForecast({ data, forecast, cutoff, cost, baseline: naive });
  return versionMetrics(model, evaluateForecast({ data, forecast: naive, cutoff, cost }));
}

/** NaN (a metric with no rows) and a metric a run stored before it existed (undefined) both become null: not measured. */
function versionMetrics(evaluation: ForecastEvaluation, baseline: ForecastEvaluation | null, cost?: CostModel): VersionMetrics {
  const headline = headlineMetrics(evaluation);
  const business = evaluation.business;
  return {
    wape: finiteOrNull(headline.wape),
    mase: finiteOrNull(headline.mase),
    mae: finiteOrNull(headline.mae),
    rmse: finiteOrNull(headline.rmse),
    bias: finiteOrNull(headline.bias),
    coverage80: finiteOrNull(headline.coverage80),
    cost: errorCost(business, cost),
    baselineWape: baseline === null ? null : finiteOrNull(baseline.expert.wape),
    baselineCost: baseline === null ? null : errorCost(baseline.business, cost),
    serviceLevel: finiteOrNull(business.serviceLevel),
    stockoutUnits: finiteOrNull(business.stockoutUnits),
    overstockUnits: finiteOrNull(business.overstockUnits),
  };
}

function testWindow(windows: readonly WindowResult[]): WindowResult | null {
  return windows.find((w) => w.window === TEST_WINDOW) ?? null;
}

function errorCost(business: BusinessView, cost: CostModel | undefined): number | null {
  if (cost === undefined) return finiteOrNull(business.errorCost);
  const perShortUnit = cost.unitPrice - cost.unitCost + cost.stockoutPenaltyPerUnit;
  return finiteOrNull(business.overstockUnits * cost.holdingCostPerUnitPerPeriod + business.stockoutUnits * perShortUnit);
}
