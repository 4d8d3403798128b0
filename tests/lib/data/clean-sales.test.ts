import { describe, expect, it } from 'vitest';
import { ingestCsv } from './ingest-csv';
import { cleanSales } from '../../../src/lib/data/clean-sales';
import { validateSales } from '../../../src/lib/data/validate-sales';
import { dayToIso } from '../../../src/lib/core/days';
import type { CleaningChoices, SalesData } from '../../../src/lib/data/types';
import { readBrokenFixture } from './read-fixture';
import * as messages from '../../../src/lib/messages/data';

const clean = (file: string, choices: CleaningChoices = {}, horizon?: number): SalesData => {
  const { data, report } = ingestCsv(readBrokenFixture(file), horizon === undefined ? {} : { horizon });
  return cleanSales(data, report, choices);
};
const rows = (data: SalesData): string[] =>
  [...data.date].map((d, r) => `${data.seriesLabels[data.series[r]!]} ${dayToIso(d)} ${data.sales[r]}`);

describe('cleanSales(data, report, choices)', () => {
  it('cleanSales sums duplicate (series, date) rows by default', () => {
    expect(rows(clean('duplicates.csv'))).toEqual([
      'store 1 · product A 2024-05-01 3',
      'store 1 · product A 2024-05-02 7',
      'store 1 · product A 2024-05-03 4',
      'store 1 · product B 2024-05-01 4',
      'store 1 · product B 2024-05-02 6',
      'store 1 · product B 2024-05-03 2',
    ]);
  });

  it('cleanSales(data, report) never sums duplicates into Infinity: the report withholds "sum" and keeps the first', () => {
    // Issue 11: two rows of 1e308 for one day summed to Infinity, which Explore counted as a missing value.
    const { data, report } = ingestCsv('date,sales\n2024-01-01,1e308\n2024-01-01,1e308\n2024-01-02,1\n');
    const issue = report.issues.find((i) => i.kind === 'duplicate-rows')!;
    expect(issue).toMatchObject({ count: 1, severity: 'warning', message: messages.duplicateRowsTooLarge(1), actions: ['keep-first', 'keep-last', 'drop-rows'] });
    expect([...cleanSales(data, report).sales]).toEqual([1e308, 1]);
    // A choice of 'sum' saved before (in a link) falls back to the default.
    expect([...cleanSales(data, report, { 'duplicate-rows': 'sum' }).sales]).toEqual([1e308, 1]);
    // Sums that fit are still offered, with the usual message.
    const fits = ingestCsv('date,sales\n2024-01-01,8e307\n2024-01-01,8e307\n2024-01-02,1\n').report.issues[0]!;
    expect(fits).toMatchObject({ kind: 'duplicate-rows', message: messages.duplicateRows(1), actions: ['sum', 'keep-first', 'keep-last', 'drop-rows'] });
  });

  it('cleanSales(data, report, { sum, fill-previous }) leaves a total as it is when adding a filled value would overflow', () => {
    // Each day's own values add up, so 'sum' is offered; the empty cell repeats the previous total (1.5e308) and
    // adding 1e308 to that would be Infinity.
    const { data, report } = ingestCsv('date,sales\n2024-01-01,1e308\n2024-01-01,5e307\n2024-01-02,\n2024-01-02,1e308\n');
    expect(report.issues.find((i) => i.kind === 'duplicate-rows')?.actions[0]).toBe('sum');
    const sales = [...cleanSales(data, report, { 'missing-sales': 'fill-previous' }).sales];
    expect(sales).toEqual([1.5e308, 1.5e308]);
    expect(sales.every(Number.isFinite)).toBe(true);
  });

  it('cleanSales keeps the first, the last, or none of duplicate rows when asked', () => {
    const sales = (choice: CleaningChoices) => [...clean('duplicates.csv', choice).sales];
    expect(sales({ 'duplicate-rows': 'keep-first' })).toEqual([3, 5, 4, 4, 6, 1]);
    expect(sales({ 'duplicate-rows': 'keep-last' })).toEqual([3, 2, 4, 4, 6, 1]);
    expect(sales({ 'duplicate-rows': 'drop-rows' })).toEqual([3, 4, 4, 6]);
  });

  it('cleanSales fills gaps with zeros, or the previous value, on new rows of line 0', () => {
    const zero = clean('gaps.csv', { gaps: 'fill-zero' });
    expect([...zero.sales]).toEqual([4, 5, 6, 0, 0, 3, 4, 5, 0, 6, 2]);
    expect([...zero.rowLines!]).toEqual([2, 3, 4, 0, 0, 5, 6, 7, 0, 8, 9]);
    expect(dayToIso(zero.date[3]!)).toBe('2024-06-04');
    expect([...clean('gaps.csv', { gaps: 'fill-previous' }).sales]).toEqual([4, 5, 6, 6, 6, 3, 4, 5, 5, 6, 2]);
    expect(clean('gaps.csv').date.length).toBe(8);
    expect(validateSales(zero)).toEqual([]);
  });

  it('cleanSales fills a weekly gap a week at a time and a monthly gap a calendar month at a time', () => {
    const weekly = ingestCsv('date,sales\n2024-01-05,1\n2024-01-19,2\n2024-01-26,3\n2024-02-02,4\n');
    const filledWeeks = cleanSales(weekly.data, weekly.report, { gaps: 'fill-zero' });
    expect([...filledWeeks.date].map(dayToIso)).toEqual(['2024-01-05', '2024-01-12', '2024-01-19', '2024-01-26', '2024-02-02']);
    const monthly = ingestCsv('month,sales\n2023-10-31,1\n2023-11-30,2\n2023-12-31,3\n2024-03-31,4\n2024-04-30,5\n');
    const filledMonths = cleanSales(monthly.data, monthly.report, { gaps: 'fill-zero' });
    expect([...filledMonths.date].map(dayToIso).slice(3, 5)).toEqual(['2024-01-31', '2024-02-29']);
  });

  it('cleanSales: a weekly series of a daily table is reported however few its steps, and kept, it gets no “gaps” filled', () => {
    const lines = ['date,store,sales'];
    for (let d = 1; d <= 28; d++) if (d !== 10) lines.push(`2024-01-${String(d).padStart(2, '0')},A,1`);
    lines.push('2024-01-05,B,7', '2024-01-12,B,7', '2024-01-19,B,7');
    const { data, report } = ingestCsv(lines.join('\n'));
    expect(report.issues.map((issue) => [issue.kind, issue.count])).toEqual([['gaps', 1], ['mixed-frequency', 1]]);
    expect(cleanSales(data, report, { gaps: 'fill-zero' }).date.length).toBe(28);
    const kept = cleanSales(data, report, { gaps: 'fill-zero', 'mixed-frequency': 'keep' });
    expect(kept.date.length).toBe(28 + 3);
  });

  it('cleanSales keeps negative sales by default, clips them to 0 or drops them when asked', () => {
    expect([...clean('negative-sales.csv').sales]).toEqual([120.5, -15.25, 98, -3, 101]);
    expect([...clean('negative-sales.csv', { 'negative-sales': 'clip-zero' }).sales]).toEqual([120.5, 0, 98, 0, 101]);
    expect([...clean('negative-sales.csv', { 'negative-sales': 'drop-rows' }).sales]).toEqual([120.5, 98, 101]);
  });

  it('cleanSales drops rows with missing or text sales by default, or fills them', () => {
    expect([...clean('missing-sales.csv').sales]).toEqual([5, 7, 6]);
    expect([...clean('missing-sales.csv', { 'missing-sales': 'fill-zero' }).sales]).toEqual([5, 0, 7, 0, 6]);
    expect([...clean('missing-sales.csv', { 'missing-sales': 'fill-previous' }).sales]).toEqual([5, 5, 7, 7, 6]);
    expect([...clean('text-in-sales.csv').sales]).toEqual([14, 11, 15, 13]);
    expect([...clean('text-in-sales.csv', { 'non-numeric-sales': 'fill-zero' }).sales]).toEqual([14, 0, 11, 0, 15, 13]);
  });

  it('cleanSales repeats the previous covariate value, back-fills a leading one, or fills 0', () => {
    expect([...clean('missing-covariate.csv').covariates.price!]).toEqual([2.5, 2.5, 2.5, 2.5, 2.75]);
    expect([...clean('missing-covariate.csv', { 'missing-covariate': 'fill-zero' }).covariates.price!]).toEqual([2.5, 0, 2.5, 0, 2.75]);
    expect(clean('missing-covariate.csv', { 'missing-covariate': 'drop-rows' }).date.length).toBe(3);
    const leading = ingestCsv('date,sales,price\n2024-01-01,1,\n2024-01-02,2,3.5\n2024-01-03,3,\n');
    expect([...cleanSales(leading.data, leading.report).covariates.price!]).toEqual([3.5, 3.5, 3.5]);
    expect([...clean('non-numeric-covariate.csv').covariates.price!]).toEqual([2.5, 2.5, 2.5, 2.4, 2.4, 2.4]);
  });

  it('cleanSales drops ragged rows by default, and the series only they made', () => {
    const cleaned = clean('ragged.csv');
    expect(cleaned.seriesLabels).toEqual(['product Blue shirt', 'product Shoes, red']);
    expect(cleaned.date.length).toBe(5);
    // Kept, the ragged row's sales field holds " red": not a number, so that row still stays out, and its series.
    const kept = clean('ragged.csv', { 'ragged-rows': 'keep' });
    expect(kept.seriesLabels).toEqual(['product Blue shirt', 'product Shoes, red']);
    expect(kept.sales.some(Number.isNaN)).toBe(false);
  });

  it('cleanSales keeps a ragged row whose sales read as a number when asked to, and never a non-number in sales', () => {
    const text = 'date,product,sales\n2024-01-01,A,10\n2024-01-02,A,12,late note\n2024-01-03,A,11\n2024-01-04,A,n/a,x\n';
    const mapping = { date: 'date', sales: 'sales', keys: ['product'], covariates: [] };
    const { data, report } = ingestCsv(text, { mapping });
    const kept = cleanSales(data, report, { 'ragged-rows': 'keep' });
    expect([...kept.sales]).toEqual([10, 12, 11]);
    expect([...cleanSales(data, report).sales]).toEqual([10, 11]);
  });

  it('cleanSales leaves out series too short for the horizon and renumbers the rest', () => {
    const cleaned = clean('too-short.csv', {}, 2);
    expect(cleaned.seriesLabels).toEqual(['store A']);
    expect(new Set(cleaned.series)).toEqual(new Set([0]));
    expect(clean('too-short.csv', { 'series-too-short': 'keep' }, 2).seriesLabels).toHaveLength(2);
  });

  it('cleanSales leaves out series at another frequency, and never fills their “gaps”', () => {
    expect(clean('mixed-frequency.csv').seriesLabels).toEqual(['store A']);
    const kept = clean('mixed-frequency.csv', { 'mixed-frequency': 'keep' });
    expect(kept.date.length).toBe(16);
  });

  it('cleanSales ignores a choice the issue does not offer and returns the same table when nothing is to do', () => {
    const { data, report } = ingestCsv(readBrokenFixture('negative-sales.csv'));
    expect([...cleanSales(data, report, { 'negative-sales': 'sum' }).sales]).toEqual([...data.sales]);
    expect(cleanSales(data, report.issues)).toBe(data);
    expect(cleanSales(data, [])).toBe(data);
  });

  it('cleanSales is deterministic and does not change its input', () => {
    const { data, report } = ingestCsv(readBrokenFixture('duplicates.csv'));
    const before = structuredClone(data);
    const a = cleanSales(data, report, { 'duplicate-rows': 'keep-last' });
    const b = cleanSales(data, report, { 'duplicate-rows': 'keep-last' });
    expect(a).toEqual(b);
    expect(data).toEqual(before);
  });
});
