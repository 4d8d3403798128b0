import * as v from 'valibot';
import type { CleaningChoices, ColumnMapping } from '../data/types';
import type { StageId } from './stages';
import { DEFAULT_MODELS, DEFAULT_SCOPE, DEFAULT_SPLIT, STAGE_CONFIG_FIELDS, type FeaturesConfig, type ModelsConfig, type ScopeConfig, type SplitConfig } from './stage-configs';
import { DEFAULT_OPS, OpsConfigSchema } from '../ops/ops-config';
import type { OpsConfig } from '../ops/types';
import { limitSchema, wholeIn } from './setting-limit';
import { exampleTooLarge } from '../messages/notebook';

/**
 * The notebook's whole configuration: dataset, seed and every parameter. It is the URL hash (so a pasted link
 * reproduces the notebook in a fresh browser) and it is what a stored configuration or run keeps. Plain JSON only.
 */
export interface NotebookConfig {
  v: 1;
  /** Seed for everything random downstream of the data (splits, initialisation, shuffling). */
  seed: number;
  dataset: DatasetRef;
  /** Column mapping for files; null means "auto-detect". The example's mapping is always detected. */
  mapping: ColumnMapping | null;
  /** The user's answers to validation issues. */
  cleaning: CleaningChoices;
  /** Forecast horizon in periods of the data's frequency; null means the default for that frequency. */
  horizon: number | null;
  explore: ExploreConfig;
  scope: ScopeConfig;
  /** The feature spec; null means the default for the data (defaultFeatureSpec). */
  features: FeaturesConfig;
  split: SplitConfig;
  models: ModelsConfig;
  /** Registry, Deploy, Monitor and Retrain: the drift scenario, serving, alert rules and retrain policy. */
  ops: OpsConfig;
  /** The stage in view, so a link opens where the sender was looking. */
  stage: StageId;
}

export type DatasetRef =
  | { kind: 'example'; seed: number; stores: number; products: number; days: number }
  | { kind: 'builtin'; file: BuiltinFile }
  | { kind: 'imported'; hash: string; name: string };

export const BUILTIN_FILES = [
  'store-item-demand-10-series.csv',
  'walmart-store1-top10-depts-weekly.csv',
  'us-retail-sales-monthly.csv',
] as const;
export type BuiltinFile = (typeof BUILTIN_FILES)[number];

export interface ExploreConfig {
  /** Sales over time: one total line, one line per value of a key column, or one chosen series. */
  by: 'total' | 'key' | 'series';
  /** The key column for by = 'key' (e.g. 'store'); null picks the first key. */
  key: string | null;
  /** The series label for by = 'series'; null picks the first series. */
  series: string | null;
}

export const DEFAULT_CONFIG: NotebookConfig = {
  v: 1,
  seed: 42,
  dataset: { kind: 'example', seed: 42, stores: 5, products: 10, days: 1096 },
  mapping: null,
  cleaning: {},
  horizon: null,
  explore: { by: 'total', key: null, series: null },
  scope: DEFAULT_SCOPE,
  features: null,
  split: DEFAULT_SPLIT,
  models: DEFAULT_MODELS,
  ops: DEFAULT_OPS,
  stage: 'data',
};

export const SEED_LIMIT = wholeIn(0, 2 ** 31 - 1);

/** Limits keep a tampered link from asking the browser for a billion rows. */
export const EXAMPLE_LIMITS = { stores: [1, 50], products: [1, 100], days: [60, 3660] } as const;
/**
 * Stores × products × days of a generated example: the 1M-row table the app is measured on (npm run bench). The
 * fields' own limits allow 18M rows, which fail minutes later as a 114 MB file or an invalid string length.
 */
export const MAX_EXAMPLE_ROWS = 1_000_000;

const intIn = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

const STAGE_IDS = ['scope', 'data', 'explore', 'features', 'train', 'evaluate', 'registry', 'deploy', 'monitor', 'retrain'] as const;
const ISSUE_KINDS = [
  'empty-file', 'header-only', 'wrong-delimiter', 'runaway-quote', 'file-too-large', 'missing-column', 'ragged-rows', 'unparseable-date',
  'non-numeric-sales', 'negative-sales', 'missing-sales', 'missing-covariate', 'non-numeric-covariate', 'duplicate-rows',
  'gaps', 'series-too-short', 'mixed-frequency',
] as const;
const ISSUE_ACTIONS = ['drop-rows', 'fill-zero', 'fill-previous', 'sum', 'keep-first', 'keep-last', 'keep', 'clip-zero'] as const;
const columnName = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** One schema per field, so a link with one bad field keeps the good ones (see parse-config.ts). */
export const CONFIG_FIELDS = {
  v: v.literal(1),
  seed: limitSchema(SEED_LIMIT),
  dataset: v.variant('kind', [
    v.pipe(
      v.strictObject({
        kind: v.literal('example'),
        seed: limitSchema(SEED_LIMIT),
        stores: intIn(...EXAMPLE_LIMITS.stores),
        products: intIn(...EXAMPLE_LIMITS.products),
        days: intIn(...EXAMPLE_LIMITS.days),
      }),
      v.check(({ stores, products, days }) => stores * products * days <= MAX_EXAMPLE_ROWS, () => exampleTooLarge(MAX_EXAMPLE_ROWS)),
    ),
    v.strictObject({ kind: v.literal('builtin'), file: v.picklist(BUILTIN_FILES) }),
    v.strictObject({
      kind: v.literal('imported'),
      hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
      name: v.pipe(v.string(), v.maxLength(300)),
    }),
  ]),
  mapping: v.nullable(
    v.strictObject({
      date: columnName,
      sales: columnName,
      keys: v.pipe(v.array(columnName), v.maxLength(10)),
      covariates: v.pipe(v.array(columnName), v.maxLength(50)),
    }),
  ),
  cleaning: v.record(v.picklist(ISSUE_KINDS), v.picklist(ISSUE_ACTIONS)),
  horizon: v.nullable(intIn(1, 366)),
  explore: v.strictObject({
    by: v.picklist(['total', 'key', 'series']),
    key: v.nullable(columnName),
    series: v.nullable(v.pipe(v.string(), v.maxLength(300))),
  }),
  ...STAGE_CONFIG_FIELDS,
  ops: OpsConfigSchema,
  stage: v.picklist(STAGE_IDS),
} satisfies { [K in keyof NotebookConfig]: v.GenericSchema<unknown, unknown> };
