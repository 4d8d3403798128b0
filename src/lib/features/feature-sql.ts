import { dayToIso } from '../core/days';
import type { ColumnMapping, Frequency } from '../data/types';
import { allSeriesLabel, seriesLabel } from '../messages/data';
import { featureSqlMessages as m } from '../messages/feature-sql';
import { HOLIDAY_DISTANCE_CAP } from './compile-features';
import type { FeatureSpec } from './types';

/**
 * The feature spec as one SQL query, for when a team's data outgrows one browser: the same rows and columns as the
 * app's feature table (fitFeatureState + applyFeatures), computed by a database. Its steps, one CTE each:
 *
 *   source ──► source_rows (cast) ──► typed (series label, day, period; NaN/±∞ as NULL)
 *     ──► training_means ──► series_scale          per series: mean sales on rows ≤ trainEnd (the 'series-scale'
 *                                                   divisor and the level feature; the median for an unseen series)
 *     ──► covariate_fill                            per covariate: its training mean, what a missing cell takes
 *     ──► holidays                                  per row: the series' next and previous holiday
 *     ──► period_rows ──► grid ──► history          each series on its period grid, sales transformed and carried
 *                                                   forward over gaps and missing values (seriesHistory)
 *     ──► features ──► feature_rows                 the writer's columns (compileFeatures), then the rows that have a
 *                                                   target and a full warm-up (scanFeatureRows)
 *     ──► scaler ──► final SELECT                   the standard scaler fit on the training rows (spec.scale)
 *
 * Every number the app fits (scales, fills, the scaler) is fit here too, from the rows dated up to `trainEnd`, so
 * the query needs no state, only the day the app's final window stops training. The source must be the table the
 * Features stage sees: the cleaned one (the Data stage's choices applied; duplicate rows summed by default).
 *
 * Lags count periods, not rows: the query lays every series on a dense grid of period numbers (days since
 * 1970-01-01, Monday-based weeks, or year × 12 + month, as core/periods) and lags by position there, which is why
 * neither dialect needs a RANGE frame over dates.
 */

export type SqlDialect = 'duckdb' | 'spark';

export interface FeatureSqlOptions {
  dialect: SqlDialect;
  /** What goes after FROM: a table name, or e.g. DuckDB's `read_csv_auto('sales.csv')`. */
  source: string;
  /** The source's columns (the Data stage's mapping); key values are compared as text, as the app reads them. */
  columns: Pick<ColumnMapping, 'date' | 'sales' | 'keys'>;
  frequency: Frequency;
  /** The last training day (days since epoch): series scales, covariate fills and the scaler are fit up to it. */
  trainEnd: number;
  /**
   * The feature table's column names as the app named them (FeatureState.names): the query yields exactly these, in
   * this order, and the one-hot series columns among them name the series that had training rows.
   */
  names: readonly string[];
}

/**
 * The two dialects, side by side: everything else in the query is written once. Spark's string literals take
 * backslash escapes, and it has neither IGNORE NULLS on last_value (it has last(x, true)) nor a table-valued range.
 */
interface Dialect {
  identifier(name: string): string;
  string(text: string): string;
  /** Whole days since 1970-01-01 of a DATE. */
  epochDay(date: string): string;
  /** In a select list: one output row per integer from `first` to `last`, both included. */
  periods(first: string, last: string): string;
  /** The last non-NULL value of the window frame (the function call before OVER). */
  lastObserved(value: string): string;
  median(value: string): string;
  /** The value, or NULL when it is NaN or infinite (the app's Number.isFinite). */
  finite(value: string): string;
}

const DIALECTS: Record<SqlDialect, Dialect> = {
  duckdb: {
    identifier: (name) => `"${name.replaceAll('"', '""')}"`,
    string: (text) => `'${text.replaceAll("'", "''")}'`,
    epochDay: (date) => `date_diff('day', DATE '1970-01-01', ${date})`,
    periods: (first, last) => `unnest(range(${first}, ${last} + 1))`,
    lastObserved: (value) => `last_value(${value} IGNORE NULLS)`,
    median: (value) => `median(${value})`,
    finite: (value) => `CASE WHEN isfinite(${value}) THEN ${value} END`,
  },
  spark: {
    identifier: (name) => `\`${name.replaceAll('`', '``')}\``,
    string: (text) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`,
    epochDay: (date) => `datediff(${date}, DATE '1970-01-01')`,
    periods: (first, last) => `explode(sequence(${first}, ${last}))`,
    lastObserved: (value) => `last(${value}, true)`,
    median: (value) => `percentile(${value}, 0.5)`,
    finite: (value) => `CASE WHEN NOT isnan(${value}) AND abs(${value}) < double('Infinity') THEN ${value} END`,
  },
};

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SERIES_PREFIX = 'series=';
/** The window a lag or rolling statistic reads: the series' grid, in period order. */
const GRID = 'PARTITION BY series ORDER BY period';

/** One output column: its name and the SQL that computes it; one-hot columns are left alone by the scaler. */
interface Column {
  name: string;
  sql: string;
  oneHot: boolean;
}

export function featureSql(spec: FeatureSpec, options: FeatureSqlOptions): string {
  const d = DIALECTS[options.dialect];
  const id = d.identifier;
  const { columns, frequency } = options;
  const trainEnd = `DATE '${dayToIso(options.trainEnd)}'`;
  const holidayName = spec.calendar.holiday;
  const covariateNames = spec.covariates.filter((name) => name !== holidayName);
  const covariate = (c: number) => `cov_${c + 1}`;
  const key = (k: number) => `key_${k + 1}`;
  const seriesLabels = options.names.filter((name) => name.startsWith(SERIES_PREFIX)).map((name) => name.slice(SERIES_PREFIX.length));
  const features = featureColumns(spec, { frequency, seriesLabels, dialect: d, covariate });
  const generated = features.map((f) => f.name);
  if (generated.length !== options.names.length || generated.some((name, j) => name !== options.names[j])) {
    throw new Error(m.namesMismatch(generated, options.names));
  }
  const outputNames = [...columns.keys, columns.date, 'target', ...generated];
  const clash = outputNames.find((name, i) => outputNames.indexOf(name) !== i);
  if (clash !== undefined) throw new Error(m.columnClash(clash));
  const lags = [...new Set(spec.lags)].sort((a, b) => a - b);
  const warmup = Math.max(0, ...lags, ...spec.rolling.map((r) => r.window));
  const needsScale = spec.target === 'series-scale' || spec.seriesIdentity === 'level';
  const distance = holidayName !== null && spec.calendar.holidayDistance;

  const label = columns.keys.length === 0 ? d.string(allSeriesLabel()) : labelSql(columns.keys, { dialect: d, key });
  const period = {
    daily: 'day',
    weekly: 'CAST(floor((day + 3) / 7) AS BIGINT)',
    monthly: 'year(row_date) * 12 + month(row_date) - 1',
  }[frequency];
  // ln(1 + x) rather than log1p: DuckDB has no log1p, and for sales ≥ 0 the two differ by about 1e-16 at most.
  const transform = (sales: string): string =>
    spec.target === 'series-scale' ? `${sales} / scale` : spec.target === 'log1p' ? `CASE WHEN ${sales} > 0 THEN ln(1 + ${sales}) WHEN ${sales} IS NOT NULL THEN 0 END` : sales;

  const ctes: [string, string, string][] = [];
  const cte = (name: string, why: string, body: string) => ctes.push([name, why, body]);

  cte(
    'source_rows',
    'the source, cast: keys as text, numbers as DOUBLE',
    select([
      ...columns.keys.map((name, k) => `coalesce(trim(CAST(${id(name)} AS STRING)), '') AS ${key(k)}`),
      `CAST(${id(columns.date)} AS DATE) AS row_date`,
      `TRY_CAST(${id(columns.sales)} AS DOUBLE) AS sales`,
      ...covariateNames.map((name, c) => `TRY_CAST(${id(name)} AS DOUBLE) AS ${covariate(c)}`),
      ...(holidayName === null ? [] : [`TRY_CAST(${id(holidayName)} AS DOUBLE) AS holiday_flag`]),
    ], `FROM ${options.source}`),
  );
  cte(
    'typed',
    'one series label per key combination (the app’s), the day and period number, NaN and ±∞ as missing',
    select([
      ...columns.keys.map((_, k) => key(k)),
      `${label} AS series`,
      'row_date',
      `${d.epochDay('row_date')} AS day`,
      `${d.finite('sales')} AS sales`,
      ...covariateNames.map((_, c) => `${d.finite(covariate(c))} AS ${covariate(c)}`),
      ...(holidayName === null ? [] : [`${d.finite('holiday_flag')} AS holiday_flag`]),
    ], 'FROM source_rows\nWHERE row_date IS NOT NULL'),
  );
  cte('dated', 'each row’s period on the grid', select(['*', `${period} AS period`], 'FROM typed'));
  if (needsScale) {
    const training = `CASE WHEN row_date <= ${trainEnd} THEN sales END`;
    cte(
      'training_means',
      'per series: mean training sales, the divisor of series-scale (1 when it is not positive)',
      select(
        ['series', `count(${training}) AS training_rows`, `CASE WHEN avg(${training}) > 0 THEN avg(${training}) ELSE 1 END AS scale`],
        'FROM dated\nGROUP BY series',
      ),
    );
    cte(
      'series_scale',
      'a series without training rows takes the median of the others’ scales',
      select(
        [
          'series',
          `CASE WHEN training_rows > 0 THEN scale ELSE (SELECT coalesce(${d.median('scale')}, 1) FROM training_means WHERE training_rows > 0) END AS scale`,
        ],
        'FROM training_means',
      ),
    );
  }
  if (covariateNames.length > 0) {
    cte(
      'covariate_fill',
      'per covariate: its training mean, the value a missing cell takes (0 without training values)',
      select(covariateNames.map((_, c) => `coalesce(avg(CASE WHEN row_date <= ${trainEnd} THEN ${covariate(c)} END), 0) AS ${covariate(c)}`), 'FROM dated'),
    );
  }
  if (distance) {
    cte(
      'holidays',
      'per row: the series’ next holiday after its day and its last one before (holidays are planned, so a row may look ahead)',
      select(
        [
          '*',
          'min(CASE WHEN holiday_flag > 0 THEN day END) OVER (PARTITION BY series ORDER BY day RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_holiday',
          'max(CASE WHEN holiday_flag > 0 THEN day END) OVER (PARTITION BY series ORDER BY day RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_holiday',
        ],
        'FROM dated',
      ),
    );
  }
  cte(
    'period_rows',
    'one row per series and period: the latest row stamped in it, and the latest sales observed in it',
    select(
      ['*'],
      `FROM (\n${indent(
        select(
          [
            needsScale ? 'h.*, s.scale' : 'h.*',
            'row_number() OVER (PARTITION BY h.series, h.period ORDER BY h.day DESC) AS latest',
            `${d.lastObserved(transform('h.sales'))} OVER (PARTITION BY h.series, h.period ORDER BY h.day ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS observed`,
          ],
          `FROM ${distance ? 'holidays' : 'dated'} AS h${needsScale ? '\nJOIN series_scale AS s ON s.series = h.series' : ''}`,
        ),
      )}\n) AS ranked\nWHERE latest = 1`,
    ),
  );
  cte(
    'grid',
    'every period from a series’ first row to its last: lags count periods, whatever rows are missing',
    select(['series', `${d.periods('first_period', 'last_period')} AS period`], 'FROM (SELECT series, min(period) AS first_period, max(period) AS last_period FROM dated GROUP BY series) AS bounds'),
  );
  cte(
    'history',
    'transformed sales on the grid, a missing period or value carried forward from the last observed one (never backward)',
    select(
      [
        'g.series',
        'g.period',
        ...['row_date', 'day', 'sales', ...columns.keys.map((_, k) => key(k))].map((name) => `p.${name}`),
        ...covariateNames.map((_, c) => `p.${covariate(c)}`),
        ...(holidayName === null ? [] : ['p.holiday_flag']),
        ...(distance ? ['p.next_holiday', 'p.previous_holiday'] : []),
        ...(needsScale ? ['p.scale'] : []),
        `${d.lastObserved('p.observed')} OVER (PARTITION BY g.series ORDER BY g.period ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS z`,
        'min(CASE WHEN p.observed IS NOT NULL THEN g.period END) OVER (PARTITION BY g.series) AS first_observed',
      ],
      'FROM grid AS g\nLEFT JOIN period_rows AS p ON p.series = g.series AND p.period = g.period',
    ),
  );
  cte(
    'features',
    'every feature, as the app writes it (lags and rolling windows end at the period before the row’s)',
    select(
      [
        'h.*',
        `${transform('h.sales')} AS target`,
        ...features.map((f) => `${f.sql} AS ${id(f.name)}`),
      ],
      `FROM history AS h${covariateNames.length > 0 ? '\nCROSS JOIN covariate_fill AS fill' : ''}`,
    ),
  );
  cte(
    'feature_rows',
    `rows with a sales value and a full history: ${warmup} periods after the series’ first observed sales`,
    select(['*'], `FROM features\nWHERE row_date IS NOT NULL AND sales IS NOT NULL AND period >= first_observed + ${warmup}`),
  );
  const standard = spec.scale === 'standard';
  const scaledFeatures = features.filter((f) => !f.oneHot);
  const scaler = standard && scaledFeatures.length > 0;
  if (scaler) {
    cte(
      'scaler',
      'the standard scaler, fit on the training rows: mean and population std per feature (std 1 when it is 0)',
      select(
        scaledFeatures.flatMap((f) => [
          `coalesce(avg(${id(f.name)}), 0) AS ${id(`mean ${f.name}`)}`,
          `coalesce(nullif(stddev_pop(${id(f.name)}), 0), 1) AS ${id(`std ${f.name}`)}`,
        ]),
        `FROM feature_rows\nWHERE row_date <= ${trainEnd}`,
      ),
    );
  }
  const final = select(
    [
      ...columns.keys.map((name, k) => `f.${key(k)} AS ${id(name)}`),
      `f.row_date AS ${id(columns.date)}`,
      'f.target',
      ...features.map((f) =>
        scaler && !f.oneHot ? `(f.${id(f.name)} - scaler.${id(`mean ${f.name}`)}) / scaler.${id(`std ${f.name}`)} AS ${id(f.name)}` : `f.${id(f.name)}`,
      ),
    ],
    `FROM feature_rows AS f${scaler ? '\nCROSS JOIN scaler' : ''}\nORDER BY ${[...columns.keys.map((_, k) => `f.${key(k)}`), 'f.row_date'].join(', ')}`,
  );

  const header = [
    `-- Forecast Lab feature table (${options.dialect === 'duckdb' ? 'DuckDB' : 'Spark SQL'}): ${features.length} features, the rows and columns of the Features stage.`,
    `-- Source: the cleaned sales table, ${frequency}; date ${columns.date}, sales ${columns.sales}${columns.keys.length > 0 ? `, series keys ${columns.keys.join(', ')}` : ', one series'}.`,
    `-- Scales, fills${standard ? ' and the scaler' : ''} are fit on the rows dated up to ${dayToIso(options.trainEnd)} (the final window’s training end).`,
  ];
  const body = ctes.map(([name, why, sql], i) => `-- ${i + 1}. ${why}\n${name} AS (\n${indent(sql)}\n)`);
  return `${header.join('\n')}\nWITH\n${body.join(',\n')}\n${final};\n`;
}

/**
 * What the Features stage puts after FROM: DuckDB reads the data's own file by name (a name that is not a file's, as
 * the generated example's, becomes `sales.csv`); Spark reads a table called `sales` (a DataFrame read with
 * `header=True, inferSchema=True` and registered as a view).
 */
export function featureSqlSource(dialect: SqlDialect, fileName: string): string {
  if (dialect === 'spark') return 'sales';
  const file = /\.(csv|tsv|txt)$/i.test(fileName) ? fileName : 'sales.csv';
  return `read_csv_auto(${DIALECTS.duckdb.string(file)})`;
}

/**
 * The query in both dialects, as the exports ship it beside a run or a model (the Features stage shows one at a time):
 * the feature table a run trained on, computed where the data lives. Null when the spec has no SQL form (the Features
 * stage says why): an export then goes without it rather than failing.
 */
export function featureQueries(spec: FeatureSpec, options: Omit<FeatureSqlOptions, 'dialect' | 'source'> & { fileName: string }): Record<SqlDialect, string> | null {
  const { fileName, ...rest } = options;
  const query = (dialect: SqlDialect) => featureSql(spec, { ...rest, dialect, source: featureSqlSource(dialect, fileName) });
  try {
    return { duckdb: query('duckdb'), spark: query('spark') };
  } catch {
    return null;
  }
}

interface FeatureColumnsOptions {
  frequency: Frequency;
  seriesLabels: readonly string[];
  dialect: Dialect;
  covariate: (c: number) => string;
}

/** The columns in the order compileFeatures names and writes them; each one's SQL reads a `history` row `h`. */
function featureColumns(spec: FeatureSpec, { frequency, seriesLabels, dialect, covariate }: FeatureColumnsOptions): Column[] {
  const out: Column[] = [];
  const add = (name: string, sql: string, oneHot = false) => out.push({ name, sql, oneHot });
  const { calendar } = spec;
  for (const k of [...new Set(spec.lags)].sort((a, b) => a - b)) add(`lag_${k}`, `lag(h.z, ${k}) OVER (${GRID})`);
  for (const { window, stats } of spec.rolling) {
    const frame = `OVER (${GRID} ROWS BETWEEN ${window} PRECEDING AND 1 PRECEDING)`;
    if (stats.includes('mean')) add(`rolling_mean_${window}`, `avg(h.z) ${frame}`);
    if (stats.includes('std')) add(`rolling_std_${window}`, `stddev_samp(h.z) ${frame}`);
  }
  const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
  if (calendar.dayOfWeek) WEEKDAYS.forEach((name, dow) => add(`dow_${name}`, flag(`((h.day + 3) % 7 + 7) % 7 = ${dow}`), true));
  if (calendar.month) {
    const oneHot = (calendar.monthEncoding ?? (frequency === 'monthly' ? 'one-hot' : 'cyclic')) === 'one-hot';
    if (oneHot) MONTHS.forEach((name, month) => add(`month_${name}`, flag(`month(h.row_date) = ${month + 1}`), true));
    else {
      add('month_sin', 'sin((2 * pi() * (month(h.row_date) - 1)) / 12)');
      add('month_cos', 'cos((2 * pi() * (month(h.row_date) - 1)) / 12)');
    }
  }
  if (calendar.weekOfYear) {
    // 20 871 ISO weeks in 400 years: the mean year, so week 1 and week 53 sit side by side.
    const angle = '(2 * pi() * (weekofyear(h.row_date) - 1)) / (20871 / 400)';
    add('week_sin', `sin(${angle})`);
    add('week_cos', `cos(${angle})`);
  }
  const holiday = calendar.holiday;
  if (holiday !== null) {
    add(holiday, flag('h.holiday_flag > 0'));
    if (calendar.holidayDistance) {
      const cap = HOLIDAY_DISTANCE_CAP;
      // As DOUBLE: day differences are BIGINT, which clients read as big integers rather than numbers.
      add('days_to_holiday', `CAST(CASE WHEN h.next_holiday IS NULL THEN ${cap} ELSE least(${cap}, h.next_holiday - h.day) END AS DOUBLE)`);
      add('days_since_holiday', `CAST(CASE WHEN h.previous_holiday IS NULL THEN ${cap} ELSE least(${cap}, h.day - h.previous_holiday) END AS DOUBLE)`);
    }
  }
  spec.covariates
    .filter((name) => name !== holiday)
    .forEach((name, c) => add(name, `coalesce(h.${covariate(c)}, fill.${covariate(c)})`));
  if (spec.seriesIdentity === 'one-hot') for (const label of seriesLabels) add(`${SERIES_PREFIX}${label}`, flag(`h.series = ${dialect.string(label)}`), true);
  if (spec.seriesIdentity === 'level') add('series_level', 'ln(h.scale)');
  return out;
}

/**
 * The app's series label (messages/data seriesLabel, e.g. "store 1 · product 3") built in SQL: the label's text
 * around each key value, joined with the key columns by `||`.
 */
function labelSql(keys: readonly string[], { dialect, key }: { dialect: Dialect; key: (k: number) => string }): string {
  const marker = '\u0000';
  const parts = seriesLabel(keys, keys.map(() => marker)).split(marker);
  return parts
    .flatMap((text, k) => [...(text === '' ? [] : [dialect.string(text)]), ...(k < keys.length ? [key(k)] : [])])
    .join(' || ');
}

function select(items: string[], rest: string): string {
  return `SELECT\n${items.map((item) => `  ${item}`).join(',\n')}\n${rest}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
