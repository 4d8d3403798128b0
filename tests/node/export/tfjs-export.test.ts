import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { layersModelFiles } from '../../../src/adapters/tf-export';
import { createPredictor, fitForEpochs, type Predictor } from '../../../src/adapters/tf-train';
import { dayToIso } from '../../../src/lib/core/days';
import { modelBundle, zipBundle, type ForecastInputs, type ForecastsJson, type BaselineParams, type VersionNetwork } from '../../../src/lib/export/tfjs-bundle';
import { applyFeatures } from '../../../src/lib/features/apply-features';
import { defaultFeatureSpec } from '../../../src/lib/features/default-feature-spec';
import { featureSql } from '../../../src/lib/features/feature-sql';
import { fitFeatureState } from '../../../src/lib/features/fit-feature-state';
import type { FeatureSpec } from '../../../src/lib/features/types';
import { baselineForecast } from '../../../src/lib/models/baseline-forecast';
import { defaultModelSpec } from '../../../src/lib/models/default-model-specs';
import { modelOutputWidth } from '../../../src/lib/models/model-output-width';
import type { SerializedWeight } from '../../../src/lib/models/train-types';
import type { BaselineKind, Forecast, ModelSpec } from '../../../src/lib/models/types';
import { createRegistry } from '../../../src/lib/registry/registry';
import { registerVersion } from '../../../src/lib/registry/registry-actions';
import type { ModelVersion, VersionDraft } from '../../../src/lib/registry/types';
import { fitBatchSize } from '../../../src/lib/train/fit-batch-size';
import { sequenceColumns } from '../../../src/lib/train/sequence-columns';
import { DataPipeline } from '../../../src/workers/data-pipeline';
import { createTfHost } from '../../../src/workers/ops-host';
import { exampleSales } from '../../lib/features/example-sales';
import { expectSameForecast, forecastsJsonRows, parsed, readmeScript, runScript, scriptRows, text, unzipBundle, type Rows } from './bundle-check';

// A registered version downloaded as a zip (Registry → "Download model"), checked the way someone outside Forecast
// Lab would use it: the network trained and registered through the app's own code (the data worker's final matrix, the
// train worker's fit), the zip unpacked, model.json loaded with tf.loadLayersModel, and the README's own script run with
// node in a folder of its own; both must give the forecasts the app serves for that version (the ops worker's host), to
// 1e-5. The cpu backend throughout, as in the other Node tests.

const H = 14;
const data = exampleSales({ stores: 2, products: 2, days: 300 });
const cutoff = data.date.reduce((newest, day, i) => (Number.isFinite(data.sales[i]) ? Math.max(newest, day) : newest), -Infinity);
const NOW = new Date('2025-03-01T09:00:00Z');
const NO_METRICS = {
  wape: null, mase: null, mae: null, rmse: null, bias: null, coverage80: null, cost: null,
  baselineWape: null, baselineCost: null, serviceLevel: null, stockoutUnits: null, overstockUnits: null,
};

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('cpu');
});

function register(draft: Omit<VersionDraft, 'source' | 'runId' | 'dataHash' | 'description' | 'parent' | 'metrics'>): ModelVersion {
  const full: VersionDraft = { ...draft, source: 'train', runId: 'run-1', dataHash: 'c0ffee', metrics: NO_METRICS, description: '', parent: null };
  return registerVersion(createRegistry('forecaster'), full, { now: NOW, why: 'exported in a test', actor: 'you' }).version;
}

/** The fit before registering, as the train worker does it: the data worker's rows up to the data's end, a few epochs. */
async function registeredNetwork(configured: ModelSpec, featureSpec: FeatureSpec): Promise<{ version: ModelVersion; weights: SerializedWeight[] }> {
  const final = new DataPipeline().finalMatrix(data, { spec: featureSpec, trainingWindow: null, ...(configured.steps ? { steps: configured.steps } : {}) });
  const spec = fitBatchSize(configured, final.rows.rows);
  const weights = await fitForEpochs({ spec, seed: 7, rows: final.rows, epochs: 2, sequence: spec.kind === 'cnn' ? final.sequence : null });
  const version = register({ model: spec.kind, spec, featureSpec, seed: 7, backend: 'cpu', trainEnd: final.trainEnd, trainStart: final.trainStart });
  return { version, weights };
}

/** What the ops worker serves for the version (its host, as the Deploy stage's endpoint). */
async function appForecast(version: ModelVersion, weights: SerializedWeight[]): Promise<Forecast> {
  const served = await createTfHost({ weights: new Map([[version.id, weights]]) }).load(version);
  try {
    return await served.forecast(data, { cutoff, horizon: H });
  } finally {
    served.dispose();
  }
}

/** The version's network with this process's tfjs, as a train worker answers the data worker in the app. */
function network(spec: ModelSpec, weights: SerializedWeight[]): VersionNetwork & { dispose(): void } {
  let predictor: Predictor | null = null;
  return {
    predict: (x, rows, columns) => (predictor ??= createPredictor({ spec, weights, ...columns })).predict(x, rows),
    layersModel: (columns) => layersModelFiles({ spec, weights, ...columns }),
    dispose: () => predictor?.dispose(),
  };
}

/** The zip as someone gets it: downloaded, unpacked into one folder. */
async function downloaded(version: ModelVersion, net: VersionNetwork | null): Promise<{ folder: string; files: Map<string, Uint8Array> }> {
  const bundle = await modelBundle({ data, version, horizon: H, network: net });
  const unzipped = unzipBundle(zipBundle(bundle, { mtime: Date.parse(version.created) }));
  expect(unzipped.folder).toBe(bundle.name);
  return unzipped;
}

/** The app's forecast per series label, step by step. */
function rowsOf(forecast: Forecast): Rows {
  const rows: Rows = new Map();
  for (let i = 0; i < forecast.p50.length; i++) {
    const label = data.seriesLabels[forecast.series[i] as number] as string;
    const list = rows.get(label) ?? [];
    list.push({
      date: dayToIso(forecast.date[i] as number),
      p50: forecast.p50[i] as number,
      ...(forecast.p10 ? { p10: forecast.p10[i] as number } : {}),
      ...(forecast.p90 ? { p90: forecast.p90[i] as number } : {}),
    });
    rows.set(label, list);
  }
  return rows;
}

describe('modelBundle(…) of a registered network, zipped (the Registry’s “Download model (TF.js)”)', () => {
  const featureSpec = defaultFeatureSpec(data);
  const cases: { name: string; spec: ModelSpec; oneSeries?: boolean }[] = [
    // Quantile loss and the app's own dropout layer (which a plain loadLayersModel could not read): left out.
    { name: 'an mlp with dropout and the quantile loss, recursive', spec: { ...defaultModelSpec('mlp'), hidden: [16, 8], dropout: 0.2 } },
    // Two inputs in the app (lag patches, other columns): one feature row in the file.
    { name: 'a cnn, recursive', spec: { ...defaultModelSpec('cnn'), hidden: [4, 8], kernelSize: 3, dropout: 0.1 } },
    // And the README's example command: one series, by its label.
    { name: 'a direct multi-horizon ridge with the mse loss', spec: { ...defaultModelSpec('ridge'), loss: 'mse', steps: H }, oneSeries: true },
  ];

  for (const { name, spec: configured, oneSeries } of cases) {
    it(`${name}: model.json loads with tf.loadLayersModel, and the README's script reproduces the app's forecasts to 1e-5`, async () => {
      const { version, weights } = await registeredNetwork(configured, featureSpec);
      const spec = version.spec as ModelSpec;
      const expected = rowsOf(await appForecast(version, weights));
      expect(expected.size).toBe(data.seriesLabels.length);

      const net = network(spec, weights);
      const tensorsBefore = tf.memory().numTensors;
      const { files } = await downloaded(version, net);
      net.dispose();
      expect(tf.memory().numTensors).toBe(tensorsBefore);
      expect([...files.keys()].sort()).toEqual(
        ['README.md', 'feature-spec.json', 'feature-state.json', 'features.duckdb.sql', 'features.spark.sql', 'forecast.mjs', 'forecasts.json', 'group1-shard1of1.bin', 'inputs.json', 'model-spec.json', 'model.json'].sort(),
      );
      expect(parsed(files, 'model-spec.json')).toEqual(spec);
      expect(parsed(files, 'feature-spec.json')).toEqual(featureSpec);
      // The state serving refits from the rows up to the version's trainEnd.
      const state = fitFeatureState(data, featureSpec, { trainEnd: version.trainEnd });
      expect(parsed(files, 'feature-state.json')).toEqual(state);
      // The features as SQL (DuckDB runs it against the app's values in tests/lib/features/feature-sql.test.ts), fit to
      // the same trainEnd, for the same columns, reading the sales.csv the README names.
      const sqlOptions = { columns: data.mapping, frequency: data.frequency, trainEnd: version.trainEnd, names: state.names };
      expect(text(files, 'features.duckdb.sql')).toBe(featureSql(featureSpec, { ...sqlOptions, dialect: 'duckdb', source: "read_csv_auto('sales.csv')" }));
      expect(text(files, 'features.spark.sql')).toBe(featureSql(featureSpec, { ...sqlOptions, dialect: 'spark', source: 'sales' }));

      // model.json is TF.js's layers format: read here through an IOHandler of our own, as a file picker would hand it over.
      const modelJson = parsed<tf.io.ModelJSON>(files, 'model.json');
      expect(modelJson.format).toBe('layers-model');
      expect(modelJson.weightsManifest).toHaveLength(1);
      expect(modelJson.weightsManifest[0]!.paths).toEqual(['group1-shard1of1.bin']);
      const bin = files.get('group1-shard1of1.bin') as Uint8Array;
      const handler: tf.io.IOHandler = {
        load: () => tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => [manifest.flatMap((group) => group.weights), bin.slice().buffer]),
      };
      const loaded = await tfl.loadLayersModel(handler);
      expect(loaded.inputs.map((input) => input.shape)).toEqual([[null, state.names.length]]);
      // On the app's own feature rows, it predicts what the app's model predicts.
      const matrix = applyFeatures(data, featureSpec, state);
      const rows = 200;
      const x = matrix.x.subarray(0, rows * state.names.length);
      const predictor = createPredictor({ spec, weights, width: state.names.length, sequence: spec.kind === 'cnn' ? sequenceColumns(state.names) : null });
      const appOutputs = await predictor.predict(x.slice(), rows);
      predictor.dispose();
      const fileOutputs = tf.tidy(() => (loaded.predict(tf.tensor2d(x, [rows, state.names.length])) as tf.Tensor).dataSync());
      loaded.dispose();
      expect(fileOutputs).toHaveLength(rows * modelOutputWidth(spec));
      expect(Math.max(...Array.from(fileOutputs, (v, i) => Math.abs(v - (appOutputs[i] as number))))).toBeLessThanOrEqual(1e-6);

      // forecasts.json is what the app serves; inputs.json covers every series it forecasts, step by step.
      expectSameForecast(forecastsJsonRows(parsed<ForecastsJson>(files, 'forecasts.json')), expected);
      const inputs = parsed<ForecastInputs>(files, 'inputs.json');
      expect(inputs.series.map((s) => s.label)).toEqual([...expected.keys()]);
      expect(inputs.series.every((s) => s.known.length === (spec.steps ? 1 : H) && s.known.every((row) => row.length + inputs.historyColumns.length === state.names.length))).toBe(true);

      // The README's script, run as the README says (shipped as forecast.mjs too), in a fresh node process.
      const readme = text(files, 'README.md');
      const script = readmeScript(readme);
      expect(text(files, 'forecast.mjs')).toBe(script);
      expectSameForecast(scriptRows(await runScript(files, script)), expected);
      if (oneSeries) {
        const label = data.seriesLabels[0] as string;
        expect(readme).toContain(`node forecast.mjs ${JSON.stringify(label)}`);
        expectSameForecast(scriptRows(await runScript(files, script, [label])), new Map([[label, expected.get(label)!]]));
      }
    }, 60_000);
  }
});

describe('modelBundle(…) of a registered baseline (params.json, the formula in the README)', () => {
  const kinds: BaselineKind[] = ['naive', 'seasonal-naive', 'moving-average'];
  for (const kind of kinds) {
    it(`${kind}: step k of each series is pattern[(k − 1) mod length], the app's forecast${kind === 'seasonal-naive' ? ' (the README’s script says so too)' : ''}`, async () => {
      const version = register({ model: kind, spec: null, featureSpec: defaultFeatureSpec(data), seed: 1, backend: null, trainEnd: cutoff - H, trainStart: null });
      const { files } = await downloaded(version, null);
      expect([...files.keys()].sort()).toEqual(['README.md', 'forecast.mjs', 'forecasts.json', 'params.json']);
      const params = parsed<BaselineParams>(files, 'params.json');
      expect(params.series.map((s) => s.pattern.length)).toEqual(data.seriesLabels.map(() => (kind === 'seasonal-naive' ? 7 : 1)));
      const app = baselineForecast(kind, data, { cutoff, horizon: H }).forecast;
      const expected = new Map([...rowsOf(app)].map(([label, rows]) => [label, rows.map(({ date, p50 }) => ({ date, p50 }))]));
      expectSameForecast(forecastsJsonRows(parsed<ForecastsJson>(files, 'forecasts.json')), expected);
      // The README's formula, on params.json alone; and for one kind its script (the same for all three).
      const dated = (series: { label: string; p50: number[] }[]) => new Map(series.map((s) => [s.label, s.p50.map((p50, k) => ({ date: expected.get(s.label)![k]!.date, p50 }))]));
      const byFormula = params.series.map(({ label, pattern }) => ({ label, p50: Array.from({ length: H }, (_, k) => pattern[k % pattern.length] as number) }));
      expectSameForecast(dated(byFormula), expected);
      const script = readmeScript(text(files, 'README.md'));
      expect(text(files, 'forecast.mjs')).toBe(script);
      if (kind === 'seasonal-naive') expectSameForecast(dated((await runScript(files, script, [String(H)])) as { label: string; p50: number[] }[]), expected);
    }, 30_000);
  }
});
