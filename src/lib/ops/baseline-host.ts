import { baselineForecast } from '../models/baseline-forecast';
import type { BaselineKind } from '../models/types';
import { dayToIso } from '../core/days';
import { advancePeriods } from '../core/periods';
import type { ModelHost } from './types';
import { versionMetricsFromForecast } from '../registry/version-metrics';
import { seasonalNaiveRows } from './seasonal-naive-rows';

const BASELINES: readonly string[] = ['naive', 'seasonal-naive', 'moving-average'];

export function isBaselineModel(model: string): model is BaselineKind {
  return BASELINES.includes(model);
}

/**
 * Serving for a registered baseline (naive, seasonal naive, moving average): nothing to load, nothing to fit, so
 * "retraining" one only re-scores it on the newest actuals. A team can register seasonal naive as its first champion;
 * Node tests drive the whole operations loop through it without tfjs.
 */
export function createBaselineHost(): ModelHost {
  return {
    async load(version) {
      if (!isBaselineModel(version.model)) throw new Error(`${version.model} is not a baseline`);
      const kind = version.model;
      return {
        versionId: version.id,
        prepare: () => undefined,
        forecast: async (data, options) => baselineForecast(kind, data, options).forecast,
        predictRows: async (data, range) => seasonalNaiveRows(data, range),
        dispose: () => undefined,
      };
    },
    async retrain({ data, parent, start, end, validationPeriods, cost }) {
      if (!isBaselineModel(parent.model)) throw new Error(`${parent.model} is not a baseline`);
      const cutoff = advancePeriods(end, -validationPeriods, data.frequency);
      const forecast = baselineForecast(parent.model, data, { cutoff, horizon: validationPeriods }).forecast;
      return {
        draft: {
          source: 'retrain',
          runId: null,
          model: parent.model,
          spec: null,
          featureSpec: parent.featureSpec,
          dataHash: parent.dataHash,
          seed: parent.seed,
          backend: null,
          trainEnd: end,
          trainStart: start,
          metrics: versionMetricsFromForecast({ data, forecast, cutoff, horizon: validationPeriods, cost }),
          description: `${parent.model} re-scored on the actuals through ${dayToIso(end)}.`,
          parent: parent.id,
        },
        artifact: null,
      };
    },
  };
}
