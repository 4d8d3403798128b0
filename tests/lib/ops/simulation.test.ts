import { describe, expect, it } from 'vitest';
import { createBaselineHost } from '../../../src/lib/ops/baseline-host';
import { DEFAULT_OPS } from '../../../src/lib/ops/ops-config';
import { Simulation } from '../../../src/lib/ops/simulation';
import { monitoringWindow } from '../../../src/lib/monitor/monitoring-window';
import type { ModelHost, OpsConfig, RetrainRequest } from '../../../src/lib/ops/types';
import type { RetrainWindow } from '../../../src/lib/retrain/retrain-policy';
import { versionMetricsFromForecast } from '../../../src/lib/registry/version-metrics';
import { baselineForecast } from '../../../src/lib/models/baseline-forecast';
import { createRegistry } from '../../../src/lib/registry/registry';
import { registerVersion, setAlias } from '../../../src/lib/registry/registry-actions';
import { DEFAULT_GATES } from '../../../src/lib/registry/gates';
import { simulateWorld } from '../../../src/lib/scenarios/simulate-world';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import type { ScenarioSpec } from '../../../src/lib/scenarios/types';
import { exampleSales } from '../features/example-sales';

const HORIZON = 14;
const history = exampleSales({ stores: 2, products: 3, days: 800, seed: 7 });
const end = history.date.reduce((m, d) => Math.max(m, d), -Infinity);
const cost = defaultCostModel('daily');

/** A registry whose champion is seasonal naive, scored on the last horizon of the history as a trained run would be. */
function registryWithChampion() {
  const cutoff = end - HORIZON;
  const forecast = baselineForecast('seasonal-naive', history, { cutoff, horizon: HORIZON }).forecast;
  const metrics = versionMetricsFromForecast({ data: history, forecast, cutoff, horizon: HORIZON, cost });
  const now = new Date('2024-01-01T00:00:00Z');
  const { registry, version } = registerVersion(
    createRegistry('sales'),
    { source: 'train', runId: 'run-1', model: 'seasonal-naive', spec: null, featureSpec: {}, dataHash: 'h', seed: 1, backend: null, trainEnd: cutoff, trainStart: null, metrics, description: '', parent: null },
    { now, why: 'first model', actor: 'you' },
  );
  return setAlias(registry, { alias: 'champion', versionId: version.id, now, why: 'first model', actor: 'you' });
}

async function simulate(scenario: ScenarioSpec, options: { periods: number; config?: Partial<OpsConfig> }) {
  const config: OpsConfig = { ...DEFAULT_OPS, scenario, ...options.config };
  const world = simulateWorld({ history, periods: options.periods, scenario, seed: 3 });
  const simulation = new Simulation({ world, registry: registryWithChampion(), host: createBaselineHost(), config, gates: DEFAULT_GATES, cost, horizon: HORIZON, seed: 3 });
  await simulation.start();
  while (!simulation.finished) await simulation.step();
  return simulation.snapshot();
}

describe('Simulation (the operations loop, served by a baseline host)', () => {
  it('runs every period once, serving the champion, with actuals a period late', async () => {
    const snapshot = await simulate({ id: 'control', onset: 0, strength: 0, target: null }, { periods: 40 });
    expect(snapshot.total).toBe(40);
    expect(snapshot.finished).toBe(true);
    expect(snapshot.timeline.map((p) => p.period)).toEqual([...Array(40).keys()]);
    // Monitoring waits for a whole window (one horizon, 14 days) of actuals; they arrive a period late.
    const first = monitoringWindow(HORIZON, 'daily');
    expect(snapshot.timeline.slice(0, first).every((p) => p.rollingWape === null)).toBe(true);
    expect(snapshot.timeline.slice(first).every((p) => p.rollingWape !== null && p.rollingWape > 0)).toBe(true);
    // Period 0 is served by no request of the simulation (the first one forecasts period 1 on).
    expect(snapshot.timeline.slice(2).every((p) => p.periodWape !== null)).toBe(true);
    expect(snapshot.timeline.every((p) => p.champion === 'sales:v1')).toBe(true);
    expect(snapshot.latency.count).toBeGreaterThanOrEqual(40);
    expect(snapshot.monitor?.columns.map((c) => c.column).sort()).toEqual(['price', 'product', 'promo', 'stockout', 'store']);
  });

  it('replays: the same world, seed and config give the same timeline, alerts and registry', async () => {
    const scenario: ScenarioSpec = { id: 'level-shift', onset: 10, strength: 0.5, target: null };
    const a = await simulate(scenario, { periods: 50 });
    const b = await simulate(scenario, { periods: 50 });
    const strip = (s: typeof a) => ({ ...s, latency: null, timeline: s.timeline.map((p) => ({ ...p, latency: null })) });
    expect(strip(a)).toEqual(strip(b));
  });

  it('a units bug (×100) raises data-quality and performance alerts after the onset, none about it before', async () => {
    const snapshot = await simulate({ id: 'units-bug', onset: 20, strength: 100, target: null }, { periods: 45 });
    const onset = snapshot.events.find((e) => e.kind === 'onset');
    expect(onset?.period).toBe(20);
    const kinds = new Set(snapshot.alerts.filter((a) => a.period >= 20).map((a) => a.kind));
    expect(kinds.has('data-quality')).toBe(true);
    expect(kinds.has('performance')).toBe(true);
    expect(snapshot.alerts.some((a) => a.kind === 'data-quality' && a.period < 20)).toBe(false);
  });

  it('an alert under the on-drift policy retrains a challenger, which is judged after its shadow period', async () => {
    const snapshot = await simulate({ id: 'units-bug', onset: 10, strength: 100, target: null }, { periods: 45 });
    const retrain = snapshot.events.find((e) => e.kind === 'retrain');
    expect(retrain).toBeDefined();
    expect(snapshot.registry.versions.length).toBeGreaterThanOrEqual(2);
    const challenger = snapshot.registry.versions[1];
    expect(challenger?.source).toBe('retrain');
    expect(challenger?.parent).toBe('sales:v1');
    const decided = snapshot.events.filter((e) => (e.kind === 'promote' || e.kind === 'archive') && e.version === challenger?.id);
    expect(decided.length).toBe(1);
    expect((decided[0]?.period ?? 0) - (retrain?.period ?? 0)).toBeGreaterThanOrEqual(DEFAULT_OPS.policy.shadowPeriods);
    expect(snapshot.registry.audit.map((a) => a.action)).toContain('register');
  });

  it('tests numeric columns with PSI when the rules ask for it (Evidently’s choice otherwise)', async () => {
    const scenario: ScenarioSpec = { id: 'control', onset: 0, strength: 0, target: null };
    const psi = await simulate(scenario, { periods: 20, config: { rules: { ...DEFAULT_OPS.rules, numericTest: 'psi' } } });
    const byColumn = (s: typeof psi) => Object.fromEntries((s.monitor?.columns ?? []).map((c) => [c.column, c.test]));
    expect(byColumn(psi).price).toBe('psi');
    expect(byColumn(psi).store).not.toBe('psi'); // categorical columns keep their own test
    expect(psi.monitor?.target?.test).toBe('psi');
    const usual = await simulate(scenario, { periods: 20 });
    expect(byColumn(usual).price).not.toBe('psi');
  });

  /** A story without drift where only the user retrains and promotes, started. */
  async function byHand(periods: number): Promise<Simulation> {
    const scenario: ScenarioSpec = { id: 'control', onset: 0, strength: 0, target: null };
    const config: OpsConfig = { ...DEFAULT_OPS, scenario, policy: { ...DEFAULT_OPS.policy, trigger: 'manual', autoPromote: false } };
    const world = simulateWorld({ history, periods, scenario, seed: 3 });
    const simulation = new Simulation({ world, registry: registryWithChampion(), host: createBaselineHost(), config, gates: DEFAULT_GATES, cost, horizon: HORIZON, seed: 3 });
    await simulation.start();
    return simulation;
  }

  it('promote and roll back by hand: the challenger serves, then the old champion again, all in the audit trail', async () => {
    const simulation = await byHand(40);
    for (let i = 0; i < 20; i++) await simulation.step();
    await expect(simulation.promote('by hand')).rejects.toThrow(); // no challenger yet
    await simulation.requestRetrain();
    await simulation.step();
    expect(simulation.registry.aliases.challenger).toBe('sales:v2');
    await simulation.promote('by hand');
    expect(simulation.registry.aliases).toEqual({ champion: 'sales:v2' });
    await simulation.step();
    expect(simulation.timeline.at(-1)?.champion).toBe('sales:v2');
    await simulation.rollback('the new one looks worse');
    expect(simulation.registry.aliases.champion).toBe('sales:v1');
    await simulation.step();
    expect(simulation.timeline.at(-1)?.champion).toBe('sales:v1');
    const actions = simulation.registry.audit.map((a) => `${a.action}:${a.actor}`);
    expect(actions.slice(-4)).toEqual(['register:auto', 'set-alias:auto', 'promote:you', 'rollback:you']);
    expect(simulation.snapshot().events.map((e) => e.kind)).toEqual(['retrain', 'promote', 'rollback']);

    // Promote and roll back between two steps: the story ends with the rollback, no later than it, and v1 serves.
    await simulation.requestRetrain();
    await simulation.step();
    await simulation.promote('by hand, again');
    await simulation.rollback('and back at once');
    const events = simulation.snapshot().events;
    expect(events.slice(-2).map((e) => e.kind)).toEqual(['promote', 'rollback']);
    expect(events.at(-2)!.period).toBeLessThanOrEqual(events.at(-1)!.period);
    expect(simulation.registry.aliases.champion).toBe('sales:v1');
  });

  it('a retrain asked for after the last period trains at once, on what arrived, and can be promoted by hand', async () => {
    const simulation = await byHand(12);
    while (!simulation.finished) await simulation.step();
    await simulation.requestRetrain();
    expect(simulation.registry.aliases.challenger).toBe('sales:v2');
    const retrain = simulation.snapshot().events.at(-1)!;
    expect(retrain).toMatchObject({ kind: 'retrain', period: 11, version: 'sales:v2' });
    await simulation.promote('by hand, after the story');
    expect(simulation.registry.aliases).toEqual({ champion: 'sales:v2' });
    expect(simulation.period).toBe(12);
  });

  it('online mode: one request per series, the same forecasts as one batch request', async () => {
    const scenario: ScenarioSpec = { id: 'level-shift', onset: 10, strength: 0.5, target: null };
    const online = await simulate(scenario, { periods: 30, config: { simulation: { ...DEFAULT_OPS.simulation, mode: 'online' } } });
    const batch = await simulate(scenario, { periods: 30 });
    expect(online.latency.count).toBe(30 * history.seriesLabels.length);
    expect(batch.latency.count).toBe(30);
    expect(online.timeline.map((p) => p.rollingWape)).toEqual(batch.timeline.map((p) => p.rollingWape));
    expect(online.lastForecast).toEqual(batch.lastForecast);
  });
});

describe('Simulation with the adaptive training window (a baseline host that records its retraining requests)', () => {
  async function retrainRequests(window: RetrainWindow) {
    const baseline = createBaselineHost();
    const requests: RetrainRequest[] = [];
    const host: ModelHost = { load: baseline.load, retrain: (request) => (requests.push(request), baseline.retrain(request)) };
    const scenario: ScenarioSpec = { id: 'level-shift', onset: 10, strength: 0.6, target: null };
    const config: OpsConfig = { ...DEFAULT_OPS, scenario, policy: { ...DEFAULT_OPS.policy, window } };
    const world = simulateWorld({ history, periods: 45, scenario, seed: 3 });
    const simulation = new Simulation({ world, registry: registryWithChampion(), host, config, gates: DEFAULT_GATES, cost, horizon: HORIZON, seed: 3 });
    await simulation.start();
    while (!simulation.finished) await simulation.step();
    const why = simulation.registry.audit.find((a) => a.action === 'register' && a.actor === 'auto')?.why ?? '';
    return { requests, onset: world.onsetDate as number, why };
  }

  it('holds the shifted store’s series to their rows from the detected shift (the scenario’s onset), or to their last week of training rows; expanding does not', async () => {
    const adaptive = await retrainRequests('adaptive');
    const store1 = history.seriesKeyValues.flatMap((values, s) => (values[0] === 'S1' ? [s] : []));
    const froms = adaptive.requests.map((request) => {
      expect(request.start).toBe(history.date[0]);
      expect(request.shifted?.map(({ series }) => series)).toEqual([store1]);
      return request.shifted?.[0]?.from;
    });
    // A retraining days after the onset still trains the store on a week of rows (up to end − 4 validation days).
    const lastTrainingWeek = adaptive.requests.map((r) => r.end - r.validationPeriods - 6);
    expect(froms).toEqual(lastTrainingWeek.map((day) => Math.min(adaptive.onset, day)));
    expect(froms.slice(1).every((from) => from === adaptive.onset)).toBe(true);
    expect(froms.length).toBeGreaterThan(1);
    expect(adaptive.why).toMatch(/The sales level of store S1 shifted: its series learn from \d{4}-\d\d-\d\d on, each of those rows counted 10 times\./);
    const expanding = await retrainRequests('expanding');
    expect(expanding.requests.length).toBeGreaterThan(0);
    expect(expanding.requests.every((r) => r.shifted?.length === 0)).toBe(true);
    expect(expanding.why).not.toMatch(/level/);
  });
});
