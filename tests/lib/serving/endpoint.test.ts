import { describe, expect, it } from 'vitest';
import { baselineForecast } from '../../../src/lib/models/baseline-forecast';
import { createBaselineHost } from '../../../src/lib/ops/baseline-host';
import { gridDate, historyEndBefore, periodGrid } from '../../../src/lib/core/period-grid';
import { versionMetricsFromForecast } from '../../../src/lib/registry/version-metrics';
import { createRegistry } from '../../../src/lib/registry/registry';
import { registerVersion } from '../../../src/lib/registry/registry-actions';
import type { Registry } from '../../../src/lib/registry/types';
import { simulateWorld } from '../../../src/lib/scenarios/simulate-world';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import { Endpoint } from '../../../src/lib/serving/endpoint';
import { routeSeries } from '../../../src/lib/serving/route-series';
import { DEFAULT_SIMULATION, type SimulationConfig } from '../../../src/lib/serving/simulation-config';
import { exampleSales } from '../features/example-sales';

const HORIZON = 7;
const history = exampleSales({ stores: 2, products: 2, days: 420, seed: 7 });
const world = simulateWorld({ history, periods: 6, scenario: { id: 'control', onset: 0, strength: 0, target: null }, seed: 3 });
const grid = periodGrid(world.data, { historyEnd: historyEndBefore(world.data.date, world.start), periods: world.periods });
const S = grid.series;

/** Two baselines registered as versions: seasonal naive (v1) and naive (v2). */
const first = register(createRegistry('sales'), 'seasonal-naive');
const seasonal = first.version;
const naive = register(first.registry, 'naive').version;

function register(registry: Registry, model: 'seasonal-naive' | 'naive') {
  const cutoff = grid.historyEnd - HORIZON;
  const forecast = baselineForecast(model, history, { cutoff, horizon: HORIZON }).forecast;
  const metrics = versionMetricsFromForecast({ data: history, forecast, cutoff, horizon: HORIZON, cost: defaultCostModel('daily') });
  const draft = { source: 'train' as const, runId: null, model, spec: null, featureSpec: {}, dataHash: 'h', seed: 1, backend: null, trainEnd: cutoff, trainStart: null, metrics, description: '', parent: null };
  return registerVersion(registry, draft, { now: new Date(0), why: 'a baseline', actor: 'you' });
}

async function endpoint(simulation: Partial<SimulationConfig> = {}): Promise<Endpoint> {
  const served = new Endpoint({ world, grid, host: createBaselineHost(), simulation: { ...DEFAULT_SIMULATION, ...simulation }, horizon: HORIZON, seed: 3, monitoringWindow: 7 });
  await served.serveChampion(seasonal);
  await served.serveChallenger(naive);
  return served;
}

/** The p50 of every series `step` periods after the cutoff of the request made in period 0 (actuals through −1). */
function expected(model: 'seasonal-naive' | 'naive', step: number): number[] {
  const forecast = baselineForecast(model, world.data, { cutoff: gridDate(grid, -1), horizon: 1 + HORIZON }).forecast;
  const values = new Array<number>(S).fill(NaN);
  forecast.p50.forEach((p50, i) => {
    if (forecast.step[i] === step) values[forecast.series[i] as number] = p50;
  });
  return values;
}

describe('Endpoint (the champion and challenger loaded for serving, and the log of what they answered)', () => {
  it('serve(t, known) in shadow: logs both next-period forecasts, serves the champion’s, counts its requests only', async () => {
    const served = await endpoint();
    expect(served.referencePredictions.some(Number.isFinite)).toBe(true);
    await served.serve(0, -1); // a period of delay: the request also forecasts period 0, one step ahead of its cutoff
    const next = (log: Float64Array) => Array.from(log.subarray(S, 2 * S));
    expect(next(served.championForecast)).toEqual(expected('seasonal-naive', 2));
    expect(next(served.challengerForecast)).toEqual(expected('naive', 2));
    expect(next(served.served)).toEqual(next(served.championForecast));
    expect(Array.from(served.served.subarray(0, S)).every(Number.isNaN)).toBe(true);
    expect(served.latency()).toMatchObject({ count: 1, errorRate: 0 });
    expect(served.recentLatency().p50).not.toBeNull();
    expect(served.lastForecast.length).toBeGreaterThan(0);
  });

  it('canary: the challenger serves the series routeSeries picks, and its requests count', async () => {
    const served = await endpoint({ routing: { kind: 'canary', canaryPercent: 50 } });
    await served.serve(0, -1);
    const routed = routeSeries({ seriesLabels: world.data.seriesLabels, canaryPercent: 50, seed: 3 });
    const champion = expected('seasonal-naive', 2);
    const challenger = expected('naive', 2);
    expect(Array.from(served.served.subarray(S, 2 * S))).toEqual(champion.map((v, s) => (routed[s] === 1 ? challenger[s] : v)));
    expect(served.latency().count).toBe(2);
  });

  it('champion-only asks the challenger nothing; online mode sends one request per series', async () => {
    const alone = await endpoint({ routing: { kind: 'champion-only', canaryPercent: 0 } });
    await alone.serve(0, -1);
    expect(Array.from(alone.challengerForecast).every(Number.isNaN)).toBe(true);
    const online = await endpoint({ mode: 'online' });
    await online.serve(0, -1);
    expect(online.latency().count).toBe(S);
    expect(online.championForecast).toEqual(alone.championForecast);
  });

  it('promoteChallenger() puts the challenger in the champion’s place; dropChallenger() leaves the champion alone', async () => {
    const served = await endpoint();
    expect([served.champion, served.challenger]).toEqual([seasonal.id, naive.id]);
    await served.promoteChallenger();
    expect([served.champion, served.challenger]).toEqual([naive.id, null]);
    await served.serveChallenger(seasonal);
    served.dropChallenger();
    expect([served.champion, served.challenger]).toEqual([naive.id, null]);
  });
});
