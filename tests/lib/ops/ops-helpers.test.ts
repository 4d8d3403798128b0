import { describe, expect, it } from 'vitest';
import { seasonalNaiveRows } from '../../../src/lib/ops/seasonal-naive-rows';
import { driftHistory } from '../../../src/lib/ops/drift-history';
import { timelineInput, latencyPoints } from '../../../src/lib/ops/timeline-input';
import { opsForecastSpec } from '../../../src/lib/charts/ops-forecast-spec';
import { opsTimelineSpec } from '../../../src/lib/charts/ops-timeline-spec';
import { createRegistry } from '../../../src/lib/registry/registry';
import { registerVersion } from '../../../src/lib/registry/registry-actions';
import type { Alert } from '../../../src/lib/monitor/alert-rules';
import { decodeConfigHash, encodeConfigHash } from '../../../src/lib/notebook/url-hash';
import { DEFAULT_CONFIG } from '../../../src/lib/notebook/config';
import { DEFAULT_OPS } from '../../../src/lib/ops/ops-config';
import { DEFAULT_GATES } from '../../../src/lib/registry/gates';
import type { PeriodRecord, SimulationSnapshot } from '../../../src/lib/ops/types';
import { exampleSales } from '../features/example-sales';
import { compileSpec } from '../charts/compile-spec';

const data = exampleSales({ stores: 1, products: 2, days: 60, seed: 5 });
const end = data.date.reduce((m, d) => Math.max(m, d), -Infinity);

function point(period: number, overrides: Partial<PeriodRecord> = {}): PeriodRecord {
  return { period, date: 20_000 + period, champion: 'f:v1', challenger: null, rollingWape: 0.3, periodWape: 0.3, periodCost: 10, driftShare: 0, latency: { p50: 2, p95: 3, p99: 4 }, alerts: [], ...overrides };
}

describe('seasonalNaiveRows(data, range)', () => {
  it('answers each row in range with the same series one season (7 days) earlier, NaN elsewhere', () => {
    const predicted = seasonalNaiveRows(data, { from: end - 6, to: end });
    for (let r = 0; r < data.date.length; r++) {
      const d = data.date[r] as number;
      if (d < end - 6) expect(predicted[r]).toBeNaN();
      else {
        const earlier = data.date.findIndex((x, i) => x === d - 7 && data.series[i] === data.series[r]);
        expect(predicted[r]).toBe(data.sales[earlier]);
      }
    }
  });
});

describe('driftHistory(snapshot, versionId) and timelineInput(snapshot)', () => {
  const registry = registerVersion(
    registerVersion(createRegistry('f'), { source: 'train', runId: 'r', model: 'ridge', spec: null, featureSpec: {}, dataHash: 'h', seed: 1, backend: null, trainEnd: 1, trainStart: null, metrics: { ...makeVersionMetrics(), wape: 0.3 }, description: '', parent: null }, { now: new Date(0), why: 'first', actor: 'you' }).registry,
    { source: 'retrain', runId: null, model: 'ridge', spec: null, featureSpec: {}, dataHash: 'h', seed: 1, backend: null, trainEnd: 2, trainStart: null, metrics: makeVersionMetrics(), description: '', parent: 'f:v1' },
    { now: new Date(0), why: 'drift', actor: 'auto' },
  ).registry;
  const alert = { id: 'performance@1', key: 'performance', period: 1, date: 20_001, kind: 'performance', severity: 'critical', title: 'Accuracy has decayed', explanation: 'WAPE 0.5 against 0.3.', statistic: 0.5, threshold: 0.39 } satisfies Alert;
  const snapshot = {
    timeline: [point(0), point(1), point(2, { champion: 'f:v2' }), point(3, { champion: 'f:v2' })],
    alerts: [alert],
    events: [{ period: 2, date: 20_002, kind: 'promote' as const, version: 'f:v2', text: 'f:v2 is the new champion.' }],
    registry,
    onsetDate: 20_001,
  } as unknown as SimulationSnapshot;

  it('lists the alerts raised while a version served and what happened to it, in simulated time', () => {
    expect(driftHistory(snapshot, 'f:v1')).toEqual([{ when: '2024-10-05', what: 'Accuracy has decayed: WAPE 0.5 against 0.3.' }]);
    expect(driftHistory(snapshot, 'f:v2')).toEqual([{ when: '2024-10-06', what: 'f:v2 is the new champion.' }]);
  });

  it('draws who served when as bands, the served error, alerts and events; the spec compiles with data', () => {
    const input = timelineInput(snapshot);
    expect(input.versions).toEqual([
      { version: 'v1 ridge', start: 20_000, end: 20_002 },
      { version: 'v2 ridge', start: 20_002, end: 20_004 },
    ]);
    expect(input.error).toHaveLength(4);
    expect(input.reference).toBe(0.3);
    expect(input.driftOnset).toBe(20_001);
    expect(latencyPoints(snapshot)[0]).toEqual({ date: 20_000, p50: 2, p95: 3, p99: 4 });
    const compiled = compileSpec(opsTimelineSpec(input));
    expect(compiled.warnings).toEqual([]);
  });

  it('gives the store a segment alert named a line of its own, and names that alert apart in the legend', () => {
    const stores = (s1: number) => [{ column: 'store', value: 'S1', wape: s1 }, { column: 'store', value: 'S2', wape: 0.2 }];
    const segmentAlert = { ...alert, id: 'performance:store=S1@2', key: 'performance:store=S1', period: 2, date: 20_002, title: 'Forecasts for store S1 are 60% too high' } satisfies Alert;
    const story = {
      ...snapshot,
      timeline: [point(0, { segments: stores(0.2) }), point(1, { segments: stores(0.6) }), point(2, { segments: stores(0.3) })],
      alerts: [alert, segmentAlert],
    } as SimulationSnapshot;
    const input = timelineInput(story);
    // S1 alerted, S2 did not: only S1's line, period by period.
    expect(input.segments).toEqual([
      { date: 20_000, segment: 'store S1', wape: 0.2 },
      { date: 20_001, segment: 'store S1', wape: 0.6 },
      { date: 20_002, segment: 'store S1', wape: 0.3 },
    ]);
    const spec = opsTimelineSpec(input) as unknown as { layer: { mark: { type: string }; encoding: { color?: { scale?: { domain?: string[] } } } }[] };
    const lines = spec.layer.filter((l) => l.mark.type === 'line');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.encoding.color?.scale?.domain).toEqual(['store S1']);
    const rules = spec.layer.find((l) => l.mark.type === 'rule' && l.encoding.color?.scale?.domain?.includes('Bias in one store'));
    expect(rules?.encoding.color?.scale?.domain).toEqual(['Performance', 'Bias in one store']);
    expect(compileSpec(opsTimelineSpec(input)).warnings).toEqual([]);
  });
});

describe('opsForecastSpec(points)', () => {
  it('draws the served forecasts and the arrived actuals as two lines', () => {
    const spec = opsForecastSpec([{ date: 20_000, forecast: 10, actual: 12 }, { date: 20_001, forecast: 11, actual: null }]);
    expect((spec as { data: { values: unknown[] } }).data.values).toHaveLength(3);
    expect(compileSpec(spec).warnings).toEqual([]);
  });
});

describe('the operations part of the link', () => {
  it('round-trips, and a link from before the operations stages opens with their defaults and no complaint', () => {
    const config = { ...DEFAULT_CONFIG, ops: { ...DEFAULT_OPS, scenario: { id: 'level-shift' as const, onset: 42, strength: 0.5, target: 'S2' } } };
    expect(decodeConfigHash(encodeConfigHash(config)).config).toEqual(config);
    const { ops: _ops, ...old } = config;
    const { gates: _gates, ...oldScope } = old.scope;
    const parsed = decodeConfigHash(encodeConfigHash({ ...old, scope: oldScope } as unknown as typeof config));
    expect(parsed.problems).toEqual([]);
    expect(parsed.config.ops).toEqual(DEFAULT_OPS);
    expect(parsed.config.scope.gates).toEqual(DEFAULT_GATES);
  });

  it('a tampered scenario falls back to the default operations and says which field', () => {
    const bad = { ...DEFAULT_CONFIG, ops: { ...DEFAULT_OPS, scenario: { id: 'meteor', onset: 1, strength: 1, target: null } } };
    const parsed = decodeConfigHash(encodeConfigHash(bad as unknown as typeof DEFAULT_CONFIG));
    expect(parsed.config.ops).toEqual(DEFAULT_OPS);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toContain('ops');
  });
});

function makeVersionMetrics() {
  return { wape: 0.25, mase: 0.8, mae: 5, rmse: 7, bias: 0, coverage80: null, cost: 100, baselineWape: 0.4, baselineCost: 150, serviceLevel: 0.5, stockoutUnits: 10, overstockUnits: 12 };
}
