import type { Frequency, IssueExample, SalesData, ValidationIssue } from './types';
import { createIssue, MAX_EXAMPLES } from './create-issue';
import { ISSUE_ACTIONS } from './issue-actions';
import { dayToIso } from '../core/days';
import { inferFrequency, monthStep, type FrequencyInference } from './infer-frequency';
import { duplicateRows, duplicateRowsTooLarge, gapsInDates, mixedFrequency, seriesTooShort } from '../messages/data';

export interface ValidateSalesOptions {
  /** Periods to forecast. When given, series shorter than `minSeriesLength(horizon, …)` are reported. */
  horizon?: number;
  /** Periods in one season; default `SEASON_LENGTH[data.frequency]`. */
  season?: number;
  maxExamples?: number;
  /** `inferFrequency(data.date, { series: data.series })` when the caller already has it (saves a pass). */
  inference?: FrequencyInference;
}

/** The seasonal cycle a forecaster of each frequency must see at least once: a week, a year of weeks, a year. */
export const SEASON_LENGTH: Readonly<Record<Frequency, number>> = { daily: 7, weekly: 52, monthly: 12 };

/**
 * The fewest periods a series needs for a horizon: 2 × horizon + one season. One horizon is held out to check the
 * forecast, and the model needs at least a horizon's worth of history plus one full season before that to learn
 * level and seasonality. E.g. daily, 28 days ahead: 63 days; weekly, 8 weeks: 68 weeks; monthly, 12 months: 36.
 */
export function minSeriesLength(horizon: number, frequency: Frequency, season = SEASON_LENGTH[frequency]): number {
  return 2 * horizon + season;
}

/**
 * The issues of a table as a whole (not of single cells, which ingest reports while it reads):
 * duplicate (series, date) rows (without 'sum' when a total would overflow), gaps at the table's frequency, mixed frequencies and — with a horizon — series
 * too short to forecast. `data` must be sorted by (series, date), as ingest and the generator return it.
 * Examples carry source lines from `data.rowLines`; without them, the line the row would have in a CSV written
 * from the table (row index + 2). Run it again when the horizon changes, and replace the report's issues of these
 * kinds with its answer.
 */
export function validateSales(data: SalesData, options: ValidateSalesOptions = {}): ValidationIssue[] {
  const maxExamples = options.maxExamples ?? MAX_EXAMPLES;
  const n = data.date.length;
  const seriesCount = data.seriesLabels.length;
  const example = (row: number): IssueExample => ({
    line: data.rowLines ? data.rowLines[row]! : row + 2,
    values: [dayToIso(data.date[row]!), ...(data.seriesKeyValues[data.series[row]!] ?? []), String(data.sales[row])],
  });
  const issues: ValidationIssue[] = [];

  const inference = options.inference ?? inferFrequency(data.date, { series: data.series });
  // Series at another frequency have no gaps at this one (a weekly series in a daily file is not 6/7 missing).
  const offSeries = new Set(inference.mixedSeries);
  inference.seriesFrequency.forEach((frequency, s) => {
    if (frequency !== null && frequency !== data.frequency) offSeries.add(s);
  });
  const firstRow = new Int32Array(seriesCount).fill(-1);
  const length = new Int32Array(seriesCount);

  // 1. Duplicates and gaps, in one pass over the sorted rows.
  let duplicates = 0;
  const duplicateExamples: IssueExample[] = [];
  // Σ|sales| of the current (series, date) group: if it is infinite, some sum of the group may be too.
  let groupSize = 0;
  let sumOverflows = false;
  let missing = 0;
  const gapSeries = new Set<number>();
  const gapExamples: IssueExample[] = [];
  for (let r = 0; r < n; r++) {
    const s = data.series[r]!;
    if (firstRow[s] === -1) firstRow[s] = r;
    const size = Math.abs(data.sales[r]!) || 0;
    if (r === 0 || data.series[r - 1] !== s) {
      groupSize = size;
      length[s]!++;
      continue;
    }
    const step = data.date[r]! - data.date[r - 1]!;
    if (step === 0) {
      duplicates++;
      groupSize += size;
      if (groupSize === Infinity) sumOverflows = true;
      if (duplicateExamples.length < maxExamples) duplicateExamples.push(example(r));
      continue;
    }
    groupSize = size;
    length[s]!++;
    if (offSeries.has(s)) continue;
    const periods = periodsBetween(data.date[r - 1]!, data.date[r]!, data.frequency);
    if (periods > 1) {
      missing += periods - 1;
      gapSeries.add(s);
      if (gapExamples.length < maxExamples) gapExamples.push(example(r));
    }
  }
  if (duplicates > 0) {
    const message = sumOverflows ? duplicateRowsTooLarge(duplicates) : duplicateRows(duplicates);
    // Offering 'sum' there would make Infinity sales, which every later stage reads as a missing value.
    const actions = ISSUE_ACTIONS['duplicate-rows'].filter((action) => !(sumOverflows && action === 'sum'));
    issues.push(createIssue({ kind: 'duplicate-rows', count: duplicates, message, examples: duplicateExamples, actions }));
  }
  if (missing > 0) {
    const message = gapsInDates(missing, data.frequency, gapSeries.size);
    issues.push(createIssue({ kind: 'gaps', count: missing, message, examples: gapExamples }));
  }

  // 2. Series too short for the horizon (when none is long enough, the message says which horizon fits).
  if (options.horizon !== undefined && seriesCount > 0) {
    const minLength = minSeriesLength(options.horizon, data.frequency, options.season);
    const short: number[] = [];
    for (let s = 0; s < seriesCount; s++) if (length[s]! < minLength) short.push(s);
    if (short.length > 0) {
      const season = minLength - 2 * options.horizon;
      const longest = length.reduce((m, v) => Math.max(m, v), 0);
      const all = short.length === seriesCount ? { longest, fits: Math.max(0, Math.floor((longest - season) / 2)) } : undefined;
      issues.push(
        createIssue({
          kind: 'series-too-short',
          count: short.length,
          message: seriesTooShort({ count: short.length, minLength, horizon: options.horizon, frequency: data.frequency, ...(all ? { all } : {}) }),
          examples: short.filter((s) => firstRow[s]! >= 0).slice(0, maxExamples).map((s) => example(firstRow[s]!)),
          series: short,
          // All too short: the table can still be explored, so it is no error; but leaving series out cannot help.
          severity: 'warning',
          ...(all ? { actions: [] } : {}),
        }),
      );
    }
  }

  // 3. Mixed frequencies: the series whose steps do not fit the table's rhythm.
  if (inference.mixed && inference.frequency) {
    const series = inference.mixedSeries;
    issues.push(
      createIssue({
        kind: 'mixed-frequency',
        count: series.length,
        message: mixedFrequency(series.length, inference.frequency),
        examples: series.slice(0, maxExamples).map((s) => example(firstRow[s]!)),
        series,
      }),
    );
  }
  return issues;
}

/** Whole periods of `frequency` from one date to a later one; 0 when the step is not a whole number of periods. */
export function periodsBetween(from: number, to: number, frequency: Frequency): number {
  const step = to - from;
  if (frequency === 'daily') return step;
  if (frequency === 'weekly') return step % 7 === 0 ? step / 7 : 0;
  return monthStep(from, to);
}

/**
 * Why nothing can be trained on a table, from its table issues: every series too short for the horizon (the issue's
 * message then says which horizon fits). null when training can go on.
 */
export function tooShortToTrain(issues: readonly ValidationIssue[]): string | null {
  const short = issues.find((issue) => issue.kind === 'series-too-short' && issue.actions.length === 0);
  return short?.message ?? null;
}
