import { describe, expect, it } from 'vitest';
import { ingestCsv } from './ingest-csv';
import { checkFileSize, MAX_FILE_BYTES } from '../../../src/lib/data/check-file-size';
import { tooShortToTrain } from '../../../src/lib/data/validate-sales';
import type { IssueKind, ValidationIssue } from '../../../src/lib/data/types';
import * as messages from '../../../src/lib/messages/data';
import { readBrokenFixture } from './read-fixture';
import { dayToIso } from '../../../src/lib/core/days';

// One file per problem in tests/fixtures/broken (its README lists them); browser end-to-end tests import the same
// files through the UI. Each test pins the issue's kind, count, first example line and message, and that it is the
// only issue, so a fixture cannot quietly start testing two things.
interface Case {
  file: string;
  kind: IssueKind;
  count: number;
  line: number | undefined;
  message: string;
  severity: 'error' | 'warning';
  horizon?: number;
}

const CASES: Case[] = [
  { file: 'empty.csv', kind: 'empty-file', count: 0, line: undefined, message: messages.emptyFile(), severity: 'error' },
  { file: 'header-only.csv', kind: 'header-only', count: 0, line: 1, message: messages.headerOnly(3), severity: 'error' },
  { file: 'wrong-delimiter.csv', kind: 'wrong-delimiter', count: 4, line: 2, message: messages.wrongDelimiter(',', ';'), severity: 'error' },
  { file: 'runaway-quote.csv', kind: 'runaway-quote', count: 1, line: 4, message: messages.runawayQuote({ line: 4, lines: 8, closed: false, count: 1 }), severity: 'error' },
  { file: 'missing-column.csv', kind: 'missing-column', count: 1, line: 1, message: messages.missingColumn('sales', ''), severity: 'error' },
  { file: 'ragged.csv', kind: 'ragged-rows', count: 1, line: 7, message: messages.raggedRows(1, 3), severity: 'warning' },
  { file: 'bad-dates.csv', kind: 'unparseable-date', count: 2, line: 8, message: messages.unparseableDate(2, 'date'), severity: 'warning' },
  { file: 'text-in-sales.csv', kind: 'non-numeric-sales', count: 2, line: 3, message: messages.nonNumericSales(2, 'sales'), severity: 'warning' },
  { file: 'negative-sales.csv', kind: 'negative-sales', count: 2, line: 3, message: messages.negativeSales(2), severity: 'warning' },
  { file: 'missing-sales.csv', kind: 'missing-sales', count: 2, line: 3, message: messages.missingSales(2), severity: 'warning' },
  { file: 'missing-covariate.csv', kind: 'missing-covariate', count: 2, line: 3, message: messages.missingCovariate(2, ['price']), severity: 'warning' },
  { file: 'non-numeric-covariate.csv', kind: 'non-numeric-covariate', count: 1, line: 4, message: messages.nonNumericCovariate(1, ['price']), severity: 'warning' },
  { file: 'duplicates.csv', kind: 'duplicate-rows', count: 2, line: 5, message: messages.duplicateRows(2), severity: 'warning' },
  { file: 'gaps.csv', kind: 'gaps', count: 3, line: 5, message: messages.gapsInDates(3, 'daily', 1), severity: 'warning' },
  { file: 'too-short.csv', kind: 'series-too-short', count: 1, line: 14, message: messages.seriesTooShort({ count: 1, minLength: 11, horizon: 2, frequency: 'daily' }), severity: 'warning', horizon: 2 },
  { file: 'mixed-frequency.csv', kind: 'mixed-frequency', count: 1, line: 12, message: messages.mixedFrequency(1, 'daily'), severity: 'warning' },
];

const only = (issues: ValidationIssue[]): ValidationIssue => {
  expect(issues.map((issue) => issue.kind)).toHaveLength(1);
  return issues[0]!;
};

describe('ingestCsv(text) on tests/fixtures/broken', () => {
  it.each(CASES)('ingestCsv($file) reports $kind', ({ file, kind, count, line, message, severity, horizon }) => {
    const { report } = ingestCsv(readBrokenFixture(file), horizon === undefined ? {} : { horizon });
    const issue = only(report.issues);
    expect(issue.kind).toBe(kind);
    expect(issue.count).toBe(count);
    expect(issue.examples[0]?.line).toBe(line);
    expect(issue.message).toBe(message);
    expect(issue.severity).toBe(severity);
    expect(issue.examples.length).toBeLessThanOrEqual(5);
    // Errors leave nothing to choose and nothing usable; warnings offer actions and leave data.
    expect(issue.actions.length > 0).toBe(severity === 'warning');
    expect(report.usable).toBe(severity === 'warning');
  });

  it('ingestCsv(missing-column.csv, { mapping }) names the mapped column that is not in the header', () => {
    const mapping = { date: 'date', sales: 'sales', keys: ['store'], covariates: [] };
    const issue = only(ingestCsv(readBrokenFixture('missing-column.csv'), { mapping }).report.issues);
    expect(issue).toMatchObject({ kind: 'missing-column', count: 1, message: messages.missingColumn('sales', 'sales') });
    expect(issue.examples).toEqual([{ line: 1, values: ['date', 'store', 'comment'] }]);
  });

  it('ingestCsv(too-short.csv, { horizon: 10 }) still loads when no series is long enough, but stops training, saying which horizon fits', () => {
    const { report } = ingestCsv(readBrokenFixture('too-short.csv'), { horizon: 10 });
    const issue = only(report.issues);
    // Explorable as it is; leaving series out cannot help, so no choice is offered; features and training stop.
    expect(issue).toMatchObject({ kind: 'series-too-short', count: 2, severity: 'warning', actions: [], series: [0, 1] });
    expect(report.usable).toBe(true);
    expect(tooShortToTrain(report.issues)).toBe(issue.message);
    // Store A, the longer series, has 12 days: a horizon of 2 days fits (2 × 2 + 7 ≤ 12), so the message says so.
    expect(issue.message).toBe(messages.seriesTooShort({ count: 2, minLength: 27, horizon: 10, frequency: 'daily', all: { longest: 12, fits: 2 } }));
    expect(issue.message).toContain('set the forecast horizon to 2 days or fewer on the Scope stage');
  });

  it('ingestCsv(text) is an error when every date is unreadable or every sales value is text', () => {
    const dates = ingestCsv('date,sales\nmonday,1\ntuesday,2\n', { mapping: { date: 'date', sales: 'sales', keys: [], covariates: [] } });
    expect(dates.report.issues.map((issue) => [issue.kind, issue.severity])).toEqual([['unparseable-date', 'error']]);
    expect(dates.report.usable).toBe(false);
    const sales = ingestCsv('date,sales\n2024-01-01,n.a.\n2024-01-02,?\n2024-01-03,x\n');
    expect(sales.report.issues.map((issue) => [issue.kind, issue.severity])).toEqual([
      ['non-numeric-sales', 'error'],
      ['missing-sales', 'error'],
    ]);
  });

  it('ingestCsv(text) refuses a 3,001-line file whose stray quote on line 4 swallows the rest, naming the line and the count', () => {
    // Issue 11: this left a usable dataset of 2 rows and only a "different number of fields" warning.
    const lines = ['date,sales', ...Array.from({ length: 3000 }, (_, i) => `${dayToIso(19_723 + i)},${i}`)];
    lines[3] = `"${lines[3]}`;
    for (const newline of ['\n', '\r\n']) {
      const { report } = ingestCsv(lines.join(newline) + newline);
      const issue = only(report.issues);
      expect(issue).toMatchObject({ kind: 'runaway-quote', severity: 'error', count: 1, actions: [] });
      expect(issue.message).toBe(messages.runawayQuote({ line: 4, lines: 2998, closed: false, count: 1 }));
      expect(issue.message).toContain('line 4');
      expect(issue.message).toContain('2,998 lines');
      // The example is the row's start, not the swallowed megabytes.
      expect(issue.examples).toEqual([{ line: 4, values: [`${lines[3]!.slice(1)}…`] }]);
      expect(report.usable).toBe(false);
    }
  });

  it('ingestCsv(text) refuses quotes that close lines later, when the merged row no longer fits the header', () => {
    const text = 'date,sales\n2024-01-01,1\n"2024-01-02,2\n2024-01-03,3\n2024-01-04",4,x\n2024-01-05,5\n"2024-01-06,6\n2024-01-07",7,8\n2024-01-08,8\n';
    const issue = only(ingestCsv(text).report.issues);
    expect(issue.kind).toBe('runaway-quote');
    expect(issue.count).toBe(2);
    expect(issue.message).toBe(messages.runawayQuote({ line: 3, lines: 3, closed: true, count: 2 }));
    // Lines, not rows: the second quote opens on line 7 of the file, after the 3 lines the first one took.
    expect(issue.examples.map((example) => example.line)).toEqual([3, 7]);
  });

  it('ingestCsv(text) keeps a quoted value with line breaks when its row fits the header (legal CSV)', () => {
    const { report, data } = ingestCsv('date,sales,note\n2024-01-01,1,"first line\nsecond line\nthird"\n2024-01-02,2,\n2024-01-03,3,ok\n', {
      mapping: { date: 'date', sales: 'sales', keys: [], covariates: [] },
    });
    expect(report.issues).toEqual([]);
    expect([...data.sales]).toEqual([1, 2, 3]);
  });

  it('ingestCsv(text, { bytes }) refuses a file over the limit before reading it', () => {
    const issue = only(ingestCsv('date,sales\n2024-01-01,1\n', { bytes: MAX_FILE_BYTES + 1 }).report.issues);
    expect(issue).toMatchObject({ kind: 'file-too-large', severity: 'error', message: messages.fileTooLarge(MAX_FILE_BYTES + 1, MAX_FILE_BYTES) });
  });
});

describe('checkFileSize(bytes)', () => {
  it('checkFileSize(bytes) accepts 100 MB and refuses one byte more', () => {
    expect(MAX_FILE_BYTES).toBe(100 * 1024 * 1024);
    expect(checkFileSize(MAX_FILE_BYTES)).toBeNull();
    expect(checkFileSize(MAX_FILE_BYTES + 1)).toMatchObject({ kind: 'file-too-large', count: 1, actions: [] });
  });
});
