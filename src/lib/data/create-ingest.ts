import type {
  ColumnMapping,
  DateFormat,
  IssueExample,
  IssueKind,
  SalesData,
  ValidationIssue,
  ValidationReport,
} from './types';
import { ROW_FLAG } from './types';
import { parseDate } from './parse-date';
import { isMissingValue, parseNumber } from './parse-number';
import { createRowsBuilder } from './create-rows-builder';
import { sortRows } from './sort-rows';
import { inferFrequency, type FrequencyInference } from './infer-frequency';
import { validateSales } from './validate-sales';
import { cleanSales } from './clean-sales';
import { createIssue, MAX_EXAMPLES } from './create-issue';
import { emptySalesData } from './empty-sales-data';
import { DELIMITERS, trimCarriageReturn } from './preview-csv';
import { createRunawayQuotes, type QuoteError } from './runaway-quotes';
import * as messages from '../messages/data';

export interface IngestOptions {
  mapping: ColumnMapping;
  /** The file's header row as parsed (a byte-order mark and surrounding spaces are ignored). */
  header: readonly string[];
  dateFormat: DateFormat;
  /** The separator the rows were split with: named in the wrong-delimiter message; ';' turns on decimal commas. */
  delimiter?: string;
  /** Read `12,5` as 12.5; default: true when `delimiter` is ';'. */
  decimalComma?: boolean;
  /** Periods to forecast: when given, series too short for it are reported (see validateSales). */
  horizon?: number;
  /** Example rows per issue (default 5). */
  maxExamples?: number;
}

export interface IngestResult {
  data: SalesData;
  report: ValidationReport;
}

export interface Ingest {
  /**
   * Reads data rows (header excluded). `firstLine` is the 1-based file line of `rows[0]` (the header is line 1);
   * `errors` are papaparse's errors for these rows, `row` shifted to index `rows`.
   */
  addRows(rows: readonly (readonly string[])[], firstLine: number, errors?: readonly QuoteError[]): void;
  /** Non-blank data rows read so far, for progress. */
  readonly rowsRead: number;
  /** Sorts, infers the frequency, validates; call once after the last `addRows`. */
  finish(): IngestResult;
}

/** Above this share of rows with the wrong field count, the separator is wrong, not a few rows. */
const WRONG_DELIMITER_SHARE = 0.5;
/** Key value → next key column's map, or (for the last key column) the series index. */
type SeriesTree = Map<string, SeriesTree | number>;

/**
 * Streaming ingest: rows in (papaparse chunks, in any size), one typed table and a validation report out.
 *
 * 1. Columns are found by name in the header; missing ones make a 'missing-column' error at the end.
 * 2. A row that spans several lines and either has a quote papaparse calls broken or the wrong number of fields is
 *    a quote that swallowed the lines after it (a stray `"`): the file is refused, naming the line the quote opened
 *    on and how many lines it took. A value with line breaks in a row that fits the header is legal CSV and kept.
 *    Per row, with no object allocated for it: the date is parsed (rows without a date are left out: they have no
 *    place in a series), sales and covariates are parsed, NaN kept, and what NaN cannot say goes in `rowFlags`
 *    (ragged, text rather than empty); the series is looked up in a Map by its key values (skipped while they equal
 *    the previous row's, as in files sorted by series).
 * 3. `finish` sorts by (series, date), infers the frequency, adds the table-level issues (validateSales) and decides
 *    `usable` by running the default cleaning. Nothing is dropped or changed here beyond undated rows: cleanSales
 *    applies the user's choices later, on this table.
 */
export function createIngest(options: IngestOptions): Ingest {
  const maxExamples = options.maxExamples ?? MAX_EXAMPLES;
  const header = options.header.map((name, i) => (i === 0 ? name.replace(/^\ufeff/, '') : name).trim());
  const width = header.length;
  const { mapping, dateFormat } = options;
  const numberOptions = { decimalComma: options.decimalComma ?? options.delimiter === ';' };
  const covariateOptions = { ...numberOptions, booleans: true };

  // 1. Columns.
  const missing: { role: messages.ColumnRole; name: string }[] = [];
  const find = (name: string, role: messages.ColumnRole): number => {
    let index = header.indexOf(name.trim());
    if (index < 0) index = header.findIndex((h) => h.toLowerCase() === name.trim().toLowerCase());
    if (index < 0 || name.trim() === '') missing.push({ role, name });
    return index;
  };
  const dateColumn = find(mapping.date, 'date');
  const salesColumn = find(mapping.sales, 'sales');
  const keyColumns = mapping.keys.map((name) => find(name, 'key'));
  const covariateColumns = mapping.covariates.map((name) => find(name, 'covariate'));
  const readable = missing.length === 0 && width > 0;

  const rows = createRowsBuilder(covariateColumns.length);
  const seriesTree: SeriesTree = new Map();
  const seriesKeyValues: string[][] = [];
  const previousKeys: (string | undefined)[] = keyColumns.map(() => undefined);
  let previousSeries = -1;
  let dataRows = 0;
  let lastDateText = '';
  let lastDate = NaN;
  const firstRows: IssueExample[] = [];
  const tally = createTally(maxExamples);
  const covariateTrouble = { missing: new Set<string>(), text: new Set<string>() };
  const runaways = createRunawayQuotes(maxExamples);
  // Callers count rows, not lines: the lines a runaway quote took shift every later row's line.
  let swallowedLines = 0;

  function addRows(input: readonly (readonly string[])[], firstLine: number, errors: readonly QuoteError[] = []): void {
    runaways.chunk(errors);
    for (let i = 0; i < input.length; i++) {
      const row = trimCarriageReturn(input[i]!);
      const line = firstLine + i + swallowedLines;
      if (row.length <= 1 && (row[0] ?? '').trim() === '') continue;
      dataRows++;
      if (firstRows.length < maxExamples) firstRows.push({ line, values: [...row] });
      // A ragged row's cells may sit in the wrong columns: it is read by position (for 'keep') but its cells'
      // problems are not reported again, the raggedness explains them.
      const ragged = row.length !== width && !(row.length > width && onlyEmptyAfter(row, width));
      const swallowed = runaways.swallowed(row, i, line, ragged);
      if (swallowed > 0) {
        swallowedLines += swallowed;
        continue;
      }
      let flags = ragged ? ROW_FLAG.ragged : 0;
      if (ragged) tally.add('ragged-rows', line, row);
      if (!readable) continue;

      // 2. Date, sales, covariates, series.
      // Rows of one date often follow each other (exports sorted by date): reuse the last parse.
      const dateText = row[dateColumn] ?? '';
      const date = dateText === lastDateText ? lastDate : parseDate(dateText, dateFormat);
      lastDateText = dateText;
      lastDate = date;
      if (date !== date) {
        if (!ragged) tally.add('unparseable-date', line, row);
        continue;
      }
      const salesText = row[salesColumn] ?? '';
      const sales = parseNumber(salesText, numberOptions);
      if (sales !== sales) {
        if (!isMissingValue(salesText)) flags |= ROW_FLAG.salesText;
        if (!ragged) tally.add(flags & ROW_FLAG.salesText ? 'non-numeric-sales' : 'missing-sales', line, row);
      } else if (sales < 0 && !ragged) tally.add('negative-sales', line, row);

      rows.ensure(1);
      const at = rows.length++;
      for (let c = 0; c < covariateColumns.length; c++) {
        const text = row[covariateColumns[c]!] ?? '';
        const value = parseNumber(text, covariateOptions);
        rows.covariates[c]![at] = value;
        if (value !== value) {
          const empty = isMissingValue(text);
          flags |= empty ? ROW_FLAG.covariateMissing : ROW_FLAG.covariateText;
          if (!ragged) (empty ? covariateTrouble.missing : covariateTrouble.text).add(mapping.covariates[c]!);
        }
      }
      if (!ragged && flags & ROW_FLAG.covariateMissing) tally.add('missing-covariate', line, row);
      if (!ragged && flags & ROW_FLAG.covariateText) tally.add('non-numeric-covariate', line, row);

      rows.date[at] = date;
      rows.series[at] = seriesOf(row);
      rows.sales[at] = sales;
      rows.lines[at] = line;
      rows.flags[at] = flags;
    }
  }

  /**
   * The series of a row. Rows of one series usually follow each other, so equal key cells mean the previous row's
   * series at the cost of a string compare; otherwise one Map per key column is walked (no joined key string built).
   */
  function seriesOf(row: readonly string[]): number {
    if (keyColumns.length === 0) return 0;
    let same = previousSeries >= 0;
    for (let k = 0; same && k < keyColumns.length; k++) same = row[keyColumns[k]!] === previousKeys[k];
    if (same) return previousSeries;
    let level: SeriesTree = seriesTree;
    let s = -1;
    for (let k = 0; k < keyColumns.length; k++) {
      const raw = row[keyColumns[k]!];
      previousKeys[k] = raw;
      const value = (raw ?? '').trim();
      const last = k === keyColumns.length - 1;
      let next = level.get(value);
      if (next === undefined) {
        next = last ? seriesKeyValues.length : new Map();
        if (last) seriesKeyValues.push(keyColumns.map((column) => (row[column] ?? '').trim()));
        level.set(value, next);
      }
      if (typeof next === 'number') s = next;
      else level = next;
    }
    previousSeries = s;
    return s;
  }

  function finish(): IngestResult {
    const fail = (issue: ValidationIssue): IngestResult => ({
      data: emptySalesData(mapping),
      report: report([issue], null),
    });
    // 3. Problems with the file as a whole first: each makes the rest meaningless.
    if (width === 0 || (width === 1 && header[0] === '' && dataRows === 0)) {
      return fail(createIssue({ kind: 'empty-file', count: 0, message: messages.emptyFile() }));
    }
    // Before the separator check: the swallowed lines make a row of the wrong width, not a wrong separator.
    const runaway = runaways.issue();
    if (runaway) {
      return fail(runaway);
    }
    const used = options.delimiter ?? ',';
    const suspected = width === 1 ? (DELIMITERS.find((d) => d !== used && header[0]!.includes(d)) ?? null) : null;
    const ragged = tally.get('ragged-rows');
    if (suspected !== null || (dataRows > 0 && ragged.count / dataRows > WRONG_DELIMITER_SHARE)) {
      const all = ragged.count === 0;
      return fail(
        createIssue({
          kind: 'wrong-delimiter',
          count: all ? dataRows : ragged.count,
          message: messages.wrongDelimiter(used, suspected),
          examples: all ? firstRows : ragged.examples,
        }),
      );
    }
    if (dataRows === 0) {
      const examples = [{ line: 1, values: header }];
      return fail(createIssue({ kind: 'header-only', count: 0, message: messages.headerOnly(width), examples }));
    }
    if (missing.length > 0) {
      return fail(
        createIssue({
          kind: 'missing-column',
          count: missing.length,
          message: missing.map(({ role, name }) => messages.missingColumn(role, name)).join(' '),
          examples: [{ line: 1, values: header }],
        }),
      );
    }

    const { data, inference } = buildTable();
    const n = data.date.length;
    const issues: ValidationIssue[] = [];
    const push = (kind: IssueKind, message: (count: number) => string, allLost = false): void => {
      const { count, examples } = tally.get(kind);
      if (count === 0) return;
      issues.push(createIssue({ kind, count, message: message(count), examples, ...(allLost ? { severity: 'error' } : {}) }));
    };
    const salesLost = tally.get('non-numeric-sales').count + tally.get('missing-sales').count === n;
    push('ragged-rows', (count) => messages.raggedRows(count, width));
    push('unparseable-date', (count) => messages.unparseableDate(count, header[dateColumn]!), n === 0);
    push('non-numeric-sales', (count) => messages.nonNumericSales(count, header[salesColumn]!), salesLost);
    push('negative-sales', messages.negativeSales);
    push('missing-sales', messages.missingSales, salesLost);
    push('missing-covariate', (count) => messages.missingCovariate(count, [...covariateTrouble.missing]));
    push('non-numeric-covariate', (count) => messages.nonNumericCovariate(count, [...covariateTrouble.text]));
    issues.push(...validateSales(data, { horizon: options.horizon, maxExamples, inference }));
    return { data, report: report(issues, data, inference) };
  }

  function buildTable(): { data: SalesData; inference: FrequencyInference } {
    const n = rows.length;
    const seriesCount = keyColumns.length === 0 ? (n > 0 ? 1 : 0) : seriesKeyValues.length;
    const order = sortRows(rows.date.subarray(0, n), rows.series.subarray(0, n), seriesCount);
    // Sorted input is trimmed by one copy; unsorted input is gathered straight from the builder, also one copy.
    const columns = order
      ? {
          date: permuteInt32(rows.date, order),
          series: permuteInt32(rows.series, order),
          sales: permuteFloat64(rows.sales, order),
          covariates: rows.covariates.map((column) => permuteFloat64(column, order)),
          lines: permuteInt32(rows.lines, order),
          flags: permuteUint8(rows.flags, order),
        }
      : rows.finish();
    const { date, series } = columns;
    const keyValues = keyColumns.length === 0 ? (seriesCount > 0 ? [[]] : []) : seriesKeyValues;
    const inference = inferFrequency(date, { series });
    const data: SalesData = {
      date,
      series,
      sales: columns.sales,
      covariates: Object.fromEntries(mapping.covariates.map((name, c) => [name, columns.covariates[c]!])),
      seriesKeys: [...mapping.keys],
      seriesKeyValues: keyValues,
      seriesLabels: keyValues.map((values) =>
        mapping.keys.length === 0 ? messages.allSeriesLabel() : messages.seriesLabel(mapping.keys, values),
      ),
      frequency: inference.frequency ?? 'daily',
      mapping,
      rowLines: columns.lines,
      rowFlags: columns.flags,
    };
    return { data, inference };
  }

  function report(issues: ValidationIssue[], data: SalesData | null, inference?: FrequencyInference): ValidationReport {
    const n = data?.date.length ?? 0;
    let start: number | null = null;
    let end: number | null = null;
    for (let r = 0; r < n; r++) {
      const d = data!.date[r]!;
      if (start === null || d < start) start = d;
      if (end === null || d > end) end = d;
    }
    // Usable: no error, and the default cleaning leaves at least one row.
    const usable =
      data !== null &&
      n > 0 &&
      !issues.some((issue) => issue.severity === 'error') &&
      cleanSales(data, issues).date.length > 0;
    return {
      rowCount: n,
      seriesCount: data?.seriesLabels.length ?? 0,
      frequency: inference?.frequency ?? null,
      start,
      end,
      issues,
      usable,
    };
  }

  return {
    addRows,
    get rowsRead() {
      return dataRows;
    },
    finish,
  };
}

// `out[i] = column[order[i]]`, written once per element type on purpose: one generic loop over three typed-array
// kinds is polymorphic in V8 and several times slower on a million rows.
function permuteInt32(column: Int32Array, order: Int32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = column[order[i]!]!;
  return out;
}

function permuteFloat64(column: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = column[order[i]!]!;
  return out;
}

function permuteUint8(column: Uint8Array, order: Int32Array): Uint8Array {
  const out = new Uint8Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = column[order[i]!]!;
  return out;
}

/** Trailing empty fields (a separator at the end of each line) are common in exports and harmless. */
function onlyEmptyAfter(row: readonly string[], width: number): boolean {
  for (let i = width; i < row.length; i++) if (row[i]!.trim() !== '') return false;
  return true;
}

interface Tally {
  add(kind: IssueKind, line: number, row: readonly string[]): void;
  get(kind: IssueKind): { count: number; examples: IssueExample[] };
}

function createTally(maxExamples: number): Tally {
  const counts = new Map<IssueKind, { count: number; examples: IssueExample[] }>();
  return {
    add(kind, line, row) {
      let entry = counts.get(kind);
      if (!entry) counts.set(kind, (entry = { count: 0, examples: [] }));
      entry.count++;
      if (entry.examples.length < maxExamples) entry.examples.push({ line, values: [...row] });
    },
    get: (kind) => counts.get(kind) ?? { count: 0, examples: [] },
  };
}
