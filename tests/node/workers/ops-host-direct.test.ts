import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SalesData } from '../../../src/lib/data/types';
import { defaultFeatureSpec } from '../../../src/lib/features/default-feature-spec';
import { baselineForecast } from '../../../src/lib/models/baseline-forecast';
import { defaultModelSpec } from '../../../src/lib/models/default-model-specs';
import { versionMetricsFromForecast } from '../../../src/lib/ops/version-metrics-from-forecast';
import { createRegistry } from '../../../src/lib/registry/create-registry';
import { registerVersion } from '../../../src/lib/registry/register-version';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import { createTfHost } from '../../../src/workers/ops-host';
import { exampleSales } from '../../lib/features/example-sales';

// The ops worker's host (tfjs, here on the cpu backend) retrains and serves a direct multi-horizon network as it does
// a recursive one: targets per step for the retraining, one prediction per series for a forecast.

const H = 14;
const data = exampleSales({ stores: 3, products: 2, days: 420 });
const last = data.date.reduce((m, d) => Math.max(m, d), -Infinity);
const cutoff = last - H;
const cost = defaultCostModel(data.frequency);
const until = (day: number): SalesData => {
  const keep = Array.from(data.date, (d, i) => (d <= day ? i : -1)).filter((i) => i >= 0);
  const pick = <T extends { [i: number]: unknown; length: number }>(a: T, make: (n: number) => T): T => {
    const out = make(keep.length);
    keep.forEach((i, j) => (out[j] = a[i]));
    return out;
  };
  return {
    ...data,
    date: pick(data.date, (n) => new Int32Array(n)),
    series: pick(data.series, (n) => new Int32Array(n)),
    sales: pick(data.sales, (n) => new Float64Array(n)),
    covariates: Object.fromEntries(Object.entries(data.covariates).map(([k, v]) => [k, pick(v, (n) => new Float64Array(n))])),
  } as SalesData;
};

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('cpu');
});

describe('createTfHost(…) with a direct multi-horizon network (ModelSpec.steps)', () => {
  it('retrains it on every step’s target, serves all 14 steps from one prediction per series, and beats the seasonal naive', async () => {
    const spec = { ...defaultModelSpec('ridge'), steps: H, epochs: 12 };
    const naive = baselineForecast('seasonal-naive', data, { cutoff, horizon: H }).forecast;
    const naiveMetrics = versionMetricsFromForecast({ data, forecast: naive, cutoff, horizon: H, cost });
    const now = new Date('2025-01-01T12:00:00Z');
    const first = registerVersion(
      createRegistry('sales'),
      {
        source: 'train', runId: 'r', model: 'ridge', spec, featureSpec: defaultFeatureSpec(data), dataHash: 'h', seed: 1, backend: 'cpu',
        trainEnd: cutoff - 28, trainStart: null, metrics: naiveMetrics, description: '', parent: null,
      },
      { now, why: 'first', actor: 'you' },
    );
    const parent = first.version;
    const host = createTfHost({ weights: new Map() });
    const { draft, artifact } = await host.retrain({ data: until(cutoff), parent, start: null, end: cutoff, validationPeriods: 7, horizon: H, seed: 3, cost });
    expect(draft.spec).toMatchObject({ steps: H });
    expect(Number.isFinite(draft.metrics.wape)).toBe(true);

    const { version } = registerVersion(first.registry, draft, { now, why: 'retrained', actor: 'you' });
    const served = await host.load(version, artifact);
    const forecast = await served.forecast(data, { cutoff, horizon: H });
    expect(forecast.p50).toHaveLength(6 * H);
    expect(Array.from(forecast.step)).toEqual(Array.from({ length: 6 * H }, (_, i) => (i % H) + 1));
    expect(Array.from(forecast.p50).every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    const wape = versionMetricsFromForecast({ data, forecast, cutoff, horizon: H, cost }).wape as number;
    expect(wape).toBeLessThan(naiveMetrics.wape as number);

    // One step ahead on rows whose inputs are all actuals (what monitoring reads): the first step's median.
    const oneStep = await served.predictRows(data, { from: cutoff + 1, to: last });
    const scored = Array.from(oneStep).filter((v) => !Number.isNaN(v));
    expect(scored).toHaveLength(6 * H);
    expect(scored.every((v) => v >= 0)).toBe(true);
    served.dispose();
  }, 60_000);
});
