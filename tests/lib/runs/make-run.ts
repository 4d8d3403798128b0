// Realistic stored runs for the runs tests (pure: usable in Node and in the browser). Shaped as the training
// pipeline stores them: RunRecord with a NotebookConfig as `config` and RunMetrics as `metrics`.
import type { ForecastEvaluation } from '../../../src/lib/evaluate/evaluate-forecast';
import type { FeatureSpec } from '../../../src/lib/features/types';
import type { EpochReport } from '../../../src/lib/models/train-types';
import { defaultModelSpec, MODEL_KINDS } from '../../../src/lib/models/default-model-specs';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../../src/lib/notebook/config';
import type { HeadlineMetrics, ModelResult, RunMetrics } from '../../../src/lib/runs/types';
import type { JsonObject, RunRecord, RunStatus } from '../../../src/lib/storage/records';

export const DATA_HASH = 'a1b2c3d4'.repeat(8);
export const OTHER_HASH = 'f0e1d2c3'.repeat(8);

export const FEATURES: FeatureSpec = {
  version: 1,
  lags: [1, 7, 14],
  rolling: [{ window: 7, stats: ['mean'] }],
  calendar: { dayOfWeek: true, month: true, weekOfYear: false, holiday: null, holidayDistance: false },
  covariates: [],
  seriesIdentity: 'one-hot',
  target: 'series-scale',
  scale: 'standard',
};

export interface MakeRunOptions {
  status?: RunStatus;
  created?: string;
  seed?: number;
  /** Hidden widths of the MLP (models.candidates[1].hidden). */
  mlpHidden?: number[];
  lags?: number[];
  dataHash?: string;
  /** Multiplies every model's errors: < 1 is a better run. */
  errorScale?: number;
  /** Epochs the neural models trained for. */
  epochs?: number;
  backend?: 'webgl' | 'wasm' | 'cpu';
  horizon?: number;
  /** Results are stored only for 'done' runs unless set. */
  withMetrics?: boolean;
  stage?: NotebookConfig['stage'];
}

export function makeConfig(options: MakeRunOptions = {}): NotebookConfig {
  const config = structuredClone(DEFAULT_CONFIG);
  config.seed = options.seed ?? 42;
  config.horizon = options.horizon ?? 14;
  config.stage = options.stage ?? 'train';
  config.features = { ...structuredClone(FEATURES), lags: options.lags ?? FEATURES.lags };
  config.models.candidates = MODEL_KINDS.map(defaultModelSpec);
  const mlp = config.models.candidates[1];
  if (mlp && options.mlpHidden) mlp.hidden = options.mlpHidden;
  return config;
}

export function makeRun(id: string, options: MakeRunOptions = {}): RunRecord {
  const status = options.status ?? 'done';
  const created = options.created ?? '2024-05-01T10:00:00.000Z';
  const withMetrics = options.withMetrics ?? status === 'done';
  return {
    id,
    created,
    updated: created,
    config: makeConfig(options) as unknown as JsonObject,
    dataHash: options.dataHash ?? DATA_HASH,
    status,
    metrics: withMetrics ? (makeMetrics(options) as unknown as JsonObject) : null,
    artifacts: withMetrics ? { weights: [{ model: 'mlp', weights: [{ name: 'dense/kernel', shape: [2], dtype: 'float32', data: new Float32Array([0.5, -1]) }] }] } : null,
    durationMs: status === 'running' ? null : 65_000,
    appVersion: '0.1.0',
  };
}

/** Backtest metrics per model before `errorScale`: the MLP is best, seasonal naive the baseline. */
const BASE: Record<string, { wape: number; mase: number; cost: number }> = {
  ridge: { wape: 0.24, mase: 0.9, cost: 5200 },
  mlp: { wape: 0.2, mase: 0.8, cost: 4600 },
  cnn: { wape: 0.22, mase: 0.85, cost: 4900 },
  naive: { wape: 0.35, mase: 1.3, cost: 7400 },
  'seasonal-naive': { wape: 0.3, mase: 1.1, cost: 6800 },
  'moving-average': { wape: 0.32, mase: 1.2, cost: 7000 },
};

export function makeMetrics(options: MakeRunOptions = {}): RunMetrics {
  const scale = options.errorScale ?? 1;
  const epochs = options.epochs ?? 12;
  const horizon = options.horizon ?? 14;
  const models: ModelResult[] = Object.entries(BASE).map(([name, base], m) => {
    const neural = name === 'ridge' || name === 'mlp' || name === 'cnn';
    const backtest = headline(base.wape * scale, base.mase * scale, base.cost * scale);
    return {
      name: name as ModelResult['name'],
      family: neural ? 'neural' : 'baseline',
      spec: neural ? defaultModelSpec(name as 'ridge' | 'mlp' | 'cnn') : null,
      windows: ['fold 1', 'fold 2', 'test'].map((window, w) => ({
        window,
        cutoff: 19_700 + w * horizon,
        evaluation: evaluation(backtest, horizon),
        history: neural ? history(epochs, scale, m + w) : [],
        bestEpoch: neural ? epochs - 2 : null,
        stoppedEarly: neural,
        durationMs: 1500,
      })),
      backtest,
      importance: neural ? [{ feature: 'lag_1', increase: 3.2 }, { feature: 'lag_7', increase: 1.1 }] : null,
    };
  });
  return {
    backend: options.backend ?? 'wasm',
    featureSpec: { ...FEATURES, lags: options.lags ?? FEATURES.lags },
    horizon,
    folds: 2,
    models,
    best: 'mlp',
    baseline: 'seasonal-naive',
  };
}

function headline(wape: number, mase: number, cost: number): HeadlineMetrics {
  return { wape, mase, mae: wape * 40, rmse: wape * 55, smape: wape * 100, bias: -0.5 * wape, coverage80: 0.78, cost };
}

/** A falling training loss and a validation loss that flattens a little above it. */
function history(epochs: number, scale: number, offset: number): EpochReport[] {
  return Array.from({ length: epochs }, (_, i) => ({
    epoch: i + 1,
    loss: scale * (0.2 + 0.8 * Math.exp(-(i + offset * 0.1) / 3)),
    valLoss: scale * (0.26 + 0.7 * Math.exp(-(i + offset * 0.1) / 3.5)),
    ms: 120,
  }));
}

function evaluation(h: HeadlineMetrics, horizon: number): ForecastEvaluation {
  return {
    cutoff: 19_700,
    horizon,
    season: 7,
    rows: horizon * 50,
    matched: horizon * 50,
    dataScientist: { mae: h.mae, rmse: h.rmse, mase: h.mase, smape: h.smape, pinball: { p10: 1, p50: 2, p90: 1 }, coverage80: h.coverage80 },
    expert: { wape: h.wape, mape: null, bias: h.bias, biasPercent: null, byFlag: [] },
    business: {
      periods: horizon * 50, stockoutUnits: 10, stockoutPeriods: 4, overstockUnits: 12, serviceLevel: 0.9, fillRate: 0.95,
      holdingCost: 10, lostMargin: 20, stockoutPenalty: 5, errorCost: h.cost ?? 0, baselineErrorCost: null, savings: null, value: null,
    },
    byStep: [],
    bySeries: [],
    warnings: [],
  };
}
