import { describe, expect, it } from 'vitest';
import { csvField, tableToCsv } from '../../../src/lib/format/csv';
import { datasetSlug, downloadFileName, fileSlug } from '../../../src/lib/format/file-name';

// RFC 4180 §2: fields with commas, double quotes or line breaks are enclosed in double quotes, and a double quote
// inside is escaped by another; records end with CRLF.
describe('csvField(value)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['', ''],
    [' padded ', ' padded '],
  ])('csvField(%j) is %j', (value, expected) => expect(csvField(value)).toBe(expected));

  it('writes numbers at full precision, an undefined number and a missing value as an empty field', () => {
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Infinity)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
  });
});

describe('tableToCsv(header, rows)', () => {
  it('writes the header then each row, every record ending with CRLF', () => {
    expect(tableToCsv(['Model', 'WAPE'], [['Seasonal naive', '12.5%'], ['MLP, small', null]])).toBe('Model,WAPE\r\nSeasonal naive,12.5%\r\n"MLP, small",\r\n');
  });

  it('keeps a field with a quote and a line break in one field, so a reader splits the record back as written', () => {
    const csv = tableToCsv(['a', 'b'], [['x "y"\nz', '1']]);
    expect(csv).toBe('a,b\r\n"x ""y""\nz",1\r\n');
  });

  it('writes a header alone for a table with no rows', () => {
    expect(tableToCsv(['Only'], [])).toBe('Only\r\n');
  });
});

describe('downloadFileName({ what, dataset, date, extension })', () => {
  const date = new Date(2025, 2, 4, 10);
  it('names a file after what it shows, the dataset and the local date', () => {
    expect(downloadFileName({ what: 'Forecast against actual', dataset: { kind: 'example', seed: 7, stores: 5, products: 10, days: 1096 }, date, extension: 'png' })).toBe(
      'forecast-lab-forecast-against-actual-example-seed7-2025-03-04.png',
    );
    expect(downloadFileName({ what: 'report', dataset: { kind: 'imported', hash: 'h', name: 'Ventes été <2024>.csv' }, date, extension: 'html' })).toBe('forecast-lab-report-ventes-ete-2024-2025-03-04.html');
    expect(downloadFileName({ what: 'Leaderboard', dataset: null, date, extension: 'csv' })).toBe('forecast-lab-leaderboard-2025-03-04.csv');
  });

  it('datasetSlug and fileSlug keep [a-z0-9-] only', () => {
    expect(datasetSlug({ kind: 'builtin', file: 'us-retail-sales-monthly.csv' })).toBe('us-retail-sales-monthly');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('x'.repeat(100))).toHaveLength(60);
  });
});
