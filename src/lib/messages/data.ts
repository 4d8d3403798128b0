// User-facing texts for the data area: import, column mapping, validation, cleaning.
// Tests compare issues' messages with these functions, so a wording change here is the only change needed.
import type { DateFormat, Frequency, IssueAction, IssueKind } from '../data/types';

const countFormat = new Intl.NumberFormat('en-US');
const n = (count: number): string => countFormat.format(count);
const plural = (count: number, one: string, many: string): string => `${n(count)} ${count === 1 ? one : many}`;
const rows = (count: number): string => plural(count, 'row', 'rows');
const quoted = (name: string): string => `“${name}”`;
const list = (names: readonly string[]): string =>
  names.length <= 1 ? names.map(quoted).join('') : `${names.slice(0, -1).map(quoted).join(', ')} and ${quoted(names.at(-1)!)}`;

const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'pipes (|)' };
export const delimiterName = (delimiter: string): string => DELIMITER_NAMES[delimiter] ?? quoted(delimiter);

const PERIOD: Record<Frequency, [string, string]> = {
  daily: ['day', 'days'],
  weekly: ['week', 'weeks'],
  monthly: ['month', 'months'],
};
const periods = (count: number, frequency: Frequency): string => plural(count, ...PERIOD[frequency]);

const DATE_ORDER: Record<DateFormat, string> = {
  ymd: 'year first (2020-01-31)',
  dmy: 'day first (31/01/2020)',
  mdy: 'month first (01/31/2020)',
};

// Issues ---------------------------------------------------------------------------------------------------------

export const emptyFile = (): string => 'The file is empty: there is no header and no data to import.';

export const headerOnly = (columnCount: number): string =>
  `The file has a header (${plural(columnCount, 'column', 'columns')}) but no data rows below it.`;

export const wrongDelimiter = (used: string, suspected: string | null): string =>
  suspected
    ? `The columns do not line up: the file was read as separated by ${delimiterName(used)}, but it also uses ${delimiterName(suspected)}. Save it with one separator throughout and import it again.`
    : `The columns do not line up: most rows split into a different number of fields than the header when separated by ${delimiterName(used)}. Check the file’s separator and import it again.`;

export interface RunawayQuoteFacts {
  /** The line the quote opens on, and how many lines (that one included) it took. */
  line: number;
  lines: number;
  /** Whether a closing quote was found at all (else the value runs to the end of the file). */
  closed: boolean;
  /** How many such quotes the file has. */
  count: number;
}

export const runawayQuote = ({ line, lines, closed, count }: RunawayQuoteFacts): string => {
  const what = closed
    ? `A quote (") opens on line ${n(line)} and closes only on line ${n(line + lines - 1)}, so those ${n(lines)} lines were read as one row.`
    : `A quote (") opens on line ${n(line)} and is never closed, so the ${n(lines)} lines from there to the end of the file were read as one value.`;
  const more = count > 1 ? ` ${plural(count - 1, 'other quote does', 'other quotes do')} the same.` : '';
  return `${what}${more} Remove the stray quote (or double it, "", if it belongs to the value) and import the file again.`;
};

export const fileTooLarge = (bytes: number, limitBytes: number): string =>
  `The file is ${megabytes(bytes)}; files up to ${megabytes(limitBytes)} can be imported in the browser. Import a smaller extract (fewer series or a shorter period).`;

const megabytes = (bytes: number): string => `${n(Math.ceil(bytes / (1024 * 1024)))} MB`;

export type ColumnRole = 'date' | 'sales' | 'key' | 'covariate';
const ROLE_NAMES: Record<ColumnRole, string> = {
  date: 'date',
  sales: 'sales',
  key: 'series key',
  covariate: 'covariate',
};

export const missingColumn = (role: ColumnRole, name: string): string =>
  name === ''
    ? `No column looks like the ${ROLE_NAMES[role]} column. Choose it in the column mapping.`
    : `The ${ROLE_NAMES[role]} column ${quoted(name)} is not in the file’s header. Choose another column in the mapping, or check the file.`;

export const raggedRows = (count: number, expected: number): string =>
  `${rows(count)} ${count === 1 ? 'has' : 'have'} a different number of fields than the header’s ${n(expected)}, so ${count === 1 ? 'its' : 'their'} values may sit in the wrong columns (often an unquoted separator inside a value).`;

export const unparseableDate = (count: number, column: string): string =>
  `${rows(count)} ${count === 1 ? 'has' : 'have'} a ${quoted(column)} value that is not a date; ${count === 1 ? 'it is' : 'they are'} left out.`;

export const nonNumericSales = (count: number, column: string): string =>
  `${rows(count)} ${count === 1 ? 'has' : 'have'} text instead of a number in the sales column ${quoted(column)}.`;

export const negativeSales = (count: number): string =>
  `${rows(count)} ${count === 1 ? 'has' : 'have'} negative sales. Returns can make this real; keep them unless the model should only see demand.`;

export const missingSales = (count: number): string =>
  `${rows(count)} ${count === 1 ? 'has' : 'have'} no sales value.`;

export const missingCovariate = (count: number, columns: readonly string[]): string =>
  `${rows(count)} ${count === 1 ? 'has' : 'have'} an empty value in ${list(columns)}.`;

export const nonNumericCovariate = (count: number, columns: readonly string[]): string =>
  `${rows(count)} ${count === 1 ? 'has' : 'have'} text instead of a number in ${list(columns)}.`;

export const duplicateRows = (count: number): string =>
  `${rows(count)} repeat${count === 1 ? 's' : ''} a date already present for the same series. Split transactions are often meant to be added up.`;

export const duplicateRowsTooLarge = (count: number): string =>
  `${rows(count)} repeat${count === 1 ? 's' : ''} a date already present for the same series, and adding their sales up would exceed the largest number the browser can hold, so one copy is kept instead.`;

export const gapsInDates = (count: number, frequency: Frequency, seriesCount: number): string =>
  `${periods(count, frequency)} ${count === 1 ? 'is' : 'are'} missing inside ${plural(seriesCount, 'series', 'series')}. A missing period often means nothing was sold.`;

export interface SeriesTooShortFacts {
  count: number;
  minLength: number;
  horizon: number;
  frequency: Frequency;
  /** When every series is too short: the longest one's length, and the longest horizon it allows (0: none). */
  all?: { longest: number; fits: number };
}

export const seriesTooShort = ({ count, minLength, horizon, frequency, all }: SeriesTooShortFacts): string => {
  const why = `shorter than ${periods(minLength, frequency)}, the least needed to forecast ${periods(horizon, frequency)} ahead and check the forecast (twice the horizon plus one season).`;
  if (!all) return `${plural(count, 'series is', 'series are')} ${why}`;
  const way = all.fits > 0 ? `set the forecast horizon to ${periods(all.fits, frequency)} or fewer on the Scope stage, or use a longer history` : 'use a file with a longer history';
  return `${count === 1 ? 'The only series is' : `All ${count.toLocaleString('en-US')} series are`} ${why} The longest has ${periods(all.longest, frequency)}. Explore shows the data as it is; Features and Train stop until you ${way}.`;
};

export const mixedFrequency = (count: number, frequency: Frequency): string =>
  `${plural(count, 'series does', 'series do')} not follow the file’s ${frequency} rhythm: ${count === 1 ? 'its' : 'their'} dates step by other intervals. One model needs one frequency.`;

export const dateOrderAmbiguous = (format: DateFormat): string =>
  `The dates could be read day first or month first; they are read ${DATE_ORDER[format]}. Change the date order if that is wrong.`;

// Column mapping notes -------------------------------------------------------------------------------------------

export const noteRedundantKey = (column: string, others: readonly string[]): string =>
  `${quoted(column)} only repeats ${list(others)}, so the series are identified by ${list(others)} instead.`;

export const noteIgnoredCalendar = (column: string): string =>
  `${quoted(column)} is left out: it is a part of the date, which the features stage derives itself.`;

export const noteIgnoredIndex = (column: string): string =>
  `${quoted(column)} is left out: it looks like a row number.`;

export const noteIgnoredOtherMeasure = (column: string, sales: string): string =>
  `${quoted(column)} is left out: it looks like another measure of the sales in ${quoted(sales)}, and would not be known ahead of time.`;

export const noteIgnoredText = (column: string): string =>
  `${quoted(column)} is left out: it holds text that is neither a date, a number nor a series name.`;

/** What became of a column holding one value on nearly every sampled row (see detectMapping). */
export type MostlyConstantOutcome = 'covariate' | 'text' | 'ignored';

export interface MostlyConstantFacts {
  column: string;
  /** The value on nearly every row, and its share of the sampled rows with a value (below 1). */
  value: string;
  share: number;
  outcome: MostlyConstantOutcome;
}

export const noteMostlyConstant = ({ column, value, share, outcome }: MostlyConstantFacts): string => {
  // Floored, so that 99.6 % does not read as 100 % beside the other values the column has.
  const seen = `${quoted(column)} is ${quoted(value)} in ${Math.floor(share * 100)}% of the sampled rows`;
  if (outcome === 'covariate') return `${seen}: it marks exceptions, not series, so it is treated as a covariate (a flag), not as a series key.`;
  if (outcome === 'text') {
    return `${seen} and its other values are text: it is left out, not used as a series key (it marks exceptions, not series) nor as a covariate (covariates are numbers).`;
  }
  return `${seen}: it marks exceptions, not series, so it is left out rather than used as a series key. Add it to the keys if it does identify series.`;
};

export const noteOtherCandidates = (role: ColumnRole, chosen: string, others: readonly string[]): string =>
  `${quoted(chosen)} is used as the ${ROLE_NAMES[role]} column; ${list(others)} could also be. Change it in the mapping if needed.`;

// Labels ---------------------------------------------------------------------------------------------------------

export const allSeriesLabel = (): string => 'all';

export const seriesLabel = (keys: readonly string[], values: readonly string[]): string =>
  keys.map((key, i) => `${key} ${values[i] ?? ''}`).join(' · ');

const ISSUE_TITLES: Record<IssueKind, string> = {
  'empty-file': 'Empty file',
  'header-only': 'No data rows',
  'wrong-delimiter': 'Columns do not line up',
  'runaway-quote': 'A quote runs over many lines',
  'file-too-large': 'File too large',
  'missing-column': 'Column missing',
  'ragged-rows': 'Rows with extra or missing fields',
  'unparseable-date': 'Dates that cannot be read',
  'non-numeric-sales': 'Text in sales',
  'negative-sales': 'Negative sales',
  'missing-sales': 'Missing sales',
  'missing-covariate': 'Missing covariate values',
  'non-numeric-covariate': 'Text in covariates',
  'duplicate-rows': 'Duplicate dates',
  gaps: 'Gaps in the dates',
  'series-too-short': 'Series too short',
  'mixed-frequency': 'Mixed frequencies',
};
export const issueTitle = (kind: IssueKind): string => ISSUE_TITLES[kind];

const ACTION_LABELS: Record<IssueAction, string> = {
  'drop-rows': 'Leave these rows out',
  'fill-zero': 'Fill with 0',
  'fill-previous': 'Repeat the previous value',
  sum: 'Add them up',
  'keep-first': 'Keep the first',
  'keep-last': 'Keep the last',
  keep: 'Keep as they are',
  'clip-zero': 'Set them to 0',
};
/** The label of a choice; 'drop-rows' reads differently where it removes whole series or every copy of a row. */
export const actionLabel = (action: IssueAction, kind?: IssueKind): string => {
  if (action === 'drop-rows' && (kind === 'series-too-short' || kind === 'mixed-frequency')) return 'Leave these series out';
  if (action === 'drop-rows' && kind === 'duplicate-rows') return 'Leave out every copy';
  return ACTION_LABELS[action];
};

// The Data stage's panel: the dataset picker, loading progress, the facts, the column mapping, the validation report.

/** Labels and sentences of the Data stage (DataPanel, DatasetPicker, ProgressBar, MappingEditor, ValidationReport). */
export const dataPanelTexts = {
  dataset: 'Dataset',
  exampleOption: 'Product-sales example (generated, seeded)',
  importedOption: (name: string): string => `Your file: ${name}`,
  example: { seed: 'Seed', stores: 'Stores', products: 'Products', days: 'Days', generate: 'Generate' },
  dropZone: 'Import your own sales file',
  dropHere: 'Your own sales data: drop a CSV or TSV file here, or',
  chooseFile: 'choose a file…',
  staysHere: 'It stays in this browser: nothing is uploaded anywhere.',
  phases: { generating: 'Generating the example', reading: 'Reading and checking rows', checking: 'Sorting and validating' },
  progress: (phase: string, percent: number, eta: string): string => `${phase}… ${percent}% ${eta}`,
  progressLabel: 'Loading progress',
  cancel: 'Cancel',
  fixMapping: 'Fix the column mapping and try this file again',
  facts: {
    source: 'Source',
    rows: 'Rows read',
    series: 'Series',
    frequency: 'Frequency (inferred)',
    dates: 'Dates',
    size: 'Size',
    hash: 'Content hash',
  },
  unknownFrequency: 'unknown',
  dateRange: (start: string, end: string): string => `${start} to ${end}`,
  noDate: '–',
  mappingSummary: { date: 'Column mapping: date', sales: ', sales', keys: ', series keys', covariates: ', covariates' },
  oneSeries: 'none (one series)',
  none: 'none',
  afterCleaning: (rows: number, series: number, frequency: string, horizon: number): string =>
    `After cleaning: ${n(rows)} rows in ${plural(series, 'series', 'series')}, ${frequency}, forecast horizon ${horizon} periods.`,
  mapping: {
    date: 'Date column',
    sales: 'Sales column',
    other: 'Other column',
    key: 'Series key',
    covariate: 'Covariate',
    ignored: 'Ignored',
    isKey: (column: string): string => `${column} is a series key`,
    isCovariate: (column: string): string => `${column} is a covariate`,
    ignoredValue: 'ignored',
    apply: 'Apply mapping',
    detectAgain: 'Auto-detect again',
  },
  report: {
    ok: 'No problems found: every row has a date, a sales number and a place in its series.',
    severity: { error: 'Error', warning: 'Warning' },
    whatToDo: 'What to do',
    examples: (shown: number, count: number): string => `Example rows (${shown} of ${n(count)})`,
    line: (line: number): string => `line ${line}`,
  },
} as const;
