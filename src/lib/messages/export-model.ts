// User-facing texts of the model download on the Registry stage (src/lib/export/tfjs-bundle.ts), and what it writes
// into the zip: the README with its Node snippet (Forecast Lab's test runs the snippet as written here).
import { dayToIso } from '../core/days';
import type { Frequency } from '../data/types';
import { HOLIDAY_DISTANCE_CAP, WEEKS_PER_YEAR } from '../features/compile-features';
import type { FeatureSpec } from '../features/types';
import type { BaselineKind, ModelSpec } from '../models/types';
import type { ModelVersion } from '../registry/types';

export const exportModelTexts = {
  button: 'Download model (TF.js)',
  baselineButton: 'Download model (JSON)',
  help:
    'The version as a zip you can forecast with outside Forecast Lab: the network in the TensorFlow.js layers format ' +
    '(model.json + weights), the feature spec and fitted state, ready-made inputs for the next periods, the forecasts ' +
    'Forecast Lab made from them, and a README with a short Node script that reproduces them.',
  baselineHelp: 'The version as a zip: its fitted parameters per series (params.json), its forecasts, and the formula in a README.',
  busy: (version: string): string => `Writing ${version}…`,
  done: (fileName: string, size: string): string => `Saved ${fileName} (${size}). Unzip it and see its README.md.`,
  failed: (version: string, detail: string): string => `The download of ${version} failed (${detail}).`,
  noWeights: (version: string): string => `No weights are stored for ${version}: register it again to download it.`,
  noNetwork: (version: string): string => `${version} has no network to export.`,
  noSales: 'The data has no sales to forecast from.',
  dismiss: 'Dismiss',
} as const;

const FREQUENCY_PERIOD: Record<Frequency, string> = { daily: 'day', weekly: 'week', monthly: 'month' };
const KIND_NAME: Record<ModelSpec['kind'], string> = { ridge: 'a linear model (ridge)', mlp: 'an MLP', cnn: 'a CNN' };

/** The Node script shipped as forecast.mjs and shown in the README (keep it short: the README promises ~20 lines). */
export const TFJS_SNIPPET = `import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { readFileSync } from 'node:fs';

const read = (file) => readFileSync(new URL(file, import.meta.url));
const { modelTopology, weightsManifest } = JSON.parse(read('model.json'));
const { buffer, byteOffset, byteLength } = read('group1-shard1of1.bin');
const weightData = buffer.slice(byteOffset, byteOffset + byteLength);
const model = await loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs: weightsManifest[0].weights, weightData }));
const { scaler } = JSON.parse(read('feature-state.json'));
const { target, historyColumns, outputs, series } = JSON.parse(read('inputs.json'));
const toSales = (z, s) => Math.max(0, target === 'log1p' ? Math.expm1(z) : target === 'series-scale' ? z * s.scale : z);
const column = (z, { lag, window, stat }) => {
  if (lag) return z[z.length - lag];
  const w = z.slice(-window), mean = w.reduce((a, b) => a + b, 0) / window;
  return stat === 'mean' ? mean : Math.sqrt(w.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (window - 1));
};

function forecast(s) {
  const z = [...s.history]; // transformed sales, oldest first; each step's median is appended
  let out;
  return s.dates.map((date, h) => {
    const block = outputs.steps > 1 ? h : 0; // a direct model predicts every step from the first step's row
    if (block === 0) {
      const row = [...historyColumns.map((c) => column(z, c)), ...s.known[h]];
      const x = row.map((v, j) => (scaler ? (v - scaler.mean[j]) / scaler.std[j] : v));
      out = tf.tidy(() => model.predict(tf.tensor2d([x])).dataSync());
    }
    const value = (q) => Math.min(s.bounds[1], Math.max(s.bounds[0], out[block * outputs.perStep + outputs[q]]));
    z.push(value('p50'));
    return { date, ...Object.fromEntries(['p10', 'p50', 'p90'].filter((q) => outputs[q] !== null).map((q) => [q, toSales(value(q), s)])) };
  });
}
const label = process.argv[2];
console.log(JSON.stringify(series.filter((s) => !label || s.label === label).map((s) => ({ label: s.label, forecast: forecast(s) }))));
`;

export interface TfjsReadmeFacts {
  version: ModelVersion;
  spec: ModelSpec;
  featureSpec: FeatureSpec;
  /** The feature columns, in order. */
  names: string[];
  frequency: Frequency;
  cutoff: string;
  horizon: number;
  /** Series with inputs (and a forecast). */
  series: number;
  exampleLabel: string | null;
}

/** README.md of a network's bundle: what each file is, the snippet, and how a feature row is made from new history. */
export function tfjsReadme(facts: TfjsReadmeFacts): string {
  const { version, spec, featureSpec, names, frequency, cutoff, horizon } = facts;
  const period = FREQUENCY_PERIOD[frequency];
  const quantiles = spec.loss === 'quantile' ? spec.quantiles : null;
  const steps = spec.steps ?? 1;
  const perStep = quantiles?.length ?? 1;
  const strategy =
    steps > 1
      ? `direct: one prediction from the first step's row gives all ${steps} steps (${perStep} output${perStep === 1 ? '' : 's'} per step, step 1's first)`
      : `recursive: one step ahead, each step's median fed back as the next steps' lags and rolling statistics`;
  const outputs = quantiles ? `the quantiles ${quantiles.join(', ')} (pinball loss; 0.5 is the point forecast)` : `one point forecast (${spec.loss} loss)`;
  return [
    `# ${version.id}: ${spec.kind} as a TensorFlow.js model`,
    '',
    `Version ${version.id} of Forecast Lab's registered model: ${KIND_NAME[spec.kind]} forecasting ${outputs}, ${strategy}.`,
    `Trained on rows up to ${dayToIso(version.trainEnd)}${version.trainStart === null ? '' : ` from ${dayToIso(version.trainStart)}`} of the data with SHA-256 \`${version.dataHash}\`, seed ${version.seed}${version.backend ? `, on the ${version.backend} backend` : ''}; registered ${version.created}.`,
    '',
    '## Files',
    '',
    '| file | what it holds |',
    '|---|---|',
    `| \`model.json\`, \`group1-shard1of1.bin\` | The network in the TensorFlow.js layers format (\`tf.loadLayersModel\`): one input row of ${names.length} scaled features, ${steps * perStep} outputs in the transformed units. |`,
    '| `feature-spec.json` | The feature spec: which lags, rolling windows, calendar columns, covariates and series identity, the target transform and the scaling. |',
    '| `feature-state.json` | What the features learnt from the training rows: the column names in order (`names`), each series\' mean sales (`series[].scale`), the value a missing covariate takes (`fill`), the standard scaler (`scaler.mean`, `scaler.std`, one per column). |',
    '| `model-spec.json` | The model spec: layers, loss, quantiles, direct steps. |',
    '| `features.duckdb.sql`, `features.spark.sql` | The feature table as one SQL query (DuckDB, Spark SQL): the same columns and values, with the scales, fills and scaler fit on the rows up to the training end. It reads `sales.csv` (DuckDB) or a table `sales` (Spark): point it at your cleaned sales. Left out when the spec has no SQL form. |',
    `| \`inputs.json\` | Ready-made inputs for the ${horizon} ${period}s after ${cutoff}, for ${facts.series} series: per series its last transformed sales (\`history\`), each step's date and the columns that do not depend on sales (\`known\`: calendar, holidays, covariates as planned or filled, series identity), and the range every output is held to (\`bounds\`). |`,
    '| `forecasts.json` | What Forecast Lab forecast from these inputs (sales units): a port of the model should match it to 1e-5. |',
    '| `forecast.mjs` | The script below. |',
    '',
    '## Forecast in Node',
    '',
    'In this folder:',
    '',
    '```sh',
    'npm install @tensorflow/tfjs-core@4.22.0 @tensorflow/tfjs-layers@4.22.0 @tensorflow/tfjs-backend-cpu@4.22.0',
    `node forecast.mjs${facts.exampleLabel === null ? '' : ` ${JSON.stringify(facts.exampleLabel)}`}   # one series; without a label, every series`,
    '```',
    '',
    '`forecast.mjs` loads the network, then for each step builds the row (the history columns from the transformed',
    'sales, then the known columns), scales it, predicts, holds the outputs to the bounds, feeds the median back and',
    'turns the outputs into sales. It prints, per series and step, the date and the forecast in sales units, which',
    '`forecasts.json` holds too:',
    '',
    '```js',
    TFJS_SNIPPET.trimEnd(),
    '```',
    '',
    "In a browser, `tf.loadLayersModel('model.json')` reads the model over HTTP (with `@tensorflow/tfjs` from a CDN or",
    'your bundler) and `fetch` the JSON files; the rest is the same.',
    '',
    '## The network',
    '',
    modelText(spec),
    '',
    '## A feature row from new history',
    '',
    'To forecast after newer actuals, build the rows as Forecast Lab does (`inputs.json` only covers the periods after',
    `${cutoff}). Sales live on the series' ${period} grid: a missing ${period} repeats the last observed value. The`,
    `sales-derived columns read z, the transformed sales: ${targetText(featureSpec.target)} Columns, in this order:`,
    '',
    ...columnLines(featureSpec, names, frequency),
    '',
    featureSpec.scale === 'standard'
      ? 'Each column is then standardised: (value − scaler.mean[j]) / scaler.std[j] (one-hot columns have mean 0, std 1), computed in float64 and rounded to float32 once.'
      : 'The columns are not scaled (`scaler` is null): the raw values, rounded to float32, are the input.',
    '',
    'The outputs are in z units: every one is held to the series\' bounds (its observed sales range widened by twice its',
    'width on each side, never below 0), and turned back into sales by the inverse transform (and kept ≥ 0).',
    '',
  ].join('\n');
}

function modelText(spec: ModelSpec): string {
  const parts: Record<ModelSpec['kind'], string> = {
    ridge: 'A linear model: one dense layer from the feature row to the outputs, fitted with an L2 penalty.',
    mlp: `Dense layers of ${spec.hidden.join(', ')} ReLU units, then a linear output layer. Dropout (${spec.dropout}) only acts in training and is left out of the file.`,
    cnn:
      'A convolution over the lag window: `select_lag_patches` and `lag_patches` (fixed 0/1 weights, not trainable) cut the ' +
      'consecutive lag columns into overlapping patches; inside the nested model, `conv` maps each patch to filters (a ' +
      'valid, stride-1 Conv1D written as one dense kernel shared by every patch), `other_dense` reads the remaining ' +
      'columns (picked by `select_other`), and `output` reads both.',
  };
  return parts[spec.kind];
}

function targetText(target: FeatureSpec['target']): string {
  switch (target) {
    case 'series-scale':
      return 'z = sales / scale, with the series\' `scale` from feature-state.json (its mean training sales; a series unseen in training takes `fallbackScale`).';
    case 'log1p':
      return 'z = ln(1 + max(sales, 0)).';
    case 'none':
      return 'z = sales.';
  }
}

/** One line per group of columns the spec turns on. */
function columnLines(spec: FeatureSpec, names: string[], frequency: Frequency): string[] {
  const period = FREQUENCY_PERIOD[frequency];
  const has = (pattern: RegExp) => names.some((name) => pattern.test(name));
  const holiday = spec.calendar.holiday;
  const lines = [
    has(/^lag_\d+$/) && `- \`lag_k\`: z k ${period}s before the target ${period}.`,
    has(/^rolling_mean_\d+$/) && `- \`rolling_mean_w\`: the mean of z over the w ${period}s before the target ${period}.`,
    has(/^rolling_std_\d+$/) && `- \`rolling_std_w\`: the standard deviation (n − 1) of z over those w ${period}s.`,
    has(/^dow_/) && '- `dow_mon` … `dow_sun`: 1 on the target date\'s weekday, else 0.',
    has(/^month_jan$/) && '- `month_jan` … `month_dec`: 1 in the target date\'s month, else 0.',
    has(/^month_sin$/) && '- `month_sin`, `month_cos`: sin and cos of 2π·m/12, m = 0 for January … 11 for December.',
    has(/^week_sin$/) && `- \`week_sin\`, \`week_cos\`: sin and cos of 2π·(ISO week − 1)/${WEEKS_PER_YEAR} (ISO weeks per year on average).`,
    holiday !== null && `- \`${holiday}\`: 1 when the holiday flag is set (> 0) on the target date's row, else 0.`,
    has(/^days_to_holiday$/) && `- \`days_to_holiday\`, \`days_since_holiday\`: days to the series' next flagged date (on or after the target date) and since its previous one (before it), at most ${HOLIDAY_DISTANCE_CAP}.`,
    spec.covariates.some((name) => name !== holiday) && `- ${spec.covariates.filter((name) => name !== holiday).map((name) => `\`${name}\``).join(', ')}: the value on the target date's row (planned in advance); a missing value, or a date without a row, takes \`fill\`.`,
    has(/^series=/) && '- `series=<label>`: 1 for the row\'s series (those seen in training), else 0.',
    has(/^series_level$/) && '- `series_level`: ln(scale) of the row\'s series.',
  ];
  return [...lines.filter((line): line is string => typeof line === 'string'), '', `All ${names.length}: ${names.map((name) => `\`${name}\``).join(', ')}.`];
}

export interface BaselineReadmeFacts {
  version: ModelVersion;
  kind: BaselineKind;
  /** The season (seasonal naive) or window (moving average) used; null for naive. */
  parameter: number | null;
  frequency: Frequency;
  cutoff: string;
  horizon: number;
  series: number;
}

/** A baseline's Node script: step k of each series repeats pattern[(k − 1) mod length]. */
export const BASELINE_SNIPPET = `import { readFileSync } from 'node:fs';

const { series } = JSON.parse(readFileSync(new URL('params.json', import.meta.url)));
const horizon = Number(process.argv[2] ?? 14);
const repeat = (pattern) => Array.from({ length: horizon }, (_, k) => pattern[k % pattern.length]);
console.log(JSON.stringify(series.map(({ label, pattern }) => ({ label, p50: repeat(pattern) }))));
`;

/** README.md of a baseline's bundle: its parameters and the formula. */
export function baselineReadme(facts: BaselineReadmeFacts): string {
  const { version, kind, parameter, frequency, cutoff, horizon } = facts;
  const period = FREQUENCY_PERIOD[frequency];
  const fitted: Record<BaselineKind, string> = {
    naive: `\`pattern\` is one value: the last observed sales up to ${cutoff}.`,
    'seasonal-naive':
      `\`pattern\` is the last season up to ${cutoff}, oldest first (m = ${parameter} ${period}s): ` +
      `step k repeats the ${period} a whole number of seasons before it, ŷ(c + k) = y(c + k − m·⌈k/m⌉). A ${period} with no ` +
      'observed sales takes the same period of an earlier season, or the last observed value when none has any.',
    'moving-average': `\`pattern\` is one value: the mean of the last ${parameter} observed sales up to ${cutoff} (missing ${period}s skipped).`,
  };
  return [
    `# ${version.id}: ${kind} (fitted parameters)`,
    '',
    `Version ${version.id} of Forecast Lab's registered model: the ${kind} baseline, fitted on the sales of ${facts.series} series up to ${cutoff} (data SHA-256 \`${version.dataHash}\`); registered ${version.created}.`,
    '',
    '## Files',
    '',
    '| file | what it holds |',
    '|---|---|',
    '| `params.json` | Per series, the values its forecast repeats (`pattern`), and the season or window used. |',
    `| \`forecasts.json\` | What Forecast Lab forecast for the ${horizon} ${period}s after ${cutoff}. |`,
    '| `forecast.mjs` | The script below. |',
    '',
    '## The formula',
    '',
    `Step k = 1, 2, … after ${cutoff} forecasts pattern[(k − 1) mod pattern.length]. ${fitted[kind]}`,
    '',
    '```js',
    BASELINE_SNIPPET.trimEnd(),
    '```',
    '',
    `\`node forecast.mjs ${horizon}\` prints the P50 of every series for ${horizon} steps, as in \`forecasts.json\`.`,
    '',
  ].join('\n');
}
