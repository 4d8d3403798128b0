import { describe, expect, it } from 'vitest';
import { baselineForecast } from '../../../src/lib/models/baseline-forecast';
import { DEFAULT_OPS } from '../../../src/lib/ops/ops-config';
import { Monitoring } from '../../../src/lib/monitor/monitoring';
import { monitoringWindow } from '../../../src/lib/monitor/monitoring-window';
import { historyEndBefore, periodGrid } from '../../../src/lib/core/period-grid';
import { seasonalNaiveRows } from '../../../src/lib/ops/seasonal-naive-rows';
import { versionMetricsFromForecast } from '../../../src/lib/registry/version-metrics';
import { createRegistry } from '../../../src/lib/registry/registry';
import { registerVersion } from '../../../src/lib/registry/registry-actions';
import { simulateWorld } from '../../../src/lib/scenarios/simulate-world';
import type { ScenarioSpec } from '../../../src/lib/scenarios/types';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import { exampleSales } from '../features/example-sales';

const HORIZON = 14;
const cost = defaultCostModel('daily');
const history = exampleSales({ stores: 2, products: 2, days: 800, seed: 7 });

/**
 * A world and the log of a served model that forecasts every period as its actual sales a week earlier (seasonal
 * naive, written by hand rather than served), with actuals a period late: what monitoring reads each period.
 */
function setting(scenario: ScenarioSpec, periods: number) {
  const world = simulateWorld({ history, periods, scenario, seed: 3 });
  const grid = periodGrid(world.data, { historyEnd: historyEndBefore(world.data.date, world.start), periods: world.periods });
  const S = grid.series;
  const served = new Float64Array(grid.dates.length * S).fill(NaN);
  for (let t = 7; t < grid.dates.length; t++) {
    for (let s = 0; s < S; s++) served[t * S + s] = world.data.sales[grid.row[(t - 7) * S + s] as number] as number;
  }
  const cutoff = grid.historyEnd - HORIZON;
  const forecast = baselineForecast('seasonal-naive', history, { cutoff, horizon: HORIZON }).forecast;
  const metrics = versionMetricsFromForecast({ data: history, forecast, cutoff, horizon: HORIZON, cost });
  const draft = { source: 'train' as const, runId: null, model: 'seasonal-naive', spec: null, featureSpec: {}, dataHash: 'h', seed: 1, backend: null, trainEnd: cutoff, trainStart: null, metrics, description: '', parent: null };
  const champion = registerVersion(createRegistry('sales'), draft, { now: new Date(0), why: 'a baseline', actor: 'you' }).version;
  const referencePredictions = seasonalNaiveRows(world.data, { from: grid.historyEnd - 500, to: grid.historyEnd });
  const monitoring = new Monitoring({ world, grid, rules: DEFAULT_OPS.rules, cost, horizon: HORIZON });
  const observe = (period: number) => monitoring.observe({ period, known: period - 1, served, champion, referencePredictions });
  return { monitoring, observe, served, grid };
}

describe('Monitoring (reports, alerts and their explanations, period by period)', () => {
  it('reports nothing until a whole window of actuals arrived, then a report of each period', () => {
    const { monitoring, observe } = setting({ id: 'control', onset: 0, strength: 0, target: null }, 40);
    const window = monitoringWindow(HORIZON, 'daily');
    for (let t = 0; t < window; t++) {
      expect(observe(t)).toEqual([]);
      expect(monitoring.report).toBeNull();
    }
    observe(window);
    expect(monitoring.report).toMatchObject({ period: window, current: { rows: window * 4 } });
    observe(window + 1);
    expect(monitoring.report?.period).toBe(window + 1);
    expect(monitoring.report?.performance.wape).toBeGreaterThan(0);
  });

  it('a units bug: the alerts raised come back from observe() and add up in alerts, a drift alert with its explanation', () => {
    const { monitoring, observe } = setting({ id: 'units-bug', onset: 30, strength: 100, target: null }, 50);
    const raised = Array.from({ length: 50 }, (_, t) => observe(t)).flat();
    expect(monitoring.alerts).toEqual(raised);
    expect(raised.some((a) => a.kind === 'data-quality' && a.period >= 30)).toBe(true);
    expect(raised.filter((a) => a.period < 30)).toEqual([]);
    const drift = raised.find((a) => a.kind === 'target-drift' || a.kind === 'data-drift');
    expect(drift).toBeDefined();
    expect(monitoring.explanations[drift!.id]?.bins.length).toBeGreaterThan(0);
  });

  it('periodError(known, served) is the served error of the period whose actuals arrived now (none before the first)', () => {
    const { monitoring, served } = setting({ id: 'control', onset: 0, strength: 0, target: null }, 20);
    expect(monitoring.periodError(-1, served)).toEqual({ periodWape: null, periodCost: null });
    expect(monitoring.periodError(3, served)).toEqual({ periodWape: null, periodCost: null }); // nothing served for 3
    const error = monitoring.periodError(10, served);
    expect(error.periodWape).toBeGreaterThan(0);
    expect(error.periodCost).toBeGreaterThan(0);
  });
});
