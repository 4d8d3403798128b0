import { describe, expect, it } from 'vitest';
import { bias } from '../../../src/lib/evaluate/bias';
import { biasPercent } from '../../../src/lib/evaluate/bias-percent';
import { intervalCoverage } from '../../../src/lib/evaluate/interval-coverage';
import { mae } from '../../../src/lib/evaluate/mae';
import { mape } from '../../../src/lib/evaluate/mape';
import { mase } from '../../../src/lib/evaluate/mase';
import { pinballLoss } from '../../../src/lib/evaluate/pinball-loss';
import { rmse } from '../../../src/lib/evaluate/rmse';
import { seasonalNaiveScale } from '../../../src/lib/evaluate/seasonal-naive-scale';
import { smape } from '../../../src/lib/evaluate/smape';
import { wape } from '../../../src/lib/evaluate/wape';
import { expectClose } from './expect-close';
import { metricsReference as reference } from './metrics-reference';

// Golden values: ../shared/reference/metrics.json, computed with scipy/sklearn — see versions in the file
// (scipy 1.10.1, sklearn 1.2.1, numpy 1.24.2). Its `definitions` are the contract each function below follows.

describe('metrics against ../shared/reference/metrics.json (scipy/sklearn)', () => {
  it('the reference is the one these tests were written for (versions and definitions)', () => {
    expect(reference.versions).toEqual({ scipy: '1.10.1', sklearn: '1.2.1', numpy: '1.24.2' });
    expect(Object.keys(reference.definitions).sort()).toEqual(['bias', 'coverage', 'mape', 'mase', 'pinball', 'smape', 'wape']);
    expect(reference.cases.map((c) => c.name)).toEqual(['daily_weekly_season', 'weekly_yearly_season', 'monthly_with_zeros']);
  });

  describe.each(reference.cases)('case $name (season $season)', ({ season, y_train, y_true, y_pred, expected }) => {
    it('mae(actual, forecast) and rmse(actual, forecast) match', () => {
      expectClose(mae(y_true, y_pred), expected.mae);
      expectClose(rmse(y_true, y_pred), expected.rmse);
    });

    it('mape(actual, forecast) is in percent with zero actuals excluded', () => {
      expectClose(mape(y_true, y_pred), expected.mape_pct_zeros_excluded);
    });

    it('mape(actual, forecast) / 100 equals sklearn’s MAPE fraction where y has no zeros (null where it has)', () => {
      const hasZero = y_true.includes(0);
      if (expected.sklearn_mape_fraction_all_points === null) expect(hasZero).toBe(true);
      else {
        expect(hasZero).toBe(false);
        expectClose(mape(y_true, y_pred) / 100, expected.sklearn_mape_fraction_all_points);
      }
    });

    it('smape(actual, forecast) is in percent, 0 where both are 0', () => {
      expectClose(smape(y_true, y_pred), expected.smape_pct);
    });

    it('wape(actual, forecast) is a fraction Σ|e| / Σ|y|', () => {
      expectClose(wape(y_true, y_pred), expected.wape);
    });

    it('seasonalNaiveScale(training, season) and mase(actual, forecast, scale) match', () => {
      const scale = seasonalNaiveScale(y_train, season);
      expectClose(scale, expected.mase_scale_insample_seasonal_naive_mae);
      expectClose(mase(y_true, y_pred, scale), expected.mase);
      // The same scale given per row (the many-series form) gives the same number for one series.
      expectClose(mase(y_true, y_pred, new Float64Array(y_true.length).fill(scale)), expected.mase);
    });

    it('bias(actual, forecast) is mean(ŷ − y) and biasPercent(actual, forecast) is a percent of Σy', () => {
      expectClose(bias(y_true, y_pred), expected.bias_mean_error);
      expectClose(biasPercent(y_true, y_pred), expected.bias_pct_of_actual_sum);
    });
  });

  describe(`quantiles of case ${reference.quantiles.case}`, () => {
    const base = reference.cases.find((c) => c.name === reference.quantiles.case)!;
    const { by_quantile } = reference.quantiles;

    it.each(Object.entries(by_quantile))('pinballLoss(actual, q%s, alpha) matches sklearn mean_pinball_loss', (alpha, { pred, pinball_mean }) => {
      expectClose(pinballLoss(base.y_true, pred, Number(alpha)), pinball_mean);
    });

    it('pinballLoss(actual, forecast, 0.5) is half the MAE (the 0.5 predictions are the point forecast)', () => {
      expect(by_quantile['0.5']!.pred).toEqual(base.y_pred);
      expectClose(pinballLoss(base.y_true, base.y_pred, 0.5), mae(base.y_true, base.y_pred) / 2);
    });

    it('intervalCoverage(actual, q0.1, q0.9) matches coverage_80 (bounds inclusive)', () => {
      expectClose(intervalCoverage(base.y_true, by_quantile['0.1']!.pred, by_quantile['0.9']!.pred), reference.quantiles.coverage_80);
    });
  });
});

describe('metric edge cases', () => {
  it('mae(actual, forecast) leaves NaN pairs out and is NaN over no pairs', () => {
    expect(mae([1, NaN, 3], [2, 5, NaN])).toBe(1);
    expect(mae([], [])).toBeNaN();
  });

  it('smape(actual, forecast) counts a pair of zeros as 0, not NaN', () => {
    expect(smape([0, 2], [0, 2])).toBe(0);
    expect(smape([0], [1])).toBe(200);
  });

  it('mape(actual, forecast) is NaN when every actual is 0; wape and biasPercent too', () => {
    expect(mape([0, 0], [1, 2])).toBeNaN();
    expect(wape([0, 0], [1, 2])).toBeNaN();
    expect(biasPercent([0, 0], [1, 2])).toBeNaN();
  });

  it('mase(actual, forecast, scale) leaves out rows whose scale is 0 or NaN', () => {
    expect(mase([1, 1, 1], [2, 3, 5], [1, 0, NaN])).toBe(1);
    expect(mase([1], [2], 0)).toBeNaN();
  });

  it('seasonalNaiveScale(training, season) skips pairs with a missing period and is NaN when too short', () => {
    expect(seasonalNaiveScale([1, NaN, 4, 2], 2)).toBe(3);
    expect(seasonalNaiveScale([1, 2], 7)).toBeNaN();
  });

  it('intervalCoverage(actual, lower, upper) includes both bounds', () => {
    expect(intervalCoverage([1, 2, 3, 4], [1, 1, 1, 1], [3, 3, 3, 3])).toBe(0.75);
  });
});
