import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingestCsv } from './ingest-csv';
import { createIngest } from '../../../src/lib/data/create-ingest';
import { cleanSales } from '../../../src/lib/data/clean-sales';
import { ISSUE_ACTIONS } from '../../../src/lib/data/issue-actions';
import type { IssueKind, ValidationReport } from '../../../src/lib/data/types';

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

// CSV-ish text: fields from a small alphabet rich in separators, quotes, dates, numbers and blanks.
const cell = fc.oneof(
  fc.constantFrom('', ' ', '"', '""', ',', ';', '\t', '|', '\r', '\n', 'NA', '-1', '0', '1.5', '1e9', '#VALUE!', 'x'),
  fc.constantFrom('2024-01-01', '2024-01-08', '2024-02-01', '31/12/2024', '2024-02-30', '01.02.2024'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 1000 }).map(String),
);
const csvText = fc
  .array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 12 })
  .chain((rows) => fc.constantFrom(',', ';', '\t').map((sep) => rows.map((row) => row.join(sep)).join('\n')));

describe('ingest never throws', () => {
  it('ingestCsv(text) returns a well-formed report for arbitrary CSV-like text (fast-check, seed 42)', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, fc.string({ maxLength: 200 })), (text) => {
        const { data, report } = ingestCsv(text, { horizon: 2 });
        expectWellFormed(report, data.date.length);
        // Default cleaning also accepts whatever ingest produced.
        expect(() => cleanSales(data, report)).not.toThrow();
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('createIngest(options).addRows(rows) accepts arbitrary rows under a fixed mapping (fast-check, seed 43)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 30 }), (rows) => {
        const ingest = createIngest({
          mapping: { date: 'date', sales: 'sales', keys: ['store'], covariates: ['promo'] },
          header: ['date', 'store', 'sales', 'promo'],
          dateFormat: 'dmy',
          horizon: 1,
        });
        ingest.addRows(rows, 2);
        const { data, report } = ingest.finish();
        expectWellFormed(report, data.date.length);
        const cleaned = cleanSales(data, report);
        expect(cleaned.seriesLabels.length).toBeLessThanOrEqual(data.seriesLabels.length);
      }),
      { seed: 43, numRuns: 400 },
    );
  });
});

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
