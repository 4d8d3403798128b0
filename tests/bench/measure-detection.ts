import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createPredictor, trainModel } from '../../src/adapters/tf-train';
import type { SalesData } from '../../src/lib/data/types';
import { median } from '../../src/lib/core/statistics';
import { buildFeatures } from '../../src/lib/features/build-features';
import { defaultFeatureSpec } from '../../src/lib/features/default-feature-spec';
import { forecastFromFeatures } from '../../src/lib/features/forecast-from-features';
import { defaultModelSpec } from '../../src/lib/models/default-model-specs';
import type { SerializedWeight } from '../../src/lib/models/train-types';
import type { ModelSpec } from '../../src/lib/models/types';
import type { Alert } from '../../src/lib/monitor/alert-rules';
import { defaultOnset, monitoringWindow } from '../../src/lib/monitor/monitoring-window';
import { DEFAULT_OPS } from '../../src/lib/ops/ops-config';
import { Simulation } from '../../src/lib/ops/simulation';
import type { OpsConfig } from '../../src/lib/ops/types';
import { versionMetricsFromForecast } from '../../src/lib/registry/version-metrics';
import { createRegistry } from '../../src/lib/registry/registry';
import { DEFAULT_GATES } from '../../src/lib/registry/gates';
import { registerVersion, setAlias } from '../../src/lib/registry/registry-actions';
import type { Registry, VersionMetrics } from '../../src/lib/registry/types';
import { SCENARIOS } from '../../src/lib/scenarios/scenarios';
import { simulateWorld } from '../../src/lib/scenarios/simulate-world';
import type { ScenarioInfo } from '../../src/lib/scenarios/types';
import { defaultCostModel, PERIODS_PER_YEAR } from '../../src/lib/scope/cost-model';
import { fitBatchSize } from '../../src/lib/train/fit-batch-size';
import { planBacktest } from '../../src/lib/train/plan-backtest';
import { selectRows } from '../../src/lib/train/select-rows';
import { createTfHost } from '../../src/workers/ops-host';
import { exampleSales } from '../lib/features/example-sales';

/** The workload: the app's defaults where it has them, the short settings of the operations e2e test where it does not. */
const HORIZON = 14;
const TRAIN_SEED = 42;
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const CONTROL_PERIODS = 365;
/** Periods of a drift scenario's world: asked for, and the least it may be cut to when the whole would run too long. */
const DRIFT_PERIODS = { wanted: 120, least: 90 };
const BUDGET_MS = 20 * 60_000;
const FREQUENCY = 'daily';

export interface Champion {
  versionId: string;
  registry: Registry;
  weights: SerializedWeight[];
  spec: ModelSpec;
  metrics: VersionMetrics;
  trainRows: number;
  validationRows: number;
  epochsRun: number;
  trainMs: number;
}

/** One simulated world served by the champion, as monitoring saw it. */
export interface DetectionRun {
  seed: number;
  /** The snapshot's onset event period (null for control or when the scenario does not apply). */
  onset: number | null;
  applicable: boolean;
  alerts: Pick<Alert, 'period' | 'kind' | 'key' | 'column'>[];
  ms: number;
}

export interface ScenarioDetection {
  scenario: ScenarioInfo;
  periods: number;
  runs: DetectionRun[];
}

export interface DetectionResult {
  champion: Champion;
  horizon: number;
  window: number;
  onset: number;
  seeds: number;
  driftPeriods: number;
  controlPeriods: number;
  /** Why the drift worlds are shorter than DRIFT_PERIODS.wanted, when they are. */
  shortened: string | null;
  /** The first simulation (the first drift scenario, seed 1), timed before the rest was planned. */
  firstRunMs: number;
  scenarios: ScenarioDetection[];
  /** Drift scenarios some run did not catch within driftPeriods, run again in worlds of controlPeriods. */
  longer: ScenarioDetection[];
  totalMs: number;
}

/**
 * How well monitoring catches each scenario, in Node on the tfjs cpu backend (the ops worker's own host, ./ops-host):
 *
 *   1. train one ridge champion on the default example, as the Train stage does for the test window (rows up to
 *      its trainEnd fit, rows up to its cutoff validate), score its recursive forecast of the test window, register
 *      it as champion
 *   2. time one simulation, and shorten the drift worlds (never below DRIFT_PERIODS.least) if all would take longer
 *      than BUDGET_MS
 *   3. every scenario × every seed: a world from that seed with the drift at defaultOnset, served period by period
 *      by the champion with retraining off (the 'manual' trigger, never asked), so only detection is measured
 */
export async function measureDetection(options: { log: (line: string) => void }): Promise<DetectionResult> {
  const started = performance.now();
  // Without prod mode tfjs-backend-cpu prints a banner recommending tfjs-node (which does not install here).
  tf.enableProdMode();
  await tf.setBackend('cpu');
  const history = exampleSales();
  options.log('training the ridge champion on the cpu backend…');
  const champion = await trainChampion(history);
  const onset = defaultOnset(FREQUENCY);
  const drifts = SCENARIOS.filter((s) => s.kind !== 'none');
  const control = SCENARIOS.filter((s) => s.kind === 'none');

  // 2.
  const first = await simulateOnce(history, champion, { scenario: drifts[0]!, periods: DRIFT_PERIODS.wanted, seed: SEEDS[0]! });
  const perPeriod = first.ms / DRIFT_PERIODS.wanted;
  const estimate = (periods: number) => perPeriod * SEEDS.length * (drifts.length * periods + control.length * CONTROL_PERIODS);
  let driftPeriods = DRIFT_PERIODS.wanted;
  let shortened: string | null = null;
  if (estimate(driftPeriods) > BUDGET_MS) {
    const fits = Math.floor((BUDGET_MS / (perPeriod * SEEDS.length) - control.length * CONTROL_PERIODS) / drifts.length);
    driftPeriods = Math.max(DRIFT_PERIODS.least, fits);
    shortened = `the first simulation took ${Math.round(first.ms)} ms for ${DRIFT_PERIODS.wanted} periods: all at ${DRIFT_PERIODS.wanted} would take ~${Math.round(estimate(DRIFT_PERIODS.wanted) / 60_000)} min`;
  }
  options.log(`one simulation of ${DRIFT_PERIODS.wanted} periods: ${Math.round(first.ms)} ms; the whole section should take ~${Math.round(estimate(driftPeriods) / 60_000)} min`);

  // 3.
  const scenarios: ScenarioDetection[] = [];
  for (const scenario of SCENARIOS) {
    const periods = scenario.kind === 'none' ? CONTROL_PERIODS : driftPeriods;
    const runs: DetectionRun[] = [];
    for (const seed of SEEDS) {
      const reuse = scenario === drifts[0] && seed === SEEDS[0] && periods === DRIFT_PERIODS.wanted;
      runs.push(reuse ? first : await simulateOnce(history, champion, { scenario, periods, seed }));
    }
    options.log(`  ${scenario.id}: ${SEEDS.length} worlds of ${periods} periods`);
    scenarios.push({ scenario, periods, runs });
  }
  const longer: ScenarioDetection[] = [];
  for (const { scenario, periods, runs } of scenarios) {
    if (periods >= CONTROL_PERIODS || scenario.kind === 'none' || runs.every(alertedAfterOnset)) continue;
    options.log(`  ${scenario.id}: not caught in every world of ${periods} periods, again in worlds of ${CONTROL_PERIODS}`);
    const again: DetectionRun[] = [];
    for (const seed of SEEDS) again.push(await simulateOnce(history, champion, { scenario, periods: CONTROL_PERIODS, seed }));
    longer.push({ scenario, periods: CONTROL_PERIODS, runs: again });
  }
  return {
    champion,
    horizon: HORIZON,
    window: monitoringWindow(HORIZON, FREQUENCY),
    onset,
    seeds: SEEDS.length,
    driftPeriods,
    controlPeriods: CONTROL_PERIODS,
    shortened,
    firstRunMs: first.ms,
    scenarios,
    longer,
    totalMs: performance.now() - started,
  };
}

/**
 * The ridge the Train stage would fit for the test window (src/workers/data-pipeline.ts, src/state/train.svelte.ts),
 * its VersionMetrics from the recursive forecast of that window, registered and made champion.
 */
async function trainChampion(data: SalesData): Promise<Champion> {
  const started = performance.now();
  const plan = planBacktest(data, { horizon: HORIZON, folds: 0 });
  const test = plan.windows.at(-1);
  if (!test) throw new Error('no test window fits the default example');
  const featureSpec = defaultFeatureSpec(data);
  const { matrix, state } = buildFeatures(data, featureSpec, { fit: { trainEnd: test.trainEnd } });
  const { index: _t, ...train } = selectRows(matrix, { after: test.trainStart === null ? -Infinity : test.trainStart - 1, upTo: test.trainEnd });
  const { index: _v, ...validation } = selectRows(matrix, { after: test.trainEnd, upTo: test.cutoff });
  const spec = fitBatchSize({ ...defaultModelSpec('ridge'), epochs: 8, batchSize: 512 }, train.rows);
  const trained = await trainModel({ spec, seed: TRAIN_SEED, train, validation, sequence: null });
  const predictor = createPredictor({ spec, weights: trained.weights, width: matrix.names.length, sequence: null });
  const cost = defaultCostModel(data.frequency);
  let metrics: VersionMetrics;
  try {
    const forecast = await forecastFromFeatures({
      data, spec: featureSpec, state, cutoff: test.cutoff, horizon: HORIZON, predict: (x, rows) => predictor.predict(x, rows), quantiles: spec.quantiles,
    });
    metrics = versionMetricsFromForecast({ data, forecast, cutoff: test.cutoff, horizon: HORIZON, cost });
  } finally {
    predictor.dispose();
  }
  const now = new Date('2025-01-01T12:00:00Z');
  const why = 'bench: the ridge of the default example';
  const { registry, version } = registerVersion(
    createRegistry('sales'),
    {
      source: 'train', runId: 'bench', model: 'ridge', spec, featureSpec, dataHash: 'bench', seed: TRAIN_SEED, backend: 'cpu',
      trainEnd: test.trainEnd, trainStart: test.trainStart, metrics, description: why, parent: null,
    },
    { now, why, actor: 'you' },
  );
  return {
    versionId: version.id,
    registry: setAlias(registry, { alias: 'champion', versionId: version.id, now, why, actor: 'you' }),
    weights: trained.weights,
    spec,
    metrics,
    trainRows: train.rows,
    validationRows: validation.rows,
    epochsRun: trained.history.length,
    trainMs: performance.now() - started,
  };
}

async function simulateOnce(history: SalesData, champion: Champion, run: { scenario: ScenarioInfo; periods: number; seed: number }): Promise<DetectionRun> {
  const started = performance.now();
  const scenario = { ...run.scenario.defaults, onset: defaultOnset(FREQUENCY) };
  const config: OpsConfig = { ...DEFAULT_OPS, scenario, policy: { ...DEFAULT_OPS.policy, trigger: 'manual' } };
  const world = simulateWorld({ history, periods: run.periods, scenario, seed: run.seed });
  const simulation = new Simulation({
    world,
    registry: champion.registry,
    host: createTfHost({ weights: new Map([[champion.versionId, champion.weights]]) }),
    config,
    gates: DEFAULT_GATES,
    cost: defaultCostModel(FREQUENCY),
    horizon: HORIZON,
    seed: run.seed,
  });
  try {
    await simulation.start();
    while (!simulation.finished) await simulation.step();
    const snapshot = simulation.snapshot();
    return {
      seed: run.seed,
      onset: snapshot.events.find((e) => e.kind === 'onset')?.period ?? null,
      applicable: snapshot.applicable,
      alerts: snapshot.alerts.map(({ period, kind, key, column }) => ({ period, kind, key, ...(column === undefined ? {} : { column }) })),
      ms: performance.now() - started,
    };
  } finally {
    simulation.dispose();
  }
}

function alertedAfterOnset(run: DetectionRun): boolean {
  return run.onset !== null && run.alerts.some((a) => a.period >= (run.onset as number));
}

/** What the table says of one scenario's runs. */
export interface DetectionSummary {
  runs: number;
  alerting: number;
  /** Periods from the onset to the first alert at or after it, per alerting run. */
  delays: { median: number; min: number; max: number } | null;
  /** First alerts after the onset by label (kind, and the column or segment it is about), most runs first. */
  firstAlerts: { label: string; runs: number }[];
  /** Alerts before the onset, and in how many runs. */
  falseAlarms: { alerts: number; runs: number };
  /** Control: alerts per PERIODS_PER_YEAR periods, over every run; and every alert by label. */
  alertsPerYear: number;
  labels: { label: string; runs: number }[];
  /** Runs where the scenario found nothing to change, or no onset event within the world. */
  notApplied: number;
}

export function summarizeDetection(result: ScenarioDetection): DetectionSummary {
  const { runs, periods } = result;
  const delays: number[] = [];
  const firsts: string[] = [];
  let falseAlarms = 0;
  let falseRuns = 0;
  for (const run of runs) {
    if (run.onset === null) continue;
    const onset = run.onset;
    const first = run.alerts.filter((a) => a.period >= onset).sort((a, b) => a.period - b.period)[0];
    if (first) {
      delays.push(first.period - onset);
      firsts.push(alertLabel(first));
    }
    const before = run.alerts.filter((a) => a.period < onset).length;
    falseAlarms += before;
    if (before > 0) falseRuns++;
  }
  const total = runs.reduce((sum, run) => sum + run.alerts.length, 0);
  const sorted = delays.slice().sort((a, b) => a - b);
  return {
    runs: runs.length,
    alerting: result.scenario.kind === 'none' ? runs.filter((r) => r.alerts.length > 0).length : delays.length,
    delays: sorted.length === 0 ? null : { median: median(sorted), min: sorted[0]!, max: sorted.at(-1)! },
    firstAlerts: tally(firsts),
    falseAlarms: { alerts: falseAlarms, runs: falseRuns },
    alertsPerYear: (total / (runs.length * periods)) * PERIODS_PER_YEAR[FREQUENCY],
    labels: tally(runs.flatMap((r) => [...new Set(r.alerts.map(alertLabel))])),
    notApplied: runs.filter((r) => !r.applicable || (result.scenario.kind !== 'none' && r.onset === null)).length,
  };
}

/** "performance (store segment)" for a per-store bias alert, "data-drift (price)", or the bare kind. */
function alertLabel(alert: DetectionRun['alerts'][number]): string {
  if (alert.key.includes('=')) return `${alert.kind} (${alert.column ?? '?'} segment)`;
  return alert.column ? `${alert.kind} (${alert.column})` : alert.kind;
}

function tally(labels: string[]): { label: string; runs: number }[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, runs]) => ({ label, runs })).sort((a, b) => b.runs - a.runs || a.label.localeCompare(b.label));
}
