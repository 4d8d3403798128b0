import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../data/ingest-csv';
import type { SalesData } from '../../../src/lib/data/types';
import { baselineForecast } from '../../../src/lib/models/baseline-forecast';
import { createBaselineHost } from '../../../src/lib/ops/baseline-host';
import { DEFAULT_OPS } from '../../../src/lib/ops/ops-config';
import { defaultOnset } from '../../../src/lib/monitor/monitoring-window';
import { Simulation } from '../../../src/lib/ops/simulation';
import { versionMetricsFromForecast } from '../../../src/lib/registry/version-metrics';
import { createRegistry } from '../../../src/lib/registry/registry';
import { DEFAULT_GATES } from '../../../src/lib/registry/gates';
import { registerVersion, setAlias } from '../../../src/lib/registry/registry-actions';
import { simulateWorld } from '../../../src/lib/scenarios/simulate-world';
import type { ScenarioSpec } from '../../../src/lib/scenarios/types';
import { resolveSimulationPeriods } from '../../../src/lib/serving/simulation-config';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import { DEFAULT_HORIZON } from '../../../src/lib/scope/default-horizon';
import { readSharedDataset } from '../data/read-fixture';

// The operations loop on imported data, not only the example: the real weekly and monthly files of
// ../shared/datasets, served by a seasonal-naive champion (the Node host; tfjs serves in the browser tests).

function load(file: string): SalesData {
  const { data } = ingestCsv(readSharedDataset(file), { horizon: 8 });
  return data;
}

async function play(history: SalesData, scenario: ScenarioSpec) {
  const horizon = DEFAULT_HORIZON[history.frequency];
  const end = history.date.reduce((m, d) => Math.max(m, d), -Infinity);
  const cost = defaultCostModel(history.frequency);
  const cutoff = history.date.filter((d) => d <= end).sort((a, b) => a - b).at(-1)! - 1;
  const forecast = baselineForecast('seasonal-naive', history, { cutoff, horizon }).forecast;
  const metrics = versionMetricsFromForecast({ data: history, forecast, cutoff, horizon, cost });
  const now = new Date('2024-01-01T00:00:00Z');
  const first = registerVersion(
    createRegistry('forecaster'),
    { source: 'train', runId: 'r', model: 'seasonal-naive', spec: null, featureSpec: {}, dataHash: 'h', seed: 1, backend: null, trainEnd: cutoff, trainStart: null, metrics, description: '', parent: null },
    { now, why: 'first', actor: 'you' },
  );
  const registry = setAlias(first.registry, { alias: 'champion', versionId: first.version.id, now, why: 'first', actor: 'you' });
  const periods = resolveSimulationPeriods(DEFAULT_OPS.simulation, history.frequency);
  const world = simulateWorld({ history, periods, scenario, seed: 5 });
  const simulation = new Simulation({ world, registry, host: createBaselineHost(), config: { ...DEFAULT_OPS, scenario }, gates: DEFAULT_GATES, cost, horizon, seed: 5 });
  await simulation.start();
  while (!simulation.finished) await simulation.step();
  return simulation.snapshot();
}

describe('Simulation on imported data (../shared/datasets)', () => {
  it.each([
    ['walmart-store1-top10-depts-weekly.csv', 52],
    ['us-retail-sales-monthly.csv', 24],
  ])('%s: a year (two of months) is served and monitored; a units bug is caught', async (file, periods) => {
    const history = load(file);
    const control = await play(history, { id: 'control', onset: 0, strength: 0, target: null });
    expect(control.total).toBe(periods);
    expect(control.timeline.filter((p) => p.rollingWape !== null).length).toBeGreaterThan(periods / 2);
    expect(control.monitor?.target?.referenceSize).toBeGreaterThan(0);

    const onset = defaultOnset(history.frequency);
    const bug = await play(history, { id: 'units-bug', onset, strength: 100, target: null });
    const after = bug.alerts.filter((a) => a.period >= onset);
    expect(after.some((a) => a.kind === 'data-quality')).toBe(true);
    expect(bug.alerts.filter((a) => a.kind === 'data-quality' && a.period < onset)).toEqual([]);
  });
});
