/**
 * A stored run's results and outputs (RunMetrics and RunArtifacts, ./types.ts) as valibot schemas, checked before any
 * stage reads them: the Train cell restores a stored run as its result, Evaluate draws it, the Registry registers its
 * models and serving loads their weights — all of which walk these shapes without asking. A run written by a damaged
 * backup or an older app would otherwise break the stage that reads it first.
 *
 * What is checked is what the stages walk: every object and list on the way to a number, and each leaf's type. Leaves
 * that are "a number or null" accept NaN (metrics of an empty window are NaN in older runs; the views show "–").
 * Objects are loose: a field added later does not make an older app refuse a newer run. Optional fields are those the
 * types mark optional (absent in runs stored before they existed).
 */
import * as v from 'valibot';
import { FeatureSpecSchema } from '../features/parse-feature-spec';
import { backupMessages } from '../messages/storage';
import { ModelSpecSchema } from '../models/default-model-specs';

/** Any number, NaN included (valibot's number() refuses NaN). */
const number = v.custom<number>((value) => typeof value === 'number', backupMessages.number);
const metric = v.nullable(number);

const headline = v.looseObject({
  wape: metric, mae: metric, rmse: metric, smape: metric, mase: metric, bias: metric, coverage80: metric, cost: metric,
});

const group = v.looseObject({
  n: number, actualSum: number, forecastSum: number,
  mae: metric, rmse: metric, wape: metric, mape: metric, smape: metric, bias: metric, biasPercent: metric,
});

const evaluation = v.looseObject({
  cutoff: number,
  horizon: number,
  season: number,
  rows: number,
  matched: number,
  excluded: v.optional(number),
  dataScientist: v.looseObject({
    mae: metric, rmse: metric, mase: metric, smape: metric, coverage80: metric,
    pinball: v.looseObject({ p10: metric, p50: metric, p90: metric }),
  }),
  expert: v.looseObject({
    wape: metric, mape: metric, bias: metric, biasPercent: metric,
    byFlag: v.array(v.looseObject({ flag: v.string(), on: v.nullable(group), off: v.nullable(group) })),
  }),
  business: v.looseObject({
    periods: number, stockoutUnits: number, stockoutPeriods: number, overstockUnits: number,
    serviceLevel: metric, fillRate: metric, holdingCost: number, lostMargin: number, stockoutPenalty: number,
    errorCost: number, baselineErrorCost: metric, savings: metric,
    value: v.nullable(v.looseObject({ perPeriod: number, perYear: number, periodsPerYear: number })),
  }),
  byStep: v.array(group),
  bySeries: v.array(v.looseObject({ ...group.entries, label: v.string(), mase: metric })),
  warnings: v.array(v.string()),
});

const windowResult = v.looseObject({
  window: v.string(),
  cutoff: number,
  trainEnd: v.optional(number),
  trainStart: v.optional(v.nullable(number)),
  evaluation,
  custom: v.optional(v.array(v.looseObject({ name: v.string(), value: metric, error: v.nullable(v.string()) }))),
  history: v.array(v.looseObject({ epoch: number, loss: number, valLoss: number })),
  bestEpoch: v.nullable(number),
  warmStart: v.optional(v.boolean()),
  stoppedEarly: v.boolean(),
  durationMs: number,
});

const modelResult = v.looseObject({
  name: v.string(),
  family: v.picklist(['baseline', 'classical', 'neural', 'ensemble']),
  spec: v.nullable(ModelSpecSchema),
  windows: v.array(windowResult),
  backtest: headline,
  test: v.optional(v.nullable(headline)),
  members: v.optional(v.array(v.string())),
  forms: v.optional(v.array(v.string())),
  importance: v.nullable(v.array(v.looseObject({ feature: v.string(), increase: number }))),
});

/** RunRecord.metrics of a run that has results. */
export const RunMetricsSchema = v.looseObject({
  backend: v.nullable(v.picklist(['webgl', 'wasm', 'cpu'])),
  featureSpec: FeatureSpecSchema,
  horizon: number,
  folds: number,
  models: v.array(modelResult),
  best: v.nullable(v.string()),
  baseline: v.string(),
  selection: v.optional(
    v.looseObject({
      metric: v.string(),
      windows: v.array(v.string()),
      ranking: v.array(v.looseObject({ name: v.string(), score: number })),
      picked: v.nullable(v.string()),
    }),
  ),
  closed: v.optional(v.nullable(v.looseObject({ flag: v.string(), openOnly: v.boolean() }))),
});

/** A layer's trained weights (SerializedWeight), as IndexedDB keeps them and a backup brings them back. */
export const SerializedWeightSchema = v.looseObject({
  name: v.string(),
  shape: v.array(number),
  dtype: v.literal('float32'),
  data: v.instance(Float32Array),
});

/** A classical model's fit (ClassicalParams): the parameters are JSON for people and other tools, checked as an object. */
const classicalParams = v.looseObject({
  model: v.string(),
  frequency: v.string(),
  season: number,
  cutoff: v.string(),
  shared: v.optional(v.looseObject({})),
  series: v.array(
    v.looseObject({
      label: v.string(),
      form: v.string(),
      params: v.looseObject({}),
      dates: v.array(v.string()),
      p50: v.array(metric),
      p10: v.array(metric),
      p90: v.array(metric),
    }),
  ),
});

/** RunRecord.artifacts: the test window's weights per network, the feature state, the chart samples. */
export const RunArtifactsSchema = v.looseObject({
  featureState: v.optional(v.looseObject({})),
  featureSql: v.optional(v.looseObject({ duckdb: v.string(), spark: v.string() })),
  classical: v.optional(v.array(classicalParams)),
  weights: v.array(v.looseObject({ model: v.string(), weights: v.array(SerializedWeightSchema) })),
  samples: v.optional(
    v.array(
      v.looseObject({
        model: v.string(),
        rows: v.array(
          v.looseObject({ date: v.string(), series: v.string(), actual: metric, p10: metric, p50: metric, p90: metric }),
        ),
      }),
    ),
  ),
});
