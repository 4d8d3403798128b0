import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingestCsv } from './ingest-csv';
import { createIngest } from '../../../src/lib/data/create-ingest';
import { cleanSales } from '../../../src/lib/data/clean-sales';
import { ISSUE_ACTIONS } from '../../../src/lib/data/issue-actions';
import { validateSales } from '../../../src/lib/data/validate-sales';
import { ROW_FLAG, type CleaningChoices, type IssueKind, type SalesData, type ValidationReport } from '../../../src/lib/data/types';

// import → clean → validate, fuzzed: 10,000 seeded cases in all (3,500 + 3,000 + 3,500), about 9 s of one core here.
// Whatever the file and whatever the user picks for each issue: nothing throws, no sales value is left non-finite,
// no non-decimal number (0x10, 0b11, Infinity, 1e999, 1_000, full-width digits) is read as a number, and every row
// that cleaning drops or merges is one an issue of the report counts and acts on.

/** What every report must satisfy, whatever the input. */
function expectWellFormed(report: ValidationReport, rowCount: number): void {
  expect(report.rowCount).toBe(rowCount);
  for (const issue of report.issues) {
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.count).toBeGreaterThanOrEqual(0);
    expect(issue.examples.length).toBeLessThanOrEqual(5);
    for (const action of issue.actions) expect(ISSUE_ACTIONS[issue.kind as IssueKind]).toContain(action);
    if (issue.severity === 'error') expect(report.usable).toBe(false);
  }
}

const KINDS = Object.keys(ISSUE_ACTIONS) as IssueKind[];
/** A pick per issue kind: the `n`-th of the actions the report offers for it (what a user may choose). */
const picks = fc.array(fc.nat(), { minLength: KINDS.length, maxLength: KINDS.length });
function choicesFor(report: ValidationReport, pick: readonly number[]): CleaningChoices {
  const choices: CleaningChoices = {};
  for (const issue of report.issues) {
    if (issue.actions.length > 0) choices[issue.kind] = issue.actions[pick[KINDS.indexOf(issue.kind)]! % issue.actions.length];
  }
  return choices;
}

/**
 * Clean with the user's picks, then check what came out: finite sales, a table validateSales reads, and every input
 * row that is not in the output (by its source line) dropped or merged by an issue of the report that applies to it.
 * Rows an issue counts and drops on its own are no more than the issue's count.
 */
function cleanAndAccount(data: SalesData, report: ValidationReport, pick: readonly number[], horizon: number): SalesData {
  const choices = choicesFor(report, pick);
  const cleaned = cleanSales(data, report, choices);
  expect(cleaned.sales.findIndex((value) => !Number.isFinite(value))).toBe(-1);
  expect(cleaned.rowLines?.length ?? cleaned.date.length).toBe(cleaned.date.length);
  for (const issue of validateSales(cleaned, { horizon })) {
    expect(issue.message.length).toBeGreaterThan(0);
    for (const action of issue.actions) expect(ISSUE_ACTIONS[issue.kind]).toContain(action);
  }

  const issue = (kind: IssueKind) => report.issues.find((i) => i.kind === kind);
  const action = (kind: IssueKind) => {
    const found = issue(kind);
    if (!found || found.actions.length === 0) return undefined;
    const chosen = choices[kind];
    return chosen !== undefined && found.actions.includes(chosen) ? chosen : found.actions[0];
  };
  const kept = new Set(cleaned.rowLines ?? []);
  const lineOf = (r: number) => (data.rowLines ? data.rowLines[r]! : r + 2);
  const sameDay = new Map<string, number>();
  for (let r = 0; r < data.date.length; r++) sameDay.set(`${data.series[r]}:${data.date[r]}`, (sameDay.get(`${data.series[r]}:${data.date[r]}`) ?? 0) + 1);
  const alone = new Map<IssueKind, number>();
  for (let r = 0; r < data.date.length; r++) {
    if (kept.has(lineOf(r))) continue;
    const flags = data.rowFlags?.[r] ?? 0;
    const sales = data.sales[r]!;
    const covariateNaN = Object.values(data.covariates).some((column) => Number.isNaN(column[r]!));
    const reasons: IssueKind[] = [];
    // A ragged row is counted as ragged only (its cells may be shifted); kept as it is, it still goes when its sales
    // are not a number.
    if (flags & ROW_FLAG.ragged && issue('ragged-rows')) reasons.push('ragged-rows');
    // Sales that are not a number go unless filled: dropped by choice, or by an error issue offering nothing (no
    // sales left at all), which counts them and says the data cannot be used.
    const salesKind: IssueKind = flags & ROW_FLAG.salesText ? 'non-numeric-sales' : 'missing-sales';
    if (Number.isNaN(sales) && issue(salesKind) && (action(salesKind) ?? 'drop-rows') === 'drop-rows') reasons.push(salesKind);
    if (sales < 0 && action('negative-sales') === 'drop-rows') reasons.push('negative-sales');
    for (const kind of ['missing-covariate', 'non-numeric-covariate'] as const) if (covariateNaN && action(kind) === 'drop-rows') reasons.push(kind);
    if (sameDay.get(`${data.series[r]}:${data.date[r]}`)! > 1 && action('duplicate-rows') !== undefined) reasons.push('duplicate-rows');
    for (const kind of ['series-too-short', 'mixed-frequency'] as const) {
      if (action(kind) === 'drop-rows' && issue(kind)?.series?.includes(data.series[r]!)) reasons.push(kind);
    }
    if (reasons.length === 0) expect.fail(`line ${lineOf(r)} left the table, but no issue of the report drops or merges it`);
    if (reasons.length === 1) alone.set(reasons[0]!, (alone.get(reasons[0]!) ?? 0) + 1);
  }
  for (const kind of ['ragged-rows', 'non-numeric-sales', 'missing-sales', 'negative-sales', 'missing-covariate', 'non-numeric-covariate'] as const) {
    expect(alone.get(kind) ?? 0).toBeLessThanOrEqual(issue(kind)?.count ?? 0);
  }
  return cleaned;
}

/** Numbers a sales export does not mean, which JavaScript's Number() would read (or read as infinite). */
const nonDecimal = fc.oneof(
  fc.constantFrom('0x10', '0X1F', '-0x10', '+0x10', ' 0x10 ', '0b11', '0B101', '0o7', '0O17', 'Infinity', '-Infinity', '+Infinity', '1e999', '-1e400', '1_000', '１２', '٣', '0x'),
  fc.integer({ min: 0, max: 4095 }).map((n) => `0x${n.toString(16)}`),
  fc.integer({ min: 0, max: 255 }).map((n) => `0b${n.toString(2)}`),
  fc.integer({ min: 0, max: 511 }).map((n) => `0o${n.toString(8)}`),
);
/** Decimal numbers as exports write them, with the value each means. */
const decimal = fc.oneof(
  fc.integer({ min: -50, max: 100_000 }).map((n) => ({ text: String(n), value: n })),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => ({ text: (n / 100).toFixed(2), value: Number((n / 100).toFixed(2)) })),
  fc.integer({ min: 1, max: 9 }).map((n) => ({ text: `${n}e3`, value: n * 1000 })),
);

// CSV-ish text: fields from a small alphabet rich in separators, quotes, dates, numbers (decimal or not) and blanks.
const cell = fc.oneof(
  fc.constantFrom('', ' ', '"', '""', ',', ';', '\t', '|', '\r', '\n', 'NA', '-1', '0', '1.5', '1e9', '#VALUE!', 'x'),
  fc.constantFrom('2024-01-01', '2024-01-08', '2024-02-01', '31/12/2024', '2024-02-30', '01.02.2024'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 1000 }).map(String),
  nonDecimal,
);
const csvText = fc
  .array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 12 })
  .chain((rows) => fc.constantFrom(',', ';', '\t').map((sep) => rows.map((row) => row.join(sep)).join('\n')));

describe('import → clean → validate never throws, keeps sales finite and accounts for every row', () => {
  it('ingestCsv(text) then cleanSales(data, report, any choices) on arbitrary CSV-like text (fast-check, seed 42, 3,500 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, fc.string({ maxLength: 200 })), picks, (text, pick) => {
        const { data, report } = ingestCsv(text, { horizon: 2 });
        expectWellFormed(report, data.date.length);
        cleanAndAccount(data, report, pick, 2);
      }),
      { seed: 42, numRuns: 3500 },
    );
  }, 120_000);

  /** A sales cell and what it is: a decimal with its value, a non-decimal number, text, or empty. */
  const salesCell = fc.oneof(
    { weight: 4, arbitrary: decimal.map((d) => ({ ...d, kind: 'decimal' as const })) },
    { weight: 3, arbitrary: nonDecimal.map((text) => ({ text, kind: 'non-decimal' as const })) },
    { weight: 1, arbitrary: fc.constantFrom('', 'NA', 'x', '#VALUE!').map((text) => ({ text, kind: 'other' as const })) },
  );
  const row = fc.record({
    date: fc.constantFrom('2024-01-01', '2024-01-02', '2024-01-03', '2024-01-05', '2024-01-08', '2024-02-30', 'soon'),
    store: fc.constantFrom('1', '2'),
    sales: salesCell,
    promo: fc.oneof(fc.constantFrom('0', '1', '', 'yes'), nonDecimal),
    /** Cells too few or too many: a ragged row. */
    width: fc.constantFrom(4, 4, 4, 4, 4, 4, 3, 5),
  });

  it('a non-decimal number is never read as one, a decimal always is; dropped dates are counted (fast-check, seed 43, 3,000 cases)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 14 }), picks, (rows, pick) => {
        const cells = rows.map((r) => [r.date, r.store, r.sales.text, r.promo, 'extra'].slice(0, r.width));
        const text = ['date,store,sales,promo', ...cells.map((c) => c.join(','))].join('\n');
        const mapping = { date: 'date', sales: 'sales', keys: ['store'], covariates: ['promo'] };
        const { data, report } = ingestCsv(text, { horizon: 1, mapping, dateFormat: 'ymd', delimiter: ',' });
        expectWellFormed(report, data.date.length);

        // Ingest: each placed row is read from its own line; a non-decimal cell is never a number there.
        const misread: string[] = [];
        for (let r = 0; r < data.date.length; r++) {
          const source = rows[data.rowLines![r]! - 2]!;
          if (source.sales.kind === 'non-decimal' && !Number.isNaN(data.sales[r])) misread.push(`sales ${source.sales.text} → ${data.sales[r]}`);
          if (source.sales.kind === 'decimal' && source.width === 4 && data.sales[r] !== source.sales.value) misread.push(`sales ${source.sales.text} → ${data.sales[r]}`);
          if (nonDecimalText(source.promo) && !Number.isNaN(data.covariates.promo![r])) misread.push(`promo ${source.promo} → ${data.covariates.promo![r]}`);
        }
        expect(misread).toEqual([]);
        // Rows ingest could not place are counted: as unreadable dates, or (shifted cells) as ragged.
        if (report.usable || data.date.length > 0) {
          const count = (kind: IssueKind) => report.issues.find((i) => i.kind === kind)?.count ?? 0;
          const notPlaced = rows.length - data.date.length;
          expect(notPlaced).toBeLessThanOrEqual(count('unparseable-date') + count('ragged-rows'));
          expect(count('unparseable-date')).toBe(rows.filter((r) => r.width === 4 && (r.date === 'soon' || r.date === '2024-02-30')).length);
        }
        cleanAndAccount(data, report, pick, 1);
      }),
      { seed: 43, numRuns: 3000 },
    );
  }, 120_000);

  it('createIngest(options).addRows(rows) then cleanSales under a fixed mapping (fast-check, seed 44, 3,500 cases)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 30 }), picks, (rows, pick) => {
        const ingest = createIngest({
          mapping: { date: 'date', sales: 'sales', keys: ['store'], covariates: ['promo'] },
          header: ['date', 'store', 'sales', 'promo'],
          dateFormat: 'dmy',
          horizon: 1,
        });
        ingest.addRows(rows, 2);
        const { data, report } = ingest.finish();
        expectWellFormed(report, data.date.length);
        const cleaned = cleanAndAccount(data, report, pick, 1);
        expect(cleaned.seriesLabels.length).toBeLessThanOrEqual(data.seriesLabels.length);
      }),
      { seed: 44, numRuns: 3500 },
    );
  }, 120_000);
});

const NON_DECIMAL_TEXT = /0[xXbBoO]|Infinity|e999|e400|_|[^\x20-\x7e]/;
function nonDecimalText(text: string): boolean {
  return NON_DECIMAL_TEXT.test(text);
}

describe('ingest at scale', () => {
  it('ingestCsv(text) reads a million generated rows into 100 series (count only; timing lives in npm run bench)', () => {
    // 100 series × 10,000 days, sorted by date as many exports are: ingest must re-sort by (series, date).
    const SERIES = 100;
    const DAYS = 10_000;
    const lines: string[] = ['date,store,item,sales,promo'];
    const start = Date.UTC(1990, 0, 1);
    for (let d = 0; d < DAYS; d++) {
      const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      for (let s = 0; s < SERIES; s++) lines.push(`${date},${s % 10},${Math.floor(s / 10)},${(d * 7 + s) % 31},${d % 2}`);
    }
    const { data, report } = ingestCsv(lines.join('\n'));
    expect(report.rowCount).toBe(1_000_000);
    expect(report.seriesCount).toBe(SERIES);
    expect(report.frequency).toBe('daily');
    expect(report.issues).toEqual([]);
    expect(data.series[DAYS - 1]).toBe(0);
    expect(data.series[DAYS]).toBe(1);
  }, 60_000);
});
