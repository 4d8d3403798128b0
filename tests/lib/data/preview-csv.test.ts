import { describe, expect, it } from 'vitest';
import { previewCsv } from '../../../src/lib/data/preview-csv';
import { parseDate } from '../../../src/lib/data/parse-date';
import { readSharedDataset } from './read-fixture';

describe('previewCsv(text, options)', () => {
  it('previewCsv(text) guesses each of , ; tab and | from the rows that agree with the header', () => {
    for (const delimiter of [',', ';', '\t', '|']) {
      const text = ['date', 'store', 'sales'].join(delimiter) + '\n' + ['2024-01-01', '1', '5'].join(delimiter) + '\n';
      const preview = previewCsv(text);
      expect(preview.delimiter).toBe(delimiter);
      expect(preview.header).toEqual(['date', 'store', 'sales']);
      expect(preview.sampleRows).toEqual([['2024-01-01', '1', '5']]);
    }
  });

  it('previewCsv(text) drops a byte-order mark and reads CRLF and quoted fields', () => {
    const preview = previewCsv('\ufeffdate,product,sales\r\n2024-01-01,"Shoes, red",4\r\n2024-01-02,"say ""hi""",5\r\n');
    expect(preview.header).toEqual(['date', 'product', 'sales']);
    expect(preview.sampleRows).toEqual([
      ['2024-01-01', 'Shoes, red', '4'],
      ['2024-01-02', 'say "hi"', '5'],
    ]);
  });

  it('previewCsv(text) picks ; over , in a European export with decimal commas', () => {
    expect(previewCsv('Datum;Umsatz\n01.02.2024;12,5\n02.02.2024;13,75\n').delimiter).toBe(';');
  });

  it('previewCsv(text, { delimiter }) uses the separator it is given', () => {
    expect(previewCsv('a;b\n1;2\n', { delimiter: ',' }).header).toEqual(['a;b']);
  });

  it('previewCsv(text) samples rows from the whole file, not only its head', () => {
    const lines = ['series,value'];
    for (let i = 0; i < 20_000; i++) lines.push(`s${Math.floor(i / 1000)},${i}`);
    const preview = previewCsv(lines.join('\n'), { headRows: 10, spreadRows: 50 });
    const seen = new Set(preview.sampleRows.map((row) => row[0]));
    expect(seen.size).toBeGreaterThanOrEqual(15);
    expect(preview.sampleRows.every((row) => row.length === 2)).toBe(true);
  });

  it('previewCsv(text) of a file’s first bytes leaves the cut-off last line out of the sample', () => {
    const head = readSharedDataset('store-item-demand-10-series.csv').slice(0, 1000);
    const preview = previewCsv(head);
    expect(preview.header).toEqual(['date', 'series_id', 'store', 'item', 'sales']);
    expect(preview.sampleRows.length).toBeGreaterThan(20);
    expect(preview.sampleRows.every((row) => row.length === 5 && !Number.isNaN(parseDate(row[0]!)))).toBe(true);
    // A whole small file without a final line end keeps its last row.
    expect(previewCsv('ds,y\n1992-01-01,1').sampleRows).toEqual([['1992-01-01', '1']]);
  });

  it('previewCsv(text) of an empty or blank text has an empty header', () => {
    expect(previewCsv('')).toEqual({ delimiter: ',', newline: '\n', header: [], sampleRows: [] });
    expect(previewCsv('\n\n').header).toEqual([]);
  });
});
