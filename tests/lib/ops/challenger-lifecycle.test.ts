import { describe, expect, it } from 'vitest';
import { baselineForecast } from '../../../src/lib/models/baseline-forecast';
import { createBaselineHost } from '../../../src/lib/ops/baseline-host';
import { ChallengerLifecycle } from '../../../src/lib/ops/challenger-lifecycle';
import { DEFAULT_OPS } from '../../../src/lib/ops/ops-config';
import { historyEndBefore, periodGrid } from '../../../src/lib/core/period-grid';
import { versionMetricsFromForecast } from '../../../src/lib/registry/version-metrics';
import { createRegistry } from '../../../src/lib/registry/registry';
import { registerVersion, setAlias } from '../../../src/lib/registry/registry-actions';
import type { PromotionGates } from '../../../src/lib/registry/types';
import { simulateWorld } from '../../../src/lib/scenarios/simulate-world';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import { Endpoint } from '../../../src/lib/serving/endpoint';
import { DEFAULT_SIMULATION } from '../../../src/lib/serving/simulation-config';
import { exampleSales } from '../features/example-sales';

const HORIZON = 7;
const cost = defaultCostModel('daily');
const history = exampleSales({ stores: 2, products: 2, days: 420, seed: 7 });
const world = simulateWorld({ history, periods: 30, scenario: { id: 'control', onset: 0, strength: 0, target: null }, seed: 3 });
const grid = periodGrid(world.data, { historyEnd: historyEndBefore(world.data.date, world.start), periods: world.periods });
const NO_GATES: PromotionGates = { maxWape: null, minImprovementOverBaseline: null, maxCost: null, minImprovementOverChampion: null };
const quiet = { alerts: [], report: null };

/** Seasonal naive as sales:v1, champion; only a person retrains, and a challenger is judged after 3 periods. */
async function lifecycle(gates: PromotionGates) {
  const cutoff = grid.historyEnd - HORIZON;
  const forecast = baselineForecast('seasonal-naive', history, { cutoff, horizon: HORIZON }).forecast;
  const metrics = versionMetricsFromForecast({ data: history, forecast, cutoff, horizon: HORIZON, cost });
  const draft = { source: 'train' as const, runId: null, model: 'seasonal-naive', spec: null, featureSpec: {}, dataHash: 'h', seed: 1, backend: null, trainEnd: cutoff, trainStart: null, metrics, description: '', parent: null };
  const now = new Date(0);
  const first = registerVersion(createRegistry('sales'), draft, { now, why: 'a baseline', actor: 'you' });
  const registry = setAlias(first.registry, { alias: 'champion', versionId: first.version.id, now, why: 'a baseline', actor: 'you' });
  const host = createBaselineHost();
  const endpoint = new Endpoint({ world, grid, host, simulation: DEFAULT_SIMULATION, horizon: HORIZON, seed: 3, monitoringWindow: 7 });
  const policy = { ...DEFAULT_OPS.policy, trigger: 'manual' as const, shadowPeriods: 3 };
  const life = new ChallengerLifecycle({ registry, endpoint, host, performance: { world, grid, cost }, config: { policy, rules: DEFAULT_OPS.rules }, gates, horizon: HORIZON, seed: 3 });
  await life.start();
  /** Periods from … to (inclusive) served and judged, with actuals a period late. */
  const play = async (from: number, to: number) => {
    for (let t = from; t <= to; t++) {
      await endpoint.serve(t, t - 1);
      await life.judge(t, t - 1);
    }
  };
  return { life, endpoint, play };
}

describe('ChallengerLifecycle (retraining, judging, promotion and rollback, with their registry changes and events)', () => {
  it('a retrain asked for registers a challenger beside the champion; after its shadow period the gates promote it', async () => {
    const { life, endpoint, play } = await lifecycle(NO_GATES);
    expect(endpoint.champion).toBe('sales:v1');
    await play(0, 5);
    await life.maybeRetrain(5, 4, quiet);
    expect(life.events).toEqual([]); // nobody asked, and the policy retrains only by hand
    life.requestRetrain();
    await life.maybeRetrain(5, 4, quiet);
    expect(life.registry.aliases).toEqual({ champion: 'sales:v1', challenger: 'sales:v2' });
    expect(endpoint.challenger).toBe('sales:v2');
    // It forecasts from period 6 on, of 7 on: three of those periods have actuals at the end of period 10.
    await play(6, 9);
    expect(life.registry.aliases.challenger).toBe('sales:v2');
    await play(10, 10);
    expect(life.registry.aliases).toEqual({ champion: 'sales:v2' });
    expect([endpoint.champion, endpoint.challenger]).toEqual(['sales:v2', null]);
    expect(life.events.map((e) => [e.kind, e.period, e.version])).toEqual([['retrain', 5, 'sales:v2'], ['promote', 10, 'sales:v2']]);
    expect(life.registry.audit.at(-1)).toMatchObject({ action: 'promote', actor: 'auto', when: new Date((grid.dates[10] as number) * 86_400_000 + 43_200_000).toISOString() });
  });

  it('a challenger that fails a gate is archived and unloaded; the champion keeps serving', async () => {
    const { life, endpoint, play } = await lifecycle({ ...NO_GATES, maxWape: 0 });
    life.requestRetrain();
    await life.maybeRetrain(2, 1, quiet);
    await play(3, 7);
    expect(life.registry.aliases).toEqual({ champion: 'sales:v1' });
    expect([endpoint.champion, endpoint.challenger]).toEqual(['sales:v1', null]);
    expect(life.events.map((e) => e.kind)).toEqual(['retrain', 'archive']);
  });

  it('promote and rollback by a person: the audit names them, and the old champion serves again', async () => {
    const { life, endpoint, play } = await lifecycle({ ...NO_GATES, maxWape: 0 });
    await expect(life.promote(0, 'too soon')).rejects.toThrow();
    life.requestRetrain();
    await life.maybeRetrain(2, 1, quiet);
    await play(3, 4);
    await life.promote(4, 'looks better');
    expect(endpoint.champion).toBe('sales:v2');
    await life.rollback(4, 'it was not');
    expect(endpoint.champion).toBe('sales:v1');
    expect(life.registry.aliases).toEqual({ champion: 'sales:v1' });
    expect(life.registry.audit.slice(-2).map((a) => `${a.action}:${a.actor}`)).toEqual(['promote:you', 'rollback:you']);
    expect(life.events.map((e) => e.kind)).toEqual(['retrain', 'promote', 'rollback']);
  });
});
