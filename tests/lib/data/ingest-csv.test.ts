import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { ingestCsv } from './ingest-csv';
import { createIngest } from '../../../src/lib/data/create-ingest';
import { previewCsv } from '../../../src/lib/data/preview-csv';
import { detectMapping } from '../../../src/lib/data/detect-mapping';
import { dayToIso } from '../../../src/lib/core/days';
import { readSharedDataset } from './read-fixture';

// Row counts, series and date ranges as documented in ../shared/datasets/README.md.
const REAL_FILES = [
  { file: 'store-item-demand-10-series.csv', frequency: 'daily', rows: 18_260, series: 10, start: '2013-01-01', end: '2017-12-31' },
  { file: 'walmart-store1-top10-depts-weekly.csv', frequency: 'weekly', rows: 1_430, series: 10, start: '2010-02-05', end: '2012-10-26' },
  { file: 'us-retail-sales-monthly.csv', frequency: 'monthly', rows: 293, series: 1, start: '1992-01-01', end: '2016-05-01' },
] as const;

describe('ingestCsv(text, options) on the real datasets', () => {
  it.each(REAL_FILES)('ingestCsv(text) reads $file: $rows rows, $series series, $frequency, no errors', (expected) => {
    const { data, report } = ingestCsv(readSharedDataset(expected.file), { horizon: 8 });
    expect(report.rowCount).toBe(expected.rows);
    expect(report.seriesCount).toBe(expected.series);
    expect(report.frequency).toBe(expected.frequency);
    expect(data.frequency).toBe(expected.frequency);
    expect(dayToIso(report.start!)).toBe(expected.start);
    expect(dayToIso(report.end!)).toBe(expected.end);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(report.usable).toBe(true);
    expect(data.date.length).toBe(expected.rows);
    expect(Number.isNaN(data.sales.reduce((a, b) => a + b, 0))).toBe(false);
  });

  it('ingestCsv(text) reads the app’s own example (datasets/product-sales-example.csv): 50 series, 4 covariates', () => {
    const text = readFileSync(path.resolve(__dirname, '../../../datasets/product-sales-example.csv'), 'utf8');
    const { data, report, detection } = ingestCsv(text, { horizon: 28 });
    expect(detection.mapping).toEqual({
      date: 'date',
      sales: 'sales',
      keys: ['store', 'product'],
      covariates: ['price', 'promo', 'holiday', 'stockout'],
    });
    expect(report).toMatchObject({ frequency: 'daily', issues: [], usable: true });
    expect(report.rowCount).toBe(text.trim().split('\n').length - 1);
    expect(Object.keys(data.covariates)).toEqual(['price', 'promo', 'holiday', 'stockout']);
  });

  it('ingestCsv(text) sorts by (series, date) and labels series by their keys (walmart)', () => {
    const { data } = ingestCsv(readSharedDataset('walmart-store1-top10-depts-weekly.csv'));
    for (let r = 1; r < data.date.length; r++) {
      const ordered = data.series[r - 1]! < data.series[r]! || (data.series[r - 1] === data.series[r] && data.date[r - 1]! < data.date[r]!);
      expect(ordered).toBe(true);
    }
    expect(data.seriesKeys).toEqual(['store', 'dept']);
    expect(data.seriesLabels[0]).toBe('store 1 · dept 2');
    expect(data.sales[0]).toBe(50605.27);
    expect(data.covariates.isholiday![1]).toBe(1);
    expect(data.rowLines![0]).toBe(2);
  });

  it('ingestCsv(text) keeps the walmart sales total to the cent', () => {
    const text = readSharedDataset('walmart-store1-top10-depts-weekly.csv');
    const { data } = ingestCsv(text);
    const rows = Papa.parse<string[]>(text.trim(), { header: false }).data.slice(1);
    const expected = rows.reduce((sum, row) => sum + Number(row[3]), 0);
    expect(data.sales.reduce((a, b) => a + b, 0)).toBeCloseTo(expected, 2);
  });

  it('ingestCsv(text) reads a ; file with DD.MM.YYYY dates, decimal commas, CRLF and a byte-order mark', () => {
    const text = '\ufeffDatum;Filiale;Menge;Preis\r\n01.02.2024;Berlin;12;4,99\r\n02.02.2024;Berlin;3,5;1,49\r\n';
    const { data, report, detection } = ingestCsv(text);
    expect(detection.mapping).toEqual({ date: 'Datum', sales: 'Menge', keys: ['Filiale'], covariates: ['Preis'] });
    expect(report.issues).toEqual([]);
    expect([...data.sales]).toEqual([12, 3.5]);
    expect([...data.covariates.Preis!]).toEqual([4.99, 1.49]);
    expect(dayToIso(data.date[0]!)).toBe('2024-02-01');
  });

  it('ingestCsv(text) reads a CRLF header above LF rows, and any mix of line ends, as it reads plain LF', () => {
    const rows = ['2024-01-01,A,"Shoes, red",4,1.5', '2024-01-02,A,"Shoes, red",5,1.5', '2024-01-03,A,"Shoes, red",6,"1.75"'];
    const plain = ingestCsv(['date,store,product,sales,price', ...rows].join('\n') + '\n');
    for (const text of [
      'date,store,product,sales,price\r\n' + rows.join('\n') + '\n',
      ['date,store,product,sales,price', ...rows].join('\r\n') + '\r\n',
      'date,store,product,sales,price\n' + rows[0] + '\r\n' + rows[1] + '\n' + rows[2] + '\r\n',
    ]) {
      const mixed = ingestCsv(text);
      expect(mixed.detection.mapping, JSON.stringify(text)).toEqual(plain.detection.mapping);
      expect(mixed.report.issues).toEqual([]);
      expect([...mixed.data.sales]).toEqual([4, 5, 6]);
      expect([...mixed.data.covariates.price!]).toEqual([1.5, 1.5, 1.75]);
    }
    expect(plain.detection.mapping.covariates).toEqual(['price']);
  });

  it('ingestCsv(text) reports 0x10 or 0b11 in sales and prices as text, never as 16 or 3', () => {
    const mapping = { date: 'date', sales: 'sales', keys: [], covariates: ['price'] };
    const text = 'date,sales,price\n2024-01-01,0x10,2\n2024-01-02,5,0b11\n2024-01-03,7,2\n';
    const { data, report } = ingestCsv(text, { mapping });
    expect(report.issues.map((issue) => [issue.kind, issue.count])).toEqual([
      ['non-numeric-sales', 1],
      ['non-numeric-covariate', 1],
    ]);
    expect(data.sales[0]).toBeNaN();
    expect(data.covariates.price![1]).toBeNaN();
  });
});

describe('createIngest(options)', () => {
  it('createIngest(options) fed papaparse chunks gives what ingestCsv gives for the whole text', () => {
    const text = readSharedDataset('store-item-demand-10-series.csv');
    const preview = previewCsv(text.slice(0, 64 * 1024));
    const { mapping, dateFormat } = detectMapping(preview);
    const ingest = createIngest({ mapping, header: preview.header, dateFormat, delimiter: preview.delimiter });
    let line = 1;
    let chunks = 0;
    Papa.parse<string[]>(text, {
      delimiter: preview.delimiter,
      chunkSize: 50_000,
      chunk: ({ data }: Papa.ParseResult<string[]>) => {
        chunks++;
        const rows = line === 1 ? data.slice(1) : data;
        ingest.addRows(rows, line === 1 ? 2 : line);
        line += data.length;
      },
      complete: () => undefined,
    });
    expect(chunks).toBeGreaterThan(5);
    expect(ingest.rowsRead).toBe(18_260);
    const streamed = ingest.finish();
    const whole = ingestCsv(text);
    expect(streamed.report).toEqual(whole.report);
    expect(streamed.data.sales).toEqual(whole.data.sales);
    expect(streamed.data.rowLines).toEqual(whole.data.rowLines);
  });

  it('createIngest(options) reports source lines across chunks and blank lines', () => {
    const ingest = createIngest({ mapping: { date: 'date', sales: 'sales', keys: [], covariates: [] }, header: ['date', 'sales'], dateFormat: 'ymd' });
    ingest.addRows([['2024-01-01', '1'], [''], ['2024-01-02', 'x']], 2);
    ingest.addRows([['2024-01-03', 'y']], 5);
    const { report } = ingest.finish();
    expect(report.issues[0]!.kind).toBe('non-numeric-sales');
    expect(report.issues[0]!.examples.map((example) => example.line)).toEqual([4, 5]);
  });
});
