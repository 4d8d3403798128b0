/**
 * The shapes on the data path (see ../../../STYLE of the house):
 *
 *   CSV / generator ──► RawPreview ──► ColumnMapping ──► SalesData + ValidationReport ──► (cleaning) ──► SalesData
 *
 * Everything here is plain, serialisable data. Big columns are typed arrays so a table of a million rows
 * crosses from the data worker to the page as transferables, not as a million objects.
 */

export type Frequency = 'daily' | 'weekly' | 'monthly';

/**
 * The order of day, month and year in a file's dates. Year-first dates (`2020-01-31`, `2020/01/31`, `2020-01`) read
 * under every order; the order only decides short-first dates such as `01/02/2020`. `DD.MM.YYYY` is always day-first.
 */
export type DateFormat = 'ymd' | 'dmy' | 'mdy';

/** How the columns of a file map onto the forecasting problem. */
export interface ColumnMapping {
  /** The column holding the period (a date). */
  date: string;
  /** The target: units (or money) sold in the period. */
  sales: string;
  /** Columns that together identify one series (e.g. store + product); empty means the file is one series. */
  keys: string[];
  /** Numeric covariates known for each row (price, promo, holiday, …); booleans become 0/1. */
  covariates: string[];
}

/** What a first look at a file found, before any row is trusted. */
export interface RawPreview {
  delimiter: string;
  /** What ends a line for the parser (see lineBreakOf): '\n' whenever the file has one, whatever precedes it. */
  newline: '\n' | '\r';
  header: string[];
  /** Up to a few dozen data rows, as strings, for the mapping step and for auto-detection. */
  sampleRows: string[][];
}

/**
 * A sales table in column form. Rows are sorted by (series, date).
 * Dates are whole days since 1970-01-01 UTC (weekly and monthly data keep the day each period is stamped with).
 */
export interface SalesData {
  date: Int32Array;
  /** Index into `seriesKeyValues` / `seriesLabels`. */
  series: Int32Array;
  /** NaN marks a missing value. */
  sales: Float64Array;
  /** One column per mapped covariate; NaN marks a missing value. */
  covariates: Record<string, Float64Array>;
  /** The key column names, e.g. ['store', 'product']. */
  seriesKeys: string[];
  /** Per series, its value in each key column, in `seriesKeys` order. */
  seriesKeyValues: string[][];
  /** Per series, a short human label, e.g. "store 1 · product 3" (or "all" for a single series). */
  seriesLabels: string[];
  frequency: Frequency;
  mapping: ColumnMapping;
  /**
   * Per row, the 1-based line of the source file it came from (0 for a row that cleaning inserted, e.g. a filled gap).
   * Absent for data that never was a file (the generator).
   */
  rowLines?: Int32Array;
  /**
   * Per row, what ingest noticed that the numbers alone cannot say (bits of `ROW_FLAG`), so that `cleanSales` can act
   * on it later: a NaN sales value that was text rather than empty, a row with the wrong number of fields. Absent = 0.
   */
  rowFlags?: Uint8Array;
}

/** Bits of `SalesData.rowFlags`. */
export const ROW_FLAG = {
  /** The row had a different number of fields than the header: its values may be shifted. */
  ragged: 1,
  /** Sales is NaN because the cell held text that is not a number (not because it was empty). */
  salesText: 2,
  /** At least one covariate cell was empty. */
  covariateMissing: 4,
  /** At least one covariate cell held text that is not a number. */
  covariateText: 8,
} as const;

/** Row numbers in issues are 1-based line numbers of the source file (the header is line 1). */
export interface IssueExample {
  line: number;
  values: string[];
}

export type IssueKind =
  | 'empty-file'
  | 'header-only'
  | 'wrong-delimiter'
  | 'runaway-quote'
  | 'file-too-large'
  | 'missing-column'
  | 'ragged-rows'
  | 'unparseable-date'
  | 'non-numeric-sales'
  | 'negative-sales'
  | 'missing-sales'
  | 'missing-covariate'
  | 'non-numeric-covariate'
  | 'duplicate-rows'
  | 'gaps'
  | 'series-too-short'
  | 'mixed-frequency';

/** What can be done about an issue; the report offers only the choices that make sense for it. */
export type IssueAction = 'drop-rows' | 'fill-zero' | 'fill-previous' | 'sum' | 'keep-first' | 'keep-last' | 'keep' | 'clip-zero';

export interface ValidationIssue {
  kind: IssueKind;
  /** 'error' blocks using the data until resolved (or nothing can be used at all); 'warning' can be used as is. */
  severity: 'error' | 'warning';
  /** How many rows (or series, or gaps: `message` says which) are affected. */
  count: number;
  /** A plain-language sentence from src/lib/messages. */
  message: string;
  examples: IssueExample[];
  /** Allowed actions; the first one is the default. Empty when nothing can be done but fixing the file. */
  actions: IssueAction[];
  /**
   * For issues about whole series ('series-too-short', 'mixed-frequency'): the affected series (indices into
   * `SalesData.seriesLabels`), which 'drop-rows' removes.
   */
  series?: number[];
}

export interface ValidationReport {
  rowCount: number;
  seriesCount: number;
  frequency: Frequency | null;
  /** First and last date, days since epoch. */
  start: number | null;
  end: number | null;
  issues: ValidationIssue[];
  /** True when at least one usable row remains after the default actions. */
  usable: boolean;
}

/** The user's answer to each issue: which action to take. Missing entries take the issue's default. */
export type CleaningChoices = Partial<Record<IssueKind, IssueAction>>;
