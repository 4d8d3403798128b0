/**
 * A registered version as a zip anyone can forecast with, outside Forecast Lab (the Registry's "Download model"):
 *
 *   network (ridge, mlp, cnn)                                  baseline (naive, seasonal naive, moving average)
 *     1. the feature state, refit as serving refits it           1. the app's forecast from the newest actual, and
 *        (rows up to the version's trainEnd)                        the values it repeats (params.json)
 *     2. the app's forecast from the newest actual
 *        (forecastFromFeatures, the network predicting)
 *     3. inputs.json: what that forecast read, per series
 *     4. model.json + weights (the TF.js layers format; the
 *        train worker writes them, src/adapters/tf-export.ts)
 *   ──► the specs, forecasts.json and a README with a Node snippet (src/lib/messages/export-model.ts) ──► zipBundle
 *
 * inputs.json is the choice that keeps the snippet short and exact: for each series, the last `warmup` transformed
 * sales and, per step, the columns that do not depend on the sales history (calendar, holidays, covariates with their
 * fills, series identity) as the app computed them. The snippet only adds the lag and rolling columns, which the
 * recursion changes, scales the row, predicts and feeds the median back: the calendar, holiday and fill rules are not
 * re-implemented in it. Forecasting after newer actuals needs them in your own code; the README spells them out, and
 * feature-spec.json and feature-state.json hold everything they read.
 *
 * The classical models (ETS, Theta, ARIMA, the calendar regression) are not registered (servableModels), so none is
 * downloaded here.
 */
import { zipSync, type Zippable } from 'fflate';
import { dayToIso } from '../core/days';
import type { Frequency, SalesData } from '../data/types';
import { SEASON_LENGTH } from '../data/validate-sales';
import { compileFeatures, type HistoryColumn } from '../features/compile-features';
import { featureQueries } from '../features/feature-sql';
import { fitFeatureState } from '../features/fit-feature-state';
import { forecastFromFeatures, forecastOrigins, outputColumns } from '../features/forecast-from-features';
import type { FeatureSpec, FeatureState } from '../features/types';
import { BASELINE_SNIPPET, baselineReadme, exportModelTexts, TFJS_SNIPPET, tfjsReadme } from '../messages/export-model';
import { baselineForecast } from '../models/baseline-forecast';
import { modelOutputWidth } from '../models/model-output-width';
import type { SequenceColumns } from '../models/train-types';
import type { BaselineKind, Forecast, ModelSpec } from '../models/types';
import { isBaselineModel } from '../ops/baseline-host';
import type { ModelVersion } from '../registry/types';
import { sequenceColumns } from '../train/sequence-columns';

export const TFJS_MODEL_FILE = 'model.json';
/** The TF.js converter's name for a model's one weights shard. */
export const TFJS_WEIGHTS_FILE = 'group1-shard1of1.bin';

/** A network in the TF.js layers format: model.json's text and the bytes of its weights shard. */
export interface LayersModelFiles {
  modelJson: string;
  weights: Uint8Array;
}

/** A network's input row: its width, and the CNN's lag window within it. */
export interface NetworkColumns {
  width: number;
  sequence: SequenceColumns | null;
}

/** The version's network, wherever tfjs runs (a train worker in the app, the test's own tfjs in Node). */
export interface VersionNetwork {
  /** Forward pass: rows × width scaled features in, rows × modelOutputWidth(spec) out. */
  predict(x: Float32Array, rows: number, columns: NetworkColumns): Promise<Float32Array>;
  layersModel(columns: NetworkColumns): Promise<LayersModelFiles>;
}

export interface ModelBundleOptions {
  /** The cleaned table the version serves: its newest actual is the forecast's origin. */
  data: SalesData;
  version: ModelVersion;
  /** Periods to forecast (a direct model's steps at most). */
  horizon: number;
  /** The version's network; null for a baseline. */
  network: VersionNetwork | null;
}

export interface ModelBundle {
  /** The folder the files sit in inside the zip, and the zip's name without `.zip`. */
  name: string;
  /** File name → contents, in the order they are zipped. */
  files: Map<string, string | Uint8Array>;
}

/** The files for `version`: a TF.js bundle for a network, params.json for a baseline. */
export async function modelBundle(options: ModelBundleOptions): Promise<ModelBundle> {
  const { data, version } = options;
  const cutoff = newestActual(data);
  if (isBaselineModel(version.model)) return baselineBundle({ data, version, kind: version.model, cutoff, horizon: options.horizon });
  if (!options.network || version.spec === null) throw new Error(exportModelTexts.noNetwork(version.id));
  return networkBundle({ ...options, network: options.network, cutoff });
}

/** What a recursive (or direct) forecast of one series reads, beyond the network: see the file's doc comment. */
export interface ForecastInputs {
  cutoff: string;
  horizon: number;
  target: FeatureSpec['target'];
  /** What the row's first columns read from the history (the rest of the row is each step's `known`). */
  historyColumns: HistoryColumn[];
  /** The network's outputs: `perStep` per step (a direct model's steps one after another), and the quantiles' columns. */
  outputs: { steps: number; perStep: number; p50: number; p10: number | null; p90: number | null };
  series: {
    label: string;
    /** The series' 'series-scale' divisor. */
    scale: number;
    /** Every output is held to [low, high] (transformed units) before it becomes sales or is fed back. */
    bounds: [number, number];
    /** The last `warmup` transformed sales up to the cutoff, oldest first. */
    history: number[];
    dates: string[];
    /** Per step (one row for a direct model), the raw values of the columns after the history columns. */
    known: number[][];
  }[];
}

async function networkBundle(options: ModelBundleOptions & { network: VersionNetwork; cutoff: number }): Promise<ModelBundle> {
  const { data, version, network, cutoff } = options;
  const spec = version.spec as ModelSpec;
  const featureSpec = version.featureSpec as FeatureSpec;
  const horizon = spec.steps ? Math.min(options.horizon, spec.steps) : options.horizon;
  // 1. As the ops worker's serving model fits it: the rows up to the version's trainEnd give back its training state.
  const state = fitFeatureState(data, featureSpec, { trainEnd: version.trainEnd });
  const columns: NetworkColumns = { width: state.names.length, sequence: spec.kind === 'cnn' ? sequenceColumns(state.names) : null };
  const quantiles = spec.loss === 'quantile' ? spec.quantiles : undefined;
  // 2.
  const forecast = await forecastFromFeatures({
    data, spec: featureSpec, state, cutoff, horizon, predict: (x, rows) => network.predict(x, rows, columns),
    ...(quantiles ? { quantiles } : {}),
    ...(spec.steps ? { steps: spec.steps } : {}),
  });
  // 3, 4.
  const inputs = forecastInputs({ data, featureSpec, state, spec, cutoff, horizon });
  const model = await network.layersModel(columns);
  const name = bundleName(version, 'tfjs');
  const files = new Map<string, string | Uint8Array>([
    [
      'README.md',
      tfjsReadme({
        version, spec, featureSpec, names: state.names, frequency: data.frequency, cutoff: inputs.cutoff, horizon,
        series: inputs.series.length, exampleLabel: inputs.series[0]?.label ?? null,
      }),
    ],
    ['forecast.mjs', TFJS_SNIPPET],
    [TFJS_MODEL_FILE, model.modelJson],
    [TFJS_WEIGHTS_FILE, model.weights],
    ['model-spec.json', json(spec)],
    ['feature-spec.json', json(featureSpec)],
    ['feature-state.json', json(state)],
    ...sqlFiles(featureSpec, { data, state }),
    ['inputs.json', json(inputs)],
    ['forecasts.json', json(forecastsJson({ data, version, forecast, cutoff, horizon }))],
  ]);
  return { name, files };
}

/** The same features as SQL, fit to the version's trainEnd (the state's): for building them where the data lives. */
function sqlFiles(featureSpec: FeatureSpec, { data, state }: { data: SalesData; state: FeatureState }): [string, string][] {
  const queries = featureQueries(featureSpec, { columns: data.mapping, frequency: data.frequency, trainEnd: state.trainEnd, names: state.names, fileName: 'sales.csv' });
  return Object.entries(queries ?? {}).map(([dialect, sql]) => [`features.${dialect}.sql`, sql]);
}

/**
 * inputs.json (ForecastInputs): for each series forecastFromFeatures forecasts, what it read at each step, written
 * through the same row writer. Columns after the history columns never read z, so the steps not yet predicted do not
 * matter to them.
 */
function forecastInputs(options: { data: SalesData; featureSpec: FeatureSpec; state: FeatureState; spec: ModelSpec; cutoff: number; horizon: number }): ForecastInputs {
  const { data, featureSpec, state, spec, cutoff, horizon } = options;
  const compiled = compileFeatures(data, featureSpec, state);
  const origins = forecastOrigins({ data, spec: featureSpec, compiled, cutoff, horizon });
  const steps = spec.steps ?? 1;
  const perStep = modelOutputWidth(spec) / steps;
  const { median, p10, p90 } = outputColumns(perStep, 1, spec.loss === 'quantile' ? spec.quantiles : undefined);
  const values = new Float64Array(compiled.names.length);
  const historyWidth = compiled.history.length;
  return {
    cutoff: dayToIso(cutoff),
    horizon,
    target: featureSpec.target,
    historyColumns: compiled.history,
    outputs: { steps, perStep, p50: median, p10: p10 >= 0 ? p10 : null, p90: p90 >= 0 ? p90 : null },
    series: origins.map(({ series, history, base, dates, bounds }) => {
      const known: number[][] = [];
      for (let h = 1; h <= (steps > 1 ? 1 : horizon); h++) {
        compiled.write({ z: history.z, pos: base + h, date: dates[h - 1] as number, row: history.rowAt[base + h] ?? -1, series }, values);
        known.push(Array.from(values.subarray(historyWidth)));
      }
      return {
        label: data.seriesLabels[series] as string,
        scale: compiled.scaleOf[series] as number,
        bounds,
        history: Array.from(history.z.subarray(base + 1 - compiled.warmup, base + 1)),
        dates: Array.from(dates, dayToIso),
        known,
      };
    }),
  };
}

/** params.json of a baseline: per series, the values its forecast repeats (step k takes pattern[(k − 1) mod length]). */
export interface BaselineParams {
  model: BaselineKind;
  version: string;
  cutoff: string;
  frequency: Frequency;
  /** The season (seasonal naive) or window (moving average) used; null for naive. */
  parameter: { season: number } | { window: number } | null;
  series: { label: string; pattern: number[] }[];
}

function baselineBundle(options: { data: SalesData; version: ModelVersion; kind: BaselineKind; cutoff: number; horizon: number }): ModelBundle {
  const { data, version, kind, cutoff, horizon } = options;
  // Seasonal naive repeats a season: forecasting one whole season (at least) shows every value of the pattern.
  const season = SEASON_LENGTH[data.frequency];
  const span = kind === 'seasonal-naive' ? Math.max(horizon, season) : horizon;
  const fitted = baselineForecast(kind, data, { cutoff, horizon: span });
  const length = kind === 'seasonal-naive' ? season : 1;
  const series: BaselineParams['series'] = [];
  for (let s = 0; s < data.seriesLabels.length; s++) {
    const pattern = Array.from(fitted.forecast.p50.subarray(s * span, s * span + length));
    if (pattern.every(Number.isFinite)) series.push({ label: data.seriesLabels[s] as string, pattern });
  }
  const parameter = fitted.parameter === null ? null : kind === 'seasonal-naive' ? { season: fitted.parameter } : { window: fitted.parameter };
  const params: BaselineParams = { model: kind, version: version.id, cutoff: dayToIso(cutoff), frequency: data.frequency, parameter, series };
  // The forecast of the horizon itself: the first `horizon` steps of each series.
  const steps = Array.from(fitted.forecast.step, (step, i) => (step <= horizon ? i : -1)).filter((i) => i >= 0);
  const forecast: Forecast = {
    series: Int32Array.from(steps, (i) => fitted.forecast.series[i] as number),
    date: Int32Array.from(steps, (i) => fitted.forecast.date[i] as number),
    step: Int32Array.from(steps, (i) => fitted.forecast.step[i] as number),
    p50: Float64Array.from(steps, (i) => fitted.forecast.p50[i] as number),
  };
  const name = bundleName(version, 'params');
  const files = new Map<string, string | Uint8Array>([
    ['README.md', baselineReadme({ version, kind, parameter: fitted.parameter, frequency: data.frequency, cutoff: params.cutoff, horizon, series: series.length })],
    ['forecast.mjs', BASELINE_SNIPPET],
    ['params.json', json(params)],
    ['forecasts.json', json(forecastsJson({ data, version, forecast, cutoff, horizon }))],
  ]);
  return { name, files };
}

/** forecasts.json: the app's forecast, per series (a series it could not forecast is left out). */
export interface ForecastsJson {
  version: string;
  model: string;
  cutoff: string;
  horizon: number;
  series: { label: string; dates: string[]; p50: number[]; p10?: number[]; p90?: number[] }[];
}

function forecastsJson({ data, version, forecast, cutoff, horizon }: { data: SalesData; version: ModelVersion; forecast: Forecast; cutoff: number; horizon: number }): ForecastsJson {
  const bySeries = new Map<number, ForecastsJson['series'][number]>();
  for (let i = 0; i < forecast.p50.length; i++) {
    const s = forecast.series[i] as number;
    let entry = bySeries.get(s);
    if (!entry) {
      entry = { label: data.seriesLabels[s] as string, dates: [], p50: [], ...(forecast.p10 ? { p10: [] } : {}), ...(forecast.p90 ? { p90: [] } : {}) };
      bySeries.set(s, entry);
    }
    entry.dates.push(dayToIso(forecast.date[i] as number));
    entry.p50.push(forecast.p50[i] as number);
    entry.p10?.push(forecast.p10?.[i] as number);
    entry.p90?.push(forecast.p90?.[i] as number);
  }
  const series = [...bySeries.values()].filter((entry) => entry.p50.every(Number.isFinite));
  return { version: version.id, model: version.model, cutoff: dayToIso(cutoff), horizon, series };
}

/** The zip: one folder named after the bundle, entries dated when the version was registered (same version, same bytes). */
export function zipBundle(bundle: ModelBundle, options: { mtime: number }): Uint8Array {
  const encoder = new TextEncoder();
  const entries: Zippable = {};
  for (const [path, contents] of bundle.files) entries[`${bundle.name}/${path}`] = typeof contents === 'string' ? encoder.encode(contents) : contents;
  // A zip cannot date a file before 1980.
  return zipSync(entries, { level: 6, mtime: Math.max(options.mtime, Date.UTC(1980, 0, 2)) });
}

/** `forecaster-v1-tfjs`: the version id made safe as a file name. */
function bundleName(version: ModelVersion, kind: 'tfjs' | 'params'): string {
  return `${version.id.replace(/[^a-z0-9.-]+/gi, '-')}-${kind}`;
}

/** The last day with an observed sale: the forecast's origin (later rows, planned covariates, are its future). */
function newestActual(data: SalesData): number {
  let newest = -Infinity;
  for (let i = 0; i < data.date.length; i++) if (Number.isFinite(data.sales[i]) && (data.date[i] as number) > newest) newest = data.date[i] as number;
  if (newest === -Infinity) throw new Error(exportModelTexts.noSales);
  return newest;
}

/**
 * An array of scalars (numbers, strings, booleans, null), or an object of them, as JSON.stringify indents it: every
 * line break in it is layout (a string's own are escaped), so joining its lines changes nothing but the look.
 */
const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const SCALAR = String.raw`(?:-?\d[\d.eE+-]*|null|true|false|${STRING})`;
const FLAT_ARRAY = new RegExp(String.raw`\[\n\s*${SCALAR}(?:,\n\s*${SCALAR})*\n\s*\]`, 'g');
const FLAT_OBJECT = new RegExp(String.raw`\{\n\s*${STRING}: ${SCALAR}(?:,\n\s*${STRING}: ${SCALAR})*\n\s*\}`, 'g');
const oneLine = (flat: string) => flat.replace(/^([[{])\n\s*/, '$1').replace(/\n\s*([\]}])$/, '$1').replace(/,\n\s*/g, ', ');

/** Indented JSON with each array of scalars, and each object of those, on one line: rows of numbers do not take a line each. */
function json(value: unknown): string {
  return `${JSON.stringify(value, null, 1).replace(FLAT_ARRAY, oneLine).replace(FLAT_OBJECT, oneLine)}\n`;
}
