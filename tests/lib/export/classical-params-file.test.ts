import { describe, expect, it } from 'vitest';
import { dayToIso } from '../../../src/lib/core/days';
import { classicalParamsFile, classicalParamsJson } from '../../../src/lib/export/classical-params-file';
import { CLASSICAL_SNIPPET } from '../../../src/lib/messages/classical-params';
import { calendarRegressionForecast } from '../../../src/lib/models/calendar-regression';
import { classicalForecast, type PerSeriesKind } from '../../../src/lib/models/classical-forecast';
import { forecastEts } from '../../../src/lib/models/classical/ets';
import { forecastTheta } from '../../../src/lib/models/classical/theta';
import type { FittedParams } from '../../../src/lib/models/types';
import { classicalParams } from '../../../src/lib/runs/classical-params';
import type { RunMetrics } from '../../../src/lib/runs/types';
import { forecastSample } from '../../../src/lib/train/forecast-sample';
import golden from '../../fixtures/classical/ets-theta-golden.json';
import { isoDay, makeSales, type SalesRow } from '../eda/make-sales';

// Golden values: tests/fixtures/classical/ets-theta-golden.json, written by tests/tools/classical-golden-ets-theta.R
// with R's forecast 8.20 (ets(y) and thetaf(y), then forecast(fit, h, level = 80)).

type Point = (series: { form: string; params: FittedParams }, h: number) => number;
// The snippet as a reader pastes it from the file: plain functions, run here as written.
const { etsPoint, thetaPoint } = new Function(`${CLASSICAL_SNIPPET}\nreturn { etsPoint, thetaPoint };`)() as { etsPoint: Point; thetaPoint: Point };

/** max |a − b| over the horizon, relative to the largest |b|, as the classical tests measure forecasts. */
function scaledDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs((actual[i] as number) - (expected[i] as number)));
    scale = Math.max(scale, Math.abs(expected[i] as number));
  }
  return worst / scale;
}

/** Cases where the app's ETS fit is not R's (ets.test.ts says why): a flat optimum, and a series cut to 400 points. */
const NOT_R_OPTIMUM = new Set(['ldeaths-diff', 'store1-item1-daily-730']);

describe("the file's snippet reproduces point forecasts from the parameters alone", () => {
  it.each(golden.cases)("etsPoint on $name: the app's P50, and R's forecast mean where the fit is R's", (c) => {
    const result = forecastEts(Float64Array.from(c.y), { season: c.m, horizon: c.h });
    const points = Array.from({ length: c.h }, (_, k) => etsPoint(result, k + 1));
    // R's forecast.ets raises an (M,*,M) model's mean by a variance term (its class3); the snippet's is the point recursion.
    const multiplicativeSeason = /^ETS\(M,.*,M\)$/.test(result.form);
    expect(scaledDifference(points, result.p50)).toBeLessThan(multiplicativeSeason ? 2e-3 : 1e-9);
    if (!NOT_R_OPTIMUM.has(c.name)) expect(scaledDifference(points, c.ets.mean)).toBeLessThan(multiplicativeSeason ? 2e-3 : 1e-3);
  });

  it.each(golden.cases)("thetaPoint on $name: R's thetaf mean (1e-6)", (c) => {
    const result = forecastTheta(Float64Array.from(c.y), { season: c.m, horizon: c.h });
    const points = Array.from({ length: c.h }, (_, k) => thetaPoint(result, k + 1));
    expect(scaledDifference(points, c.theta.mean)).toBeLessThan(1e-6);
  });
});

const start = isoDay('2024-01-01');
const HORIZON = 14;

/** Three shops: a weekly shape, a trend, and one whose sales never change (no model is fitted to it). */
function shops() {
  const rows: SalesRow[] = [];
  for (let d = 0; d < 154; d++) {
    rows.push({ date: start + d, store: 'a', sales: 40 + 8 * Math.sin((2 * Math.PI * d) / 7) + 0.1 * d + ((d * 7) % 5) });
    rows.push({ date: start + d, store: 'b', sales: 12 + ((d * 3) % 4) + (d % 7 === 5 ? 6 : 0) });
    rows.push({ date: start + d, store: 'c', sales: 5 });
  }
  return makeSales(rows, { keys: ['store'] });
}

/** What a run stores of a classical model on its test window, with the run's metrics and forecast sample. */
function storedRun(model: PerSeriesKind | 'calendar') {
  const data = shops();
  const cutoff = start + 153 - HORIZON;
  const options = { cutoff, horizon: HORIZON };
  const fitted = model === 'calendar' ? calendarRegressionForecast(data, options) : { shared: null, ...classicalForecast(model, data, options) };
  const params = classicalParams({ model, data, cutoff, forecast: fitted.forecast, fits: fitted.fits, shared: fitted.shared });
  const test = { wape: 0.1, mae: 1, rmse: 1.2, smape: 0.1, mase: 0.8, bias: 0, coverage80: 0.8, cost: 10 };
  const metrics = { horizon: HORIZON, models: [{ name: model, family: 'classical', test }] } as unknown as RunMetrics;
  return { data, cutoff, params, metrics, sample: forecastSample(data, fitted.forecast, { model }) };
}

describe('classicalParamsFile({ runId, metrics, params })', () => {
  it('says which run, window and model: id, cutoff, frequency, season, horizon, the test metrics, the note and (ETS, Theta) the snippet', () => {
    const { params, metrics } = storedRun('ets');
    const file = classicalParamsFile({ runId: 'run-1', metrics, params });
    expect(Object.keys(file)).toEqual(['model', 'runId', 'frequency', 'season', 'cutoff', 'horizon', 'test', 'howToUse', 'snippet', 'series']);
    expect(file).toMatchObject({ model: 'ets', runId: 'run-1', frequency: 'daily', season: 7, cutoff: '2024-05-19', horizon: HORIZON, snippet: CLASSICAL_SNIPPET });
    expect(file.test).toEqual(metrics.models[0]!.test);
    expect(file.howToUse.join('\n')).toMatch(/up to 2024-05-19.*14 days after it/s);
    expect(file.howToUse.join('\n')).toContain('etsPoint(series, h)');
    const arima = storedRun('arima');
    expect('snippet' in classicalParamsFile({ runId: null, metrics: arima.metrics, params: arima.params })).toBe(false);
  });

  it.each(['ets', 'theta', 'arima'] as const)('%s: per series its label, form and params, and the forecast the run stored, date by date', (model) => {
    const { params, metrics, sample, cutoff } = storedRun(model);
    const file = classicalParamsFile({ runId: 'run-1', metrics, params });
    expect(file.series.map((s) => s.label)).toEqual(['store a', 'store b', 'store c']);
    file.series.forEach((s, i) => {
      const stored = params.series[i]!;
      expect([s.form, s.params]).toEqual([stored.form, stored.params]);
      expect(s.forecast.map((f) => f.date)).toEqual(Array.from({ length: HORIZON }, (_, k) => dayToIso(cutoff + k + 1)));
      expect(s.forecast.map((f) => [f.p50, f.p10, f.p90])).toEqual(stored.p50.map((p50, k) => [p50, stored.p10[k], stored.p90[k]]));
    });
    // The run's forecast sample (what Evaluate draws) holds the biggest series as scored: the file says the same.
    const top = sample.rows.filter((r) => r.series !== 'total');
    const inFile = file.series.find((s) => s.label === top[0]!.series)!;
    expect(inFile.forecast).toEqual(top.map(({ date, p50, p10, p90 }) => ({ date, p50, p10, p90 })));
    // A series whose sales never change is forecast without a model (fallback), or by the model's own constant fit.
    const constant = file.series[2]!;
    expect(constant.forecast.every((f) => f.p50 === 5)).toBe(true);
    expect(constant.params).toEqual(model === 'arima' ? { order: [0, 0, 0], seasonal: [0, 0, 0], period: 7, coef: { intercept: 5 }, sigma2: 0, nobs: 140 } : { fallback: 'naive', last: 5, sd: 0 });
  });

  it('calendar: the shared coefficients by lm’s names, each series’ scale, no snippet; the JSON is the file, indented', () => {
    const { params, metrics } = storedRun('calendar');
    const file = classicalParamsFile({ runId: null, metrics, params });
    expect(file.runId).toBeNull();
    expect('snippet' in file).toBe(false);
    const shared = file.shared as { target: string; coefficients: Record<string, number> };
    expect(shared.target).toBe('log');
    expect(Object.keys(shared.coefficients)).toEqual(['(Intercept)', 't', 'dow1', 'dow2', 'dow3', 'dow4', 'dow5', 'dow6', ...Array.from({ length: 11 }, (_, i) => `mon${i + 2}`)]);
    expect(file.series.map((s) => [s.form, Object.keys(s.params)])).toEqual(Array(3).fill(['Calendar regression (log)', ['scale']]));
    expect(file.series[2]!.params).toEqual({ scale: 5 });
    expect(JSON.parse(classicalParamsJson({ runId: null, metrics, params }))).toEqual(file);
  });
});
