import type { SalesData } from '../../../src/lib/data/types';
import { dayToIso } from '../../../src/lib/core/days';
import { evaluateForecast } from '../../../src/lib/evaluate/evaluate-forecast';
import { defaultFeatureSpec } from '../../../src/lib/features/default-feature-spec';
import { fitFeatureState } from '../../../src/lib/features/fit-feature-state';
import { baselineForecast } from '../../../src/lib/models/baseline-forecast';
import { defaultModelSpec } from '../../../src/lib/models/default-model-specs';
import type { EpochReport } from '../../../src/lib/models/train-types';
import type { BaselineKind, Forecast, ModelKind } from '../../../src/lib/models/types';
import { createRng, type Rng } from '../../../src/lib/random/rng';
import type { ForecastSample, ModelName, ModelResult, RunMetrics, WindowResult } from '../../../src/lib/runs/types';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import { headlineMetrics, meanHeadline } from '../../../src/lib/train/headline-metrics';
import { isoDay, makeSales, simulateSales } from '../eda/make-sales';

export interface MakeRunMetricsOptions {
  seed?: number;
  /** Series as stores × products; default 4 × 6 = 24 series. */
  stores?: number;
  products?: number;
  /** Periods (days) per window; default 28. */
  horizon?: number;
  /** Rolling-origin folds before the test window; default 2 (three windows in all). */
  folds?: number;
}

export interface RunFixture {
  metrics: RunMetrics;
  /** Test-window samples per model, shaped as src/lib/train/forecast-sample.ts makes them: the total, then the biggest series. */
  samples: ForecastSample[];
  data: SalesData;
}

const BASELINES: BaselineKind[] = ['naive', 'seasonal-naive', 'moving-average'];
const NEURAL: ModelKind[] = ['ridge', 'mlp', 'cnn'];
const Z90 = 1.2816;

/**
 * How each simulated network errs: its multiplicative noise (log scale), how it treats holidays (a ratio on the
 * holiday uplift it captures) and the width of its P10–P90 band against its real error (1 = calibrated).
 * MLP ends up best, ridge misses holidays, CNN's band is too narrow.
 */
const NETWORK: Record<ModelKind, { noise: number; holiday: number; band: number; epochs: number; ms: number }> = {
  ridge: { noise: 0.2, holiday: 0.7, band: 1, epochs: 14, ms: 40 },
  mlp: { noise: 0.13, holiday: 0.95, band: 1.05, epochs: 31, ms: 180 },
  cnn: { noise: 0.16, holiday: 0.9, band: 0.75, epochs: 24, ms: 260 },
};

/**
 * A realistic RunMetrics for the Evaluate panel, before the training pipeline exists: a daily store × product panel
 * with weekly rhythm, promotions, prices and holidays (simulateSales plus holiday spikes); the three real baselines
 * (src/lib/models) and three simulated networks (the actual times seeded noise, with a quantile band) over K folds and
 * the test window, all scored by the real evaluateForecast with the default cost model. Same seed, same run.
 */
export function makeRunMetrics(options: MakeRunMetricsOptions = {}): RunFixture {
  const { seed = 11, stores = 4, products = 6, horizon = 28, folds = 2 } = options;
  const rng = createRng(seed);
  const days = 26 * 7 + (folds + 1) * horizon;
  const rows = simulateSales({ rng, days, stores, products, promoUplift: 1.6, promoPriceCut: 0.2, elasticity: -1.2, noise: 0.22 });
  const start = isoDay('2024-01-01');
  const holidays = new Set([30, 61, 95, 121, 150, 171, 185, 200, 212, 230, 244, 255].map((d) => start + d));
  for (const row of rows) {
    const holiday = holidays.has(row.date as number) ? 1 : 0;
    row.holiday = holiday;
    // A tenth of the simulated levels: 2 to 140 units a day, a small shop's shelf rather than a warehouse.
    row.sales = Math.round((row.sales * (holiday ? 1.8 : 1)) / 10);
  }
  const data = makeSales(rows, { keys: ['store', 'product'], covariates: ['promo', 'price', 'holiday'] });
  const last = start + days - 1;
  const cutoffs = Array.from({ length: folds + 1 }, (_, i) => last - (folds + 1 - i) * horizon);
  const windowName = (i: number) => (i === folds ? 'test' : `fold ${i + 1}`);
  const cost = defaultCostModel('daily');
  const featureSpec = defaultFeatureSpec(data);
  const actual = actualsByKey(data);
  const featureNames = fitFeatureState(data, featureSpec, { trainEnd: cutoffs.at(-1)! }).names;

  const forecasts = new Map<ModelName, Forecast[]>();
  for (const kind of BASELINES) forecasts.set(kind, cutoffs.map((cutoff) => baselineForecast(kind, data, { cutoff, horizon }).forecast));
  for (const kind of NEURAL) {
    const net = rng.fork();
    forecasts.set(kind, cutoffs.map((cutoff) => networkForecast({ data, actual, cutoff, horizon, kind, rng: net, holidays })));
  }
  const reference = forecasts.get('seasonal-naive')!;

  const models: ModelResult[] = [...BASELINES, ...NEURAL].map((name) => {
    const neural = (NEURAL as string[]).includes(name);
    const windows: WindowResult[] = forecasts.get(name)!.map((forecast, i) => {
      const evaluation = evaluateForecast({ data, forecast, cutoff: cutoffs[i]!, cost, flags: ['holiday', 'promo'], baseline: reference[i]! });
      const history = neural ? trainingHistory(name as ModelKind, rng) : [];
      const bestEpoch = history.length === 0 ? null : history.reduce((b, e) => (e.valLoss < b.valLoss ? e : b)).epoch;
      return {
        window: windowName(i),
        cutoff: cutoffs[i]!,
        evaluation,
        history,
        bestEpoch,
        stoppedEarly: neural && history.length < 40,
        durationMs: neural ? history.reduce((s, e) => s + e.ms, 0) : 2 + i,
      };
    });
    return {
      name,
      family: neural ? 'neural' : 'baseline',
      spec: neural ? defaultModelSpec(name as ModelKind) : null,
      windows,
      // As the app stores a run: the selection score is the mean over the folds; the test window is reported apart.
      backtest: meanHeadline(windows.filter((w) => w.window !== 'test').map((w) => headlineMetrics(w.evaluation))),
      test: headlineMetrics(windows.at(-1)!.evaluation),
      importance: neural ? importance(featureNames, name as ModelKind, rng) : null,
    };
  });

  const best = models
    .filter((m) => m.family === 'neural' && m.backtest.wape !== null)
    .sort((a, b) => (a.backtest.wape as number) - (b.backtest.wape as number))[0]?.name ?? null;
  const metrics: RunMetrics = { backend: 'wasm', featureSpec, horizon, folds, models, best, baseline: 'seasonal-naive' };
  const samples = models.map((m) => sampleOf(data, actual, m.name, forecasts.get(m.name)!.at(-1)!));
  return { metrics, samples, data };
}

function networkForecast(o: {
  data: SalesData;
  actual: Map<number, number>;
  cutoff: number;
  horizon: number;
  kind: ModelKind;
  rng: Rng;
  holidays: Set<number>;
}): Forecast {
  const { data, actual, cutoff, horizon, kind, rng, holidays } = o;
  const net = NETWORK[kind];
  const count = data.seriesLabels.length;
  const n = count * horizon;
  const f: Forecast = {
    series: new Int32Array(n),
    date: new Int32Array(n),
    step: new Int32Array(n),
    p50: new Float64Array(n),
    p10: new Float64Array(n),
    p90: new Float64Array(n),
  };
  for (let s = 0, i = 0; s < count; s++) {
    for (let k = 1; k <= horizon; k++, i++) {
      const date = cutoff + k;
      const y = actual.get(key(s, date)) ?? NaN;
      // Error grows with the step: recursive forecasting feeds its own predictions back.
      const spread = net.noise * (1 + k / horizon / 2);
      const holiday = holidays.has(date) ? net.holiday : 1;
      const p50 = y * holiday * Math.exp(spread * rng.normal());
      const half = Z90 * spread * net.band;
      f.series[i] = s;
      f.date[i] = date;
      f.step[i] = k;
      f.p50[i] = p50;
      f.p10![i] = p50 * Math.exp(-half);
      f.p90![i] = p50 * Math.exp(half);
    }
  }
  return f;
}

function trainingHistory(kind: ModelKind, rng: Rng): EpochReport[] {
  const net = NETWORK[kind];
  const epochs = net.epochs + rng.int(-3, 3);
  return Array.from({ length: epochs }, (_, e) => {
    const loss = 0.18 + 0.5 * Math.exp(-e / 5) + 0.004 * rng.normal();
    return { epoch: e + 1, loss, valLoss: loss * 1.08 + 0.0006 * Math.max(0, e - epochs + 6) ** 2, ms: net.ms * (e === 0 ? 2.5 : 1) * (1 + 0.1 * rng.next()) };
  });
}

/** Lags and the weekly rhythm matter most, then promotion and price; the rest little or nothing (some slightly below 0). */
function importance(names: string[], kind: ModelKind, rng: Rng) {
  const weight = (name: string): number => {
    if (name === 'lag_1') return 1;
    if (/7/.test(name)) return 0.7;
    if (/promo/.test(name)) return kind === 'ridge' ? 0.5 : 0.4;
    if (/price/.test(name)) return 0.25;
    if (/holiday/.test(name)) return kind === 'ridge' ? 0.02 : 0.15;
    if (/^dow_/.test(name)) return 0.2;
    if (/month|week/.test(name)) return 0.06;
    return 0.03;
  };
  return names
    .map((feature) => ({ feature, increase: Math.max(-0.003, 0.3 * weight(feature) * (0.8 + 0.4 * rng.next()) + 0.004 * rng.normal()) }))
    .sort((a, b) => b.increase - a.increase);
}

/** The total over all series (no band), then the biggest series with its band, as forecastSample does. */
function sampleOf(data: SalesData, actual: Map<number, number>, model: ModelName, f: Forecast): ForecastSample {
  const totals = new Map<number, { actual: number; p50: number }>();
  const volume = new Map<number, number>();
  for (let i = 0; i < f.p50.length; i++) {
    const s = f.series[i]!;
    const y = actual.get(key(s, f.date[i]!)) ?? 0;
    const t = totals.get(f.date[i]!) ?? { actual: 0, p50: 0 };
    t.actual += y;
    t.p50 += Number.isFinite(f.p50[i]!) ? f.p50[i]! : 0;
    totals.set(f.date[i]!, t);
    volume.set(s, (volume.get(s) ?? 0) + y);
  }
  const top = [...volume.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const rows: ForecastSample['rows'] = [...totals.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([d, t]) => ({ date: dayToIso(d), series: 'total', actual: t.actual, p10: null, p50: t.p50, p90: null }));
  for (let i = 0; i < f.p50.length; i++) {
    if (f.series[i] !== top) continue;
    const p10 = f.p10?.[i];
    const p90 = f.p90?.[i];
    rows.push({
      date: dayToIso(f.date[i]!),
      series: data.seriesLabels[top]!,
      actual: actual.get(key(top, f.date[i]!)) ?? null,
      p10: p10 === undefined ? null : p10,
      p50: f.p50[i]!,
      p90: p90 === undefined ? null : p90,
    });
  }
  return { model, rows };
}

const key = (series: number, date: number) => series * 1e6 + date;

function actualsByKey(data: SalesData): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < data.date.length; i++) map.set(key(data.series[i]!, data.date[i]!), data.sales[i]!);
  return map;
}
