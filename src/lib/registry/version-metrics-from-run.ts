import type { BusinessView } from '../evaluate/evaluate-forecast';
import { REFERENCE_MODEL, TEST_WINDOW } from '../evaluate/leaderboard';
import { registryMessages as m } from '../messages/registry';
import type { RunMetrics, WindowResult } from '../runs/types';
import type { CostModel } from '../scope/cost-model';
import { headlineMetrics } from '../train/headline-metrics';
import { knownNumber } from './known-number';
import type { VersionMetrics } from './types';

/**
 * A version's numbers, from a stored run: `model`'s final test window (the window labelled 'test', never seen in
 * training), and seasonal naive's on that same window as the baseline (null when the run lacks it). Both baseline
 * figures come from seasonal naive's own window, so its WAPE and its cost describe the same rows.
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
  const headline = headlineMetrics(test.evaluation);
  const business = test.evaluation.business;
  return {
    wape: knownNumber(headline.wape),
    mase: knownNumber(headline.mase),
    mae: knownNumber(headline.mae),
    rmse: knownNumber(headline.rmse),
    bias: knownNumber(headline.bias),
    coverage80: knownNumber(headline.coverage80),
    cost: errorCost(business, cost),
    baselineWape: baseline === null ? null : knownNumber(baseline.evaluation.expert.wape),
    baselineCost: baseline === null ? null : errorCost(baseline.evaluation.business, cost),
    serviceLevel: knownNumber(business.serviceLevel),
    stockoutUnits: knownNumber(business.stockoutUnits),
    overstockUnits: knownNumber(business.overstockUnits),
  };
}

function testWindow(windows: readonly WindowResult[]): WindowResult | null {
  return windows.find((w) => w.window === TEST_WINDOW) ?? null;
}

function errorCost(business: BusinessView, cost: CostModel | undefined): number | null {
  if (cost === undefined) return knownNumber(business.errorCost);
  const perShortUnit = cost.unitPrice - cost.unitCost + cost.stockoutPenaltyPerUnit;
  return knownNumber(business.overstockUnits * cost.holdingCostPerUnitPerPeriod + business.stockoutUnits * perShortUnit);
}
