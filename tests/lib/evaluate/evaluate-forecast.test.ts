import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/lib/core/days';
import type { Frequency } from '../../../src/lib/data/types';
import { bias } from '../../../src/lib/evaluate/bias';
import { businessMetrics } from '../../../src/lib/evaluate/business-metrics';
import { evaluateForecast } from '../../../src/lib/evaluate/evaluate-forecast';
import { mae } from '../../../src/lib/evaluate/mae';
import { metricsToCsv } from '../../../src/lib/evaluate/metrics-downloads';
import { seasonalNaiveScale } from '../../../src/lib/evaluate/seasonal-naive-scale';
import { evaluateMessages } from '../../../src/lib/messages/evaluate';
import { naiveForecast } from '../../../src/lib/models/naive-forecast';
import type { Forecast } from '../../../src/lib/models/types';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import { isoDay, makeSales, type SalesRow } from '../eda/make-sales';
import { expectClose } from './expect-close';
import { metricsReference as reference, type MetricsCase } from './metrics-reference';

const FREQUENCY_OF_SEASON: Record<number, Frequency> = { 7: 'daily', 52: 'weekly', 12: 'monthly' };
const START = isoDay('2020-01-01');

function dateAt(frequency: Frequency, t: number): number {
  return frequency === 'daily' ? START + t : frequency === 'weekly' ? START + 7 * t : addMonths(START, t);
}

interface Built {
  rows: SalesRow[];
  forecast: Forecast;
  cutoff: number;
}

/** A reference case as one series of SalesData (training then test periods) and its forecast after the training. */
function buildCase(c: MetricsCase, { series = 0, store = 'A', quantiles = false } = {}): Built {
  const frequency = FREQUENCY_OF_SEASON[c.season]!;
  const values = [...c.y_train, ...c.y_true];
  const rows = values.map((sales, t) => ({ date: dateAt(frequency, t), sales, store }));
  const h = c.y_true.length;
  const forecast: Forecast = {
    series: new Int32Array(h).fill(series),
    date: Int32Array.from({ length: h }, (_, k) => dateAt(frequency, c.y_train.length + k)),
    step: Int32Array.from({ length: h }, (_, k) => k + 1),
    p50: Float64Array.from(c.y_pred),
  };
  if (quantiles) {
    forecast.p10 = Float64Array.from(reference.quantiles.by_quantile['0.1']!.pred);
    forecast.p90 = Float64Array.from(reference.quantiles.by_quantile['0.9']!.pred);
  }
  return { rows, forecast, cutoff: dateAt(frequency, c.y_train.length - 1) };
}

describe('evaluateForecast({ data, forecast, cutoff, cost, flags, baseline })', () => {
  // Golden values: ../shared/reference/metrics.json, computed with scipy/sklearn — see versions in the file.
  describe.each(reference.cases)('on reference case $name, built as SalesData', (c) => {
    it('gives the reference numbers in the data-scientist and expert views', () => {
      const frequency = FREQUENCY_OF_SEASON[c.season]!;
      const quantiles = c.name === reference.quantiles.case;
      const { rows, forecast, cutoff } = buildCase(c, { quantiles });
      const e = evaluateForecast({ data: makeSales(rows, { frequency }), forecast, cutoff, cost: defaultCostModel(frequency) });
      expect(e).toMatchObject({ rows: c.y_true.length, matched: c.y_true.length, horizon: c.y_true.length, season: c.season });
      expectClose(e.dataScientist.mae!, c.expected.mae);
      expectClose(e.dataScientist.rmse!, c.expected.rmse);
      expectClose(e.dataScientist.mase!, c.expected.mase);
      expectClose(e.dataScientist.smape!, c.expected.smape_pct);
      expectClose(e.expert.wape!, c.expected.wape);
      expectClose(e.expert.mape!, c.expected.mape_pct_zeros_excluded);
      expectClose(e.expert.bias!, c.expected.bias_mean_error);
      expectClose(e.expert.biasPercent!, c.expected.bias_pct_of_actual_sum);
      expectClose(e.bySeries[0]!.mase!, c.expected.mase);
      expect(e.byStep).toHaveLength(c.y_true.length);
      if (quantiles) {
        const q = reference.quantiles.by_quantile;
        expectClose(e.dataScientist.pinball.p10!, q['0.1']!.pinball_mean);
        expectClose(e.dataScientist.pinball.p50!, q['0.5']!.pinball_mean);
        expectClose(e.dataScientist.pinball.p90!, q['0.9']!.pinball_mean);
        expectClose(e.dataScientist.coverage80!, reference.quantiles.coverage_80);
      } else {
        expect(e.dataScientist.pinball.p10).toBeNull();
        expect(e.dataScientist.coverage80).toBeNull();
      }
    });
  });

  const daily = reference.cases[0]!;
  const twoSeries = () => {
    const a = buildCase(daily, { series: 0, store: 'A' });
    // B: the same shape at a tenth of the level with a constant error, so its MASE differs from A's.
    const bCase = { ...daily, y_train: daily.y_train.map((v) => v / 10), y_true: daily.y_true.map((v) => v / 10), y_pred: daily.y_true.map((v) => v / 10 + 1) };
    const b = buildCase(bCase, { series: 1, store: 'B' });
    const forecast: Forecast = {
      series: Int32Array.from([...a.forecast.series, ...b.forecast.series]),
      date: Int32Array.from([...a.forecast.date, ...b.forecast.date]),
      step: Int32Array.from([...a.forecast.step, ...b.forecast.step]),
      p50: Float64Array.from([...a.forecast.p50, ...b.forecast.p50]),
    };
    return { rows: [...a.rows, ...b.rows], forecast, cutoff: a.cutoff, bCase };
  };

  it('scales each series’ errors by its own MASE scale, then averages them all', () => {
    const { rows, forecast, cutoff, bCase } = twoSeries();
    const e = evaluateForecast({ data: makeSales(rows, { keys: ['store'] }), forecast, cutoff, cost: defaultCostModel('daily') });
    const maseB = 1 / seasonalNaiveScale(bCase.y_train, 7);
    expectClose(e.bySeries[1]!.mase!, maseB);
    expectClose(e.dataScientist.mase!, (daily.expected.mase + maseB) / 2);
    expect(e.bySeries.map((s) => s.label)).toEqual(['store A', 'store B']);
    expect(e.byStep[0]!.n).toBe(2);
  });

  it('breaks bias down by flag covariates (holiday, promo) on the forecast rows', () => {
    const { rows, forecast, cutoff } = buildCase(daily);
    rows.forEach((row, t) => (row.promo = t % 3 === 0 ? 1 : 0));
    const data = makeSales(rows, { covariates: ['promo'] });
    const e = evaluateForecast({ data, forecast, cutoff, cost: defaultCostModel('daily'), flags: ['promo', 'absent'] });
    const onRows = daily.y_true.map((_, k) => (daily.y_train.length + k) % 3 === 0);
    const pick = (values: number[], on: boolean) => values.filter((_, k) => onRows[k] === on);
    const [promo, absent] = e.expert.byFlag;
    expect(promo!.flag).toBe('promo');
    expectClose(promo!.on!.bias!, bias(pick(daily.y_true, true), pick(daily.y_pred, true)));
    expectClose(promo!.off!.bias!, bias(pick(daily.y_true, false), pick(daily.y_pred, false)));
    expect(absent).toEqual({ flag: 'absent', on: null, off: null });
  });

  it('adds the business view under the cost model, with savings against a baseline and a yearly value', () => {
    const { rows, forecast, cutoff } = buildCase(daily);
    const data = makeSales(rows);
    const cost = defaultCostModel('daily');
    const baseline = naiveForecast(data, { cutoff, horizon: daily.y_true.length }).forecast;
    const e = evaluateForecast({ data, forecast, cutoff, cost, baseline });
    const expected = businessMetrics(daily.y_true, daily.y_pred, cost, { baseline: baseline.p50 });
    expect(e.business).toMatchObject(expected);
    expectClose(e.business.value!.perYear, (expected.savings! / daily.y_true.length) * 365);
  });

  it('leaves out forecast rows without an actual, and warns about series without a MASE scale', () => {
    const rows = [...Array.from({ length: 10 }, (_, t) => ({ date: START + t, sales: 5, store: 'flat' }))];
    const forecast: Forecast = { series: Int32Array.of(0, 0), date: Int32Array.of(START + 9, START + 10), step: Int32Array.of(1, 2), p50: Float64Array.of(6, 6) };
    const e = evaluateForecast({ data: makeSales(rows, { keys: ['store'] }), forecast, cutoff: START + 8, cost: defaultCostModel('daily') });
    expect(e).toMatchObject({ rows: 2, matched: 1 });
    expect(e.dataScientist.mae).toBe(mae([5], [6]));
    expect(e.dataScientist.mase).toBeNull();
    expect(e.warnings).toEqual([evaluateMessages.noScale(1)]);
  });

  it('is plain JSON, and its per-series table writes as CSV', () => {
    const { rows, forecast, cutoff } = buildCase(daily, { quantiles: true });
    const e = evaluateForecast({ data: makeSales(rows), forecast, cutoff, cost: defaultCostModel('daily'), flags: ['holiday'] });
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
    expect(metricsToCsv(e.bySeries).split('\n')[0]).toBe(
      'key,n,actualSum,forecastSum,mae,rmse,wape,mape,smape,bias,biasPercent,label,mase',
    );
  });
});
