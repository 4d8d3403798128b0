/**
 * A test helper: the whole import of a CSV text in one call, as the data worker runs it step by step (its steps are
 * the app's own files in src/lib/data). The import pipeline:
 *
 *   bytes ──checkFileSize──► text ──previewCsv──► RawPreview ──detectMapping──► ColumnMapping + DateFormat
 *     ──createIngest: addRows(chunk)… finish()──► SalesData + ValidationReport
 *     ──(the user answers the issues)──cleanSales(data, report, choices)──► SalesData, clean
 *
 * How cleaning can come after ingest. Ingest decides nothing the user might want to decide: it keeps every row it
 * can place in a series (only rows without a readable date are left out, and counted). A NaN sales value, a
 * negative one, duplicate (series, date) rows, gaps all stay in the table. What a NaN cannot tell — was the cell
 * text or empty? did the row have the wrong number of fields? — is kept per row in `SalesData.rowFlags`, and each
 * row's source line in `rowLines`. The report lists issues with counts, five example lines and the allowed actions;
 * issues about whole series carry their indices (`series`). `cleanSales` then applies the chosen (or default)
 * action per issue kind to that table, deterministically, as often as the user changes their mind — no re-read.
 * `validateSales(data, { horizon })` re-checks the table-level issues when the horizon changes, or after cleaning.
 *
 * Why papaparse: RFC 4180 quoting (separators and line breaks inside quotes, doubled quotes), CRLF, chunked
 * streaming of a File in a worker with progress, and years of real-world files behind it; separator guessing is
 * done in previewCsv, where papaparse's own guess is too easily fooled by small files.
 */
import Papa from 'papaparse';
import type { ColumnMapping, DateFormat, RawPreview } from '../../../src/lib/data/types';
import { previewCsv } from '../../../src/lib/data/preview-csv';
import { detectMapping, type MappingDetection } from '../../../src/lib/data/detect-mapping';
import { createIngest, type IngestResult } from '../../../src/lib/data/create-ingest';
import { checkFileSize } from '../../../src/lib/data/check-file-size';
import { emptySalesData } from '../../../src/lib/data/empty-sales-data';

export interface IngestCsvOptions {
  /** Use this mapping instead of the detected one. */
  mapping?: ColumnMapping;
  dateFormat?: DateFormat;
  delimiter?: string;
  /** Periods to forecast: when given, series too short for it are reported. */
  horizon?: number;
  maxExamples?: number;
  /** The file's size in bytes, when known (default: the text's length, which is at most its UTF-8 size). */
  bytes?: number;
}

export interface IngestCsvResult extends IngestResult {
  preview: RawPreview;
  detection: MappingDetection;
}

/** Characters per papaparse chunk: small enough that each chunk's row arrays die young in the garbage collector. */
const CHUNK_CHARS = 1024 * 1024;

/**
 * A whole CSV text in one call, the pipeline above from size check to report. For Node tests and small files; a
 * worker streaming a large File drives createIngest with papaparse chunks itself, to report progress.
 */
export function ingestCsv(text: string, options: IngestCsvOptions = {}): IngestCsvResult {
  // 1. Size, before any work.
  const tooLarge = checkFileSize(options.bytes ?? text.length);
  if (tooLarge) {
    const preview: RawPreview = { delimiter: options.delimiter ?? ',', newline: '\n', header: [], sampleRows: [] };
    const detection = detectMapping(preview);
    const mapping = options.mapping ?? detection.mapping;
    const report = { rowCount: 0, seriesCount: 0, frequency: null, start: null, end: null, issues: [tooLarge], usable: false };
    return { data: emptySalesData(mapping), report, preview, detection };
  }

  // 2. Preview and mapping.
  const preview = previewCsv(text, options.delimiter ? { delimiter: options.delimiter } : {});
  const detection = detectMapping(preview);
  const ingest = createIngest({
    mapping: options.mapping ?? detection.mapping,
    header: preview.header,
    dateFormat: options.dateFormat ?? detection.dateFormat,
    delimiter: preview.delimiter,
    ...(options.horizon !== undefined ? { horizon: options.horizon } : {}),
    ...(options.maxExamples !== undefined ? { maxExamples: options.maxExamples } : {}),
  });

  // 3. Rows, in chunks as a worker would feed them. Blank lines are kept (ingest skips them) so that line numbers
  //    stay the file's.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() !== '') {
    let line = 1;
    let done = false;
    Papa.parse<string[]>(body, {
      delimiter: preview.delimiter,
      newline: preview.newline,
      skipEmptyLines: false,
      chunkSize: CHUNK_CHARS,
      chunk: ({ data, errors }: Papa.ParseResult<string[]>) => {
        const skip = line === 1 ? 1 : 0;
        const quoteErrors = errors.flatMap((error) => (error.type === 'Quotes' && error.row !== undefined ? [{ code: error.code, row: error.row - skip }] : []));
        ingest.addRows(data.slice(skip), line + skip, quoteErrors);
        line += data.length;
      },
      complete: () => {
        done = true;
      },
    });
    // papaparse streams a string synchronously (only files and URLs are read asynchronously); its types cannot say so.
    if (!done) throw new Error('papaparse did not finish a string synchronously');
  }

  // 4. Sort, infer the frequency, validate.
  return { ...ingest.finish(), preview, detection };
}
