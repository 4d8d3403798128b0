import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection, type DuckDBDateValue } from '@duckdb/node-api';
import { ingestCsv } from '../data/ingest-csv';
import { cleanSales } from '../../../src/lib/data/clean-sales';
import type { Frequency, SalesData } from '../../../src/lib/data/types';
import { dayToIso } from '../../../src/lib/core/days';
import { periodIndex } from '../../../src/lib/core/periods';
import { seriesLabel, allSeriesLabel } from '../../../src/lib/messages/data';
import { featureSqlMessages } from '../../../src/lib/messages/feature-sql';
import { buildFeatures } from '../../../src/lib/features/build-features';
import { compileFeatures } from '../../../src/lib/features/compile-features';
import { scanFeatureRows } from '../../../src/lib/features/scan-feature-rows';
import { defaultFeatureSpec } from '../../../src/lib/features/default-feature-spec';
import { featureQueries, featureSql, type FeatureSqlOptions } from '../../../src/lib/features/feature-sql';
import type { FeatureSpec } from '../../../src/lib/features/types';
import { planBacktest } from '../../../src/lib/train/plan-backtest';
import { resolveHorizon } from '../../../src/lib/scope/default-horizon';
import { DEFAULT_SPLIT } from '../../../src/lib/notebook/stage-configs';

/**
 * The SQL is checked by running it: DuckDB (@duckdb/node-api, in-process) over the very CSV files the app ships,
 * against the values the app's own feature code computes (buildFeatures for the state, then the rows the data worker's
 * matrix is made of: compileFeatures + scanFeatureRows, scaled with the fitted scaler in float64 before the matrix
 * rounds them to float32 — the test checks that rounding gives the matrix's bytes, so the reference is the matrix).
 * Equal means: the same (series, date) rows, the same columns in the same order, every value within 1e-9 (relative
 * above 1), and no NULL where the app has a number (the app has no NaN in a feature row: warm-up rows are dropped).
 */

const DATASETS = path.resolve(__dirname, '../../../datasets');
const TOLERANCE = 1e-9;
/** A time limit, not a speed check: the example's 3 million values take seconds on a busy 2-core machine. */
const SLOW = 60_000;

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

interface AppRow {
  target: number;
  values: Float64Array;
}

/** The app's feature rows by `label|day`, as the data worker makes them (the standard scaler applied in float64). */
function appFeatures(data: SalesData, spec: FeatureSpec, trainEnd: number): { names: string[]; rows: Map<string, AppRow>; float32Mismatches: number } {
  const { matrix, state } = buildFeatures(data, spec, { fit: { trainEnd } });
  const compiled = compileFeatures(data, spec, state);
  const width = state.names.length;
  const rows = new Map<string, AppRow>();
  let r = 0;
  let float32Mismatches = 0;
  scanFeatureRows(data, compiled, {
    target: spec.target,
    write: true,
    visit: (row, target, raw) => {
      const values = state.scaler ? raw.map((x, j) => (x - state.scaler!.mean[j]!) / state.scaler!.std[j]!) : raw.slice();
      for (let j = 0; j < width; j++) if (Math.fround(values[j]!) !== matrix.x[r * width + j]) float32Mismatches++;
      if (Math.fround(target) !== matrix.y[r]) float32Mismatches++;
      rows.set(`${data.seriesLabels[data.series[row]!]}|${data.date[row]}`, { target, values });
      r++;
    },
  });
  expect(r).toBe(matrix.rows);
  return { names: state.names, rows, float32Mismatches };
}

interface Comparison {
  sqlRows: number;
  appRows: number;
  missing: number;
  mismatches: string[];
  float32Mismatches: number;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));

/** Runs featureSql on DuckDB and compares every row and column with the app's values for the same data. */
async function compare(data: SalesData, spec: FeatureSpec, options: Omit<FeatureSqlOptions, 'dialect' | 'names' | 'frequency' | 'columns'>): Promise<Comparison> {
  const app = appFeatures(data, spec, options.trainEnd);
  const sql = featureSql(spec, { ...options, dialect: 'duckdb', columns: data.mapping, frequency: data.frequency, names: app.names });
  const result = await connection.run(sql);
  const keys = data.mapping.keys;
  expect(result.columnNames()).toEqual([...keys, data.mapping.date, 'target', ...app.names]);
  const mismatches: string[] = [];
  let missing = 0;
  let n = 0;
  const seen = new Set<string>();
  // Chunk by chunk, item by item: the generic row/column conversions of @duckdb/node-api cost more than the query.
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const vectors = Array.from({ length: chunk.columnCount }, (_, j) => chunk.getColumnVector(j));
    for (let i = 0; i < chunk.rowCount; i++, n++) {
      const label = keys.length === 0 ? allSeriesLabel() : seriesLabel(keys, keys.map((_, k) => String(vectors[k]!.getItem(i))));
      const day = (vectors[keys.length]!.getItem(i) as DuckDBDateValue).days;
      const id = `${label}|${day}`;
      seen.add(id);
      const expected = app.rows.get(id);
      if (!expected) {
        missing++;
        continue;
      }
      for (let j = 0; j <= app.names.length; j++) {
        const value = vectors[keys.length + 1 + j]!.getItem(i);
        const want = j === 0 ? expected.target : expected.values[j - 1]!;
        if (!Number.isFinite(want)) mismatches.push(`${id} ${j}: the app has ${want}`);
        else if (typeof value !== 'number' || !close(value, want)) mismatches.push(`${id} ${j === 0 ? 'target' : app.names[j - 1]}: sql ${String(value)}, app ${want}`);
      }
    }
  }
  return { sqlRows: n, appRows: app.rows.size, missing: missing + [...app.rows.keys()].filter((id) => !seen.has(id)).length, mismatches: mismatches.slice(0, 5), float32Mismatches: app.float32Mismatches };
}

const same = (n: number) => ({ sqlRows: n, appRows: n, missing: 0, mismatches: [], float32Mismatches: 0 });

/** A shipped CSV as the app reads it: ingest, default cleaning, default spec, the final window's training end. */
function shipped(text: string) {
  const { data: raw, report } = ingestCsv(text);
  const data = cleanSales(raw, report, {});
  const spec = defaultFeatureSpec(data);
  const plan = planBacktest(data, { horizon: resolveHorizon(null, data.frequency), ...DEFAULT_SPLIT });
  return { data, spec, trainEnd: plan.windows.at(-1)!.trainEnd };
}

describe('featureSql(spec, { dialect: "duckdb" }) equals the app’s feature table on the shipped data', () => {
  // The small files are compared before the scaler too (spec.scale 'none'): the raw values the scaler is fit on.
  const files = [
    { file: 'store-item-demand-10-series.csv', rows: 17_980, raw: false },
    { file: 'walmart-store1-top10-depts-weekly.csv', rows: 910, raw: true },
    { file: 'us-retail-sales-monthly.csv', rows: 281, raw: true },
  ];
  it.each(files)('$file: default mapping and spec', async ({ file, rows, raw }) => {
    const { data, spec, trainEnd } = shipped(readFileSync(path.join(DATASETS, file), 'utf8'));
    const source = `read_csv_auto('${path.join(DATASETS, file)}')`;
    expect(await compare(data, spec, { source, trainEnd })).toEqual(same(rows));
    if (raw) expect(await compare(data, { ...spec, scale: 'none' }, { source, trainEnd })).toEqual(same(rows));
  }, SLOW);

  // The shipped file is the generator's default output (seed 42, 5 × 10 series; generate-sales.test.ts checks the
  // bytes), which is what the data worker ingests for the example.
  it('the example (default seed and size)', async () => {
    const file = path.join(DATASETS, 'product-sales-example.csv');
    const { data, spec, trainEnd } = shipped(readFileSync(file, 'utf8'));
    // The default spec reads every kind of feature but weeks of the year: holiday flag and distances, covariates with
    // their training fills, 50 one-hot series.
    expect(spec.calendar).toMatchObject({ holiday: 'holiday', holidayDistance: true });
    expect(spec.covariates).toEqual(['price', 'promo']);
    expect(await compare(data, spec, { source: `read_csv_auto('${file}')`, trainEnd })).toEqual(same(53_400));
  }, SLOW);
});

/**
 * Small tables with what the shipped files lack: gaps, missing sales (also at a series' start), missing covariate
 * cells, a series with no sales at all, one that starts after the training end (the median scale, no one-hot
 * column), one with only zero sales (scale 1), and for weekly and monthly data two rows stamped in one period.
 */
function awkwardSales(frequency: Frequency): SalesData {
  const rows: { key: string; day: number; sales: number; price: number; promo: number; holiday: number }[] = [];
  const start = 19_000; // 2022-01-08
  const step = { daily: 1, weekly: 7, monthly: 30 }[frequency];
  const add = (key: string, i: number, sales: number, extra = 0) =>
    rows.push({ key, day: start + i * step + extra, sales, price: i % 11 === 3 ? NaN : 2 + (i % 5) * 0.25, promo: i % 9 === 0 ? 1 : 0, holiday: i % 17 === 5 ? 1 : 0 });
  for (let i = 0; i < 90; i++) {
    if ((i >= 20 && i < 25) || i === 50) continue; // gaps
    add('A', i, i === 10 || i === 11 || i === 60 ? NaN : 10 + (i % 7) * 3 + (i % 13));
    if (frequency !== 'daily' && i === 40) add('A', i, 99, 2); // a second row in the same week or month, later
  }
  for (let i = 70; i < 90; i++) add('B', i, 5 + (i % 4));
  for (let i = 0; i < 30; i++) add('C', i, NaN);
  for (let i = 0; i < 90; i++) add('D', i, i < 4 ? NaN : 0);
  const labels = ['A', 'B', 'C', 'D'];
  return {
    date: Int32Array.from(rows, (r) => r.day),
    series: Int32Array.from(rows, (r) => labels.indexOf(r.key)),
    sales: Float64Array.from(rows, (r) => r.sales),
    covariates: {
      price: Float64Array.from(rows, (r) => r.price),
      promo: Float64Array.from(rows, (r) => r.promo),
      holiday: Float64Array.from(rows, (r) => r.holiday),
    },
    seriesKeys: ['shop'],
    seriesKeyValues: labels.map((label) => [label]),
    seriesLabels: labels.map((label) => seriesLabel(['shop'], [label])),
    frequency,
    mapping: { date: 'day', sales: 'units', keys: ['shop'], covariates: ['price', 'promo', 'holiday'] },
  };
}

/** The same rows as a DuckDB table, NaN as NULL. */
async function loadTable(name: string, data: SalesData): Promise<void> {
  const value = (x: number) => (Number.isFinite(x) ? String(x) : 'NULL');
  const tuples = Array.from(data.date, (day, i) => {
    const c = data.covariates;
    return `('${data.seriesKeyValues[data.series[i]!]![0]}', DATE '${dayToIso(day)}', ${value(data.sales[i]!)}, ${value(c.price![i]!)}, ${value(c.promo![i]!)}, ${value(c.holiday![i]!)})`;
  });
  await connection.run(
    `CREATE OR REPLACE TABLE ${name} (shop VARCHAR, day DATE, units DOUBLE, price DOUBLE, promo DOUBLE, holiday DOUBLE); INSERT INTO ${name} VALUES ${tuples.join(', ')};`,
  );
}

const FULL: FeatureSpec = {
  version: 1,
  lags: [7, 1, 2],
  rolling: [{ window: 3, stats: ['std', 'mean'] }, { window: 5, stats: ['mean'] }],
  calendar: { dayOfWeek: true, month: true, weekOfYear: true, holiday: 'holiday', holidayDistance: true },
  covariates: ['price', 'promo'],
  seriesIdentity: 'one-hot',
  target: 'series-scale',
  scale: 'standard',
};

describe('featureSql(spec, { dialect: "duckdb" }) mirrors the app on gaps and missing values', () => {
  const variants: { name: string; spec: FeatureSpec }[] = [
    { name: 'every feature, series-scale, standard', spec: FULL },
    { name: 'log1p, level, months one-hot, unscaled', spec: { ...FULL, target: 'log1p', seriesIdentity: 'level', calendar: { ...FULL.calendar, monthEncoding: 'one-hot' }, scale: 'none' } },
    { name: 'raw target, no identity, holiday flag without distances', spec: { ...FULL, target: 'none', seriesIdentity: 'none', covariates: ['holiday', 'price'], calendar: { ...FULL.calendar, holidayDistance: false } } },
  ];
  const expectedRows: Record<Frequency, number> = { daily: 0, weekly: 0, monthly: 0 };
  it.each((['daily', 'weekly', 'monthly'] as const).flatMap((frequency) => variants.map((v) => ({ frequency, ...v }))))('$frequency: $name', async ({ frequency, spec }) => {
    const data = awkwardSales(frequency);
    const periodsOfA = Array.from(data.date.filter((_, i) => data.series[i] === 0), (day) => periodIndex(day, frequency));
    // Weekly and monthly: some period holds two rows of series A (30-day steps put two in a 31-day month, too).
    if (frequency === 'daily') expect(new Set(periodsOfA).size).toBe(periodsOfA.length);
    else expect(new Set(periodsOfA).size).toBeLessThan(periodsOfA.length);
    await loadTable(`awkward_${frequency}`, data);
    const trainEnd = 19_000 + 59 * { daily: 1, weekly: 7, monthly: 30 }[frequency];
    const result = await compare(data, spec, { source: `awkward_${frequency}`, trainEnd });
    expect(result).toEqual(same(result.appRows));
    // Every variant keeps the same rows (the warm-up is the longest lag, 7, in all of them): series A, B and D.
    expectedRows[frequency] ||= result.appRows;
    expect(result.appRows).toBe(expectedRows[frequency]);
    expect(result.appRows).toBeGreaterThan(100);
  }, SLOW);
});

describe('featureSql(spec, options) as text', () => {
  const data = awkwardSales('daily');
  const { state } = buildFeatures(data, FULL, { fit: { trainEnd: 19_059 } });
  const options: FeatureSqlOptions = { dialect: 'spark', source: 'sales', columns: data.mapping, frequency: 'daily', trainEnd: 19_059, names: state.names };

  it('featureSql(spec, { dialect: "spark" }) uses Spark’s forms where DuckDB’s differ, and names its steps', () => {
    const spark = featureSql(FULL, options);
    const duckdb = featureSql(FULL, { ...options, dialect: 'duckdb' });
    for (const step of ['source_rows', 'typed', 'dated', 'training_means', 'series_scale', 'covariate_fill', 'holidays', 'period_rows', 'grid', 'history', 'features', 'feature_rows', 'scaler']) {
      expect(spark).toContain(`\n${step} AS (`);
      expect(duckdb).toContain(`\n${step} AS (`);
    }
    expect(spark).toContain('explode(sequence(first_period, last_period))');
    expect(spark).toContain('last(p.observed, true) OVER');
    expect(spark).toContain("datediff(row_date, DATE '1970-01-01')");
    expect(spark).toContain('percentile(scale, 0.5)');
    expect(spark).toContain('AS `series=shop A`');
    expect(spark).not.toMatch(/IGNORE NULLS|unnest|date_diff|"/);
    expect(duckdb).toContain('unnest(range(first_period, last_period + 1))');
    expect(duckdb).toContain('last_value(p.observed IGNORE NULLS) OVER');
    expect(duckdb).toContain('AS "series=shop A"');
    expect(duckdb).not.toMatch(/explode|sequence\(|datediff|`/);
    // Both fit on the same training end, written as a date.
    expect(spark.match(/DATE '2022-03-08'/g)?.length).toBe(duckdb.match(/DATE '2022-03-08'/g)?.length);
  });

  it('featureSql(spec, options) quotes labels and names for each dialect', () => {
    const odd = { ...data, seriesLabels: data.seriesKeyValues.map(([v]) => seriesLabel(['shop'], [`${v}'s "x" \\`])) };
    const names = buildFeatures(odd, FULL, { fit: { trainEnd: 19_059 } }).state.names;
    expect(featureSql(FULL, { ...options, names })).toContain("h.series = 'shop A\\'s \"x\" \\\\'");
    expect(featureSql(FULL, { ...options, names })).toContain('AS `series=shop A\'s "x" \\`');
    expect(featureSql(FULL, { ...options, dialect: 'duckdb', names })).toContain(`h.series = 'shop A''s "x" \\'`);
    expect(featureSql(FULL, { ...options, dialect: 'duckdb', names })).toContain('AS "series=shop A\'s ""x"" \\"');
  });

  it('featureSql(spec, options) refuses names that are not the spec’s columns, and output columns that clash', () => {
    const names = state.names.filter((name) => name !== 'lag_2');
    expect(() => featureSql(FULL, { ...options, names })).toThrow(featureSqlMessages.namesMismatch(state.names, names));
    const clashing = { ...options, columns: { ...data.mapping, date: 'price' } };
    expect(() => featureSql(FULL, clashing)).toThrow(featureSqlMessages.columnClash('price'));
    // The exports' pair: both dialects, or nothing when the spec has no SQL form.
    const { dialect: _dialect, source: _source, ...rest } = options;
    expect(featureQueries(FULL, { ...rest, fileName: 'x.csv' })).toEqual({
      duckdb: featureSql(FULL, { ...options, dialect: 'duckdb', source: "read_csv_auto('x.csv')" }),
      spark: featureSql(FULL, { ...options, dialect: 'spark', source: 'sales' }),
    });
    expect(featureQueries(FULL, { ...rest, names, fileName: 'x.csv' })).toBeNull();
  });
});
