import type { CleaningChoices, IssueAction, IssueKind, SalesData, ValidationIssue, ValidationReport } from './types';
import { ROW_FLAG } from './types';
import { advancePeriods } from '../core/periods';
import { createRowsBuilder, type RowsBuilder } from './create-rows-builder';
import { periodsBetween } from './validate-sales';
import { inferFrequency } from './infer-frequency';

/**
 * Applies the user's answers to a report's issues and returns a new table; `data` is not changed.
 *
 * Only kinds present in `issues` are acted on, each with the chosen action when the issue allows it, else its
 * default (its first action). Ingest keeps every row it could date — with NaN or negative sales, duplicates,
 * ragged fields — and marks in `rowFlags` what the numbers cannot say, so the whole decision is taken here:
 *
 * 1. Series listed by 'series-too-short' or 'mixed-frequency' with 'drop-rows' are removed.
 * 2. Row by row, in (series, date) order: ragged rows are dropped or kept; NaN sales (text or empty) are dropped,
 *    set to 0 or to the series' previous value (0 when there is none), and never kept; negative sales are kept, set to 0 or
 *    dropped; NaN covariates take the previous value in the series (leading ones the first later value, else 0),
 *    0, or drop the row.
 * 3. Rows sharing a (series, date) are summed (covariates of the first), reduced to the first or the last, or all
 *    dropped. A row whose addition would overflow is not added: sales stay finite whatever the choices.
 * 4. Gaps at the table's frequency are kept or filled with rows of sales 0 or the previous sales; filled rows carry
 *    the previous row's covariates and line 0. Series at another frequency than the table's are never filled.
 *    Rows dropped in steps 2–3 leave gaps that step 4 fills too: the filled series is regular.
 * 5. Series indices are renumbered when series were removed or left without rows.
 *
 * Pure and deterministic; 'unparseable-date' needs nothing here (ingest could not place those rows at all).
 */
export function cleanSales(
  data: SalesData,
  issues: ValidationReport | readonly ValidationIssue[],
  choices: CleaningChoices = {},
): SalesData {
  const list = 'issues' in issues ? issues.issues : issues;
  const act = resolveActions(list, choices);
  const seriesOf = (kind: IssueKind): Set<number> => new Set(list.find((issue) => issue.kind === kind)?.series ?? []);
  // 1. Whole series to leave out.
  const dropped = new Set<number>();
  for (const kind of ['series-too-short', 'mixed-frequency'] as const) {
    if (act.get(kind) === 'drop-rows') for (const s of seriesOf(kind)) dropped.add(s);
  }
  const fill = act.get('gaps');
  const busy = [...act].some(([kind, action]) => action !== 'keep' && kind !== 'unparseable-date');
  // A row kept as it is (a ragged one, say) may still hold text where sales go: that never passes as clean.
  if (!busy && !data.sales.some(Number.isNaN)) return data;
  // Gaps are only filled in series at the table's frequency: a weekly series in a daily table has no missing days.
  const offFrequency = seriesOf('mixed-frequency');
  if (fill === 'fill-zero' || fill === 'fill-previous') {
    inferFrequency(data.date, { series: data.series }).seriesFrequency.forEach((frequency, s) => {
      if (frequency !== null && frequency !== data.frequency) offFrequency.add(s);
    });
  }

  const n = data.date.length;
  const covariateNames = Object.keys(data.covariates);
  const covariates = covariateNames.map((name) => data.covariates[name]!);
  const out = createRowsBuilder(covariates.length, n);
  const duplicate = act.get('duplicate-rows');

  // 2–4, series by series.
  let start = 0;
  while (start < n) {
    const s = data.series[start]!;
    let end = start;
    while (end < n && data.series[end] === s) end++;
    if (!dropped.has(s)) {
      const seriesFill = offFrequency.has(s) ? undefined : fill;
      cleanSeries({ data, covariates, out, act, from: start, to: end, fill: seriesFill, duplicate });
    }
    start = end;
  }

  // 5. Renumber series, leaving out those removed and those left without rows.
  const columns = out.finish();
  const rowsPer = new Int32Array(data.seriesLabels.length);
  for (let r = 0; r < columns.series.length; r++) rowsPer[columns.series[r]!]!++;
  const remap = new Int32Array(data.seriesLabels.length);
  const seriesKeyValues: string[][] = [];
  const seriesLabels: string[] = [];
  data.seriesLabels.forEach((label, s) => {
    remap[s] = seriesLabels.length;
    if (rowsPer[s] === 0) return;
    seriesKeyValues.push(data.seriesKeyValues[s] ?? []);
    seriesLabels.push(label);
  });
  if (seriesLabels.length < data.seriesLabels.length) {
    for (let r = 0; r < columns.series.length; r++) columns.series[r] = remap[columns.series[r]!]!;
  }
  return {
    ...data,
    date: columns.date,
    series: columns.series,
    sales: columns.sales,
    covariates: Object.fromEntries(covariateNames.map((name, c) => [name, columns.covariates[c]!])),
    seriesKeyValues,
    seriesLabels,
    rowLines: columns.lines,
    rowFlags: columns.flags,
  };
}

function resolveActions(issues: readonly ValidationIssue[], choices: CleaningChoices): Map<IssueKind, IssueAction> {
  const act = new Map<IssueKind, IssueAction>();
  for (const issue of issues) {
    const chosen = choices[issue.kind];
    const action = chosen !== undefined && issue.actions.includes(chosen) ? chosen : issue.actions[0];
    if (action !== undefined) act.set(issue.kind, action);
  }
  return act;
}

interface SeriesJob {
  data: SalesData;
  covariates: Float64Array[];
  out: RowsBuilder;
  act: Map<IssueKind, IssueAction>;
  from: number;
  to: number;
  fill: IssueAction | undefined;
  duplicate: IssueAction | undefined;
}

/** Steps 2–4 for the rows [from, to) of one series, appended to `out`. */
function cleanSeries(job: SeriesJob): void {
  const { data, covariates, out, act, fill, duplicate } = job;
  const flagsIn = data.rowFlags;
  const first = out.length;
  const values = new Float64Array(covariates.length);
  // The row being written, reused for every row (no object per row).
  const current: CurrentRow = { r: 0, date: 0, sales: 0, values };
  const backfill = new Uint8Array(covariates.length);
  let dropGroup = false;
  const last = (): number => (out.length > first ? out.length - 1 : -1);

  for (let r = job.from; r < job.to; r++) {
    const flags = flagsIn ? flagsIn[r]! : 0;
    if (flags & ROW_FLAG.ragged && act.get('ragged-rows') === 'drop-rows') continue;

    // 2. Sales, then covariates.
    let sales = data.sales[r]!;
    if (Number.isNaN(sales)) {
      const action = act.get(flags & ROW_FLAG.salesText ? 'non-numeric-sales' : 'missing-sales');
      if (action === 'drop-rows') continue;
      if (action === 'fill-zero') sales = 0;
      if (action === 'fill-previous') sales = last() >= 0 && !Number.isNaN(out.sales[last()]!) ? out.sales[last()]! : 0;
      // No choice made it a number (no sales issue was raised for it: a ragged row kept as it is): left out.
      if (Number.isNaN(sales)) continue;
    }
    if (sales < 0) {
      const action = act.get('negative-sales');
      if (action === 'drop-rows') continue;
      if (action === 'clip-zero') sales = 0;
    }
    let dropRow = false;
    for (let c = 0; c < covariates.length; c++) {
      let v = covariates[c]![r]!;
      if (Number.isNaN(v)) {
        const action = act.get(flags & ROW_FLAG.covariateText ? 'non-numeric-covariate' : 'missing-covariate');
        if (action === 'drop-rows') dropRow = true;
        if (action === 'fill-zero') v = 0;
        if (action === 'fill-previous') {
          v = last() >= 0 ? out.covariates[c]![last()]! : NaN;
          if (Number.isNaN(v)) backfill[c] = 1;
        }
      }
      values[c] = v;
    }
    if (dropRow) continue;

    // 3. Duplicates: the previous output row of this series has the same date.
    const date = data.date[r]!;
    current.r = r;
    current.date = date;
    current.sales = sales;
    const prev = last();
    if (prev >= 0 && out.date[prev] === date && duplicate !== undefined) {
      if (duplicate === 'sum') {
        // validateSales withholds 'sum' when a file's own values overflow; a missing value filled with the previous
        // total can still overflow, and Infinity would pass every later stage as a missing value.
        const total = out.sales[prev]! + sales;
        if (Number.isFinite(total)) out.sales[prev] = total;
      } else if (duplicate === 'keep-last') write(job, prev, current);
      else if (duplicate === 'drop-rows') dropGroup = true;
      continue;
    }
    if (dropGroup) {
      out.length--;
      dropGroup = false;
    }

    // 4. Gaps before this row.
    const before = last();
    if (before >= 0 && (fill === 'fill-zero' || fill === 'fill-previous')) {
      const from = out.date[before]!;
      const periods = periodsBetween(from, date, data.frequency);
      out.ensure(Math.max(0, periods - 1));
      for (let k = 1; k < periods; k++) {
        const at = out.length++;
        out.date[at] = advancePeriods(from, k, data.frequency);
        out.series[at] = data.series[r]!;
        out.sales[at] = fill === 'fill-zero' ? 0 : out.sales[before]!;
        for (let c = 0; c < covariates.length; c++) out.covariates[c]![at] = out.covariates[c]![before]!;
        out.lines[at] = 0;
        out.flags[at] = 0;
      }
    }
    out.ensure(1);
    write(job, out.length++, current);
  }
  if (dropGroup) out.length--;

  // Leading NaN covariates under 'fill-previous': the first later value in the series, else 0.
  for (let c = 0; c < covariates.length; c++) {
    if (!backfill[c]) continue;
    const column = out.covariates[c]!;
    let next = 0;
    for (let at = first; at < out.length; at++) {
      if (!Number.isNaN(column[at]!)) {
        next = column[at]!;
        break;
      }
    }
    for (let at = first; at < out.length && Number.isNaN(column[at]!); at++) column[at] = next;
  }
}

/** The row being written: its index in `data`, its date, cleaned sales and covariates. */
interface CurrentRow {
  r: number;
  date: number;
  sales: number;
  values: Float64Array;
}

/** Writes the current row at `at` (appending, or overwriting for 'keep-last'). */
function write({ out, data }: SeriesJob, at: number, row: CurrentRow): void {
  out.date[at] = row.date;
  out.series[at] = data.series[row.r]!;
  out.sales[at] = row.sales;
  for (let c = 0; c < row.values.length; c++) out.covariates[c]![at] = row.values[c]!;
  out.lines[at] = data.rowLines ? data.rowLines[row.r]! : row.r + 2;
  out.flags[at] = data.rowFlags ? data.rowFlags[row.r]! : 0;
}
