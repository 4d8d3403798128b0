import Papa from 'papaparse';
import type { RawPreview } from './types';

/** The separators the importer considers, in order of preference when two fit equally well. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

export interface PreviewOptions {
  /** Use this separator instead of guessing (e.g. the user picked one). */
  delimiter?: string;
  /** Rows read from the top of the file (default 50). */
  headRows?: number;
  /** Extra rows picked at even distances through the rest of the file (default 150), see below. */
  spreadRows?: number;
}

const HEAD_CHARS = 256 * 1024;

/**
 * A first look at a CSV text — the whole file, or its first bytes — : its separator, header and a sample of rows,
 * before any row is trusted.
 *
 * 1. A byte-order mark is dropped (spreadsheets add one to UTF-8 exports); line ends are read as lineBreakOf says.
 * 2. The separator is guessed here rather than by papaparse's own guess, which counts a trailing empty line as a
 *    one-field row and then gives up on small files: each candidate parses the head of the file, and the one under
 *    which the most rows have as many fields as the header (at least two) wins.
 * 3. The sample is the head plus rows spread through the whole text: files are usually sorted by series, so the
 *    first rows show one series, and mapping detection needs to see several to judge which columns identify series.
 */
export function previewCsv(text: string, options: PreviewOptions = {}): RawPreview {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const head = cutAtLastNewline(body, HEAD_CHARS);
  const newline = lineBreakOf(head);
  const delimiter = options.delimiter ?? guessDelimiter(head, newline);
  const wanted = options.headRows ?? 50;
  const headRows = parseRows(head, delimiter, newline, wanted + 1);
  const header = (headRows[0] ?? []).map((name) => name.trim());
  const sampleRows = headRows.slice(1);
  // `text` may be the first bytes of a file (a worker previews a slice): a last line without its line end may be cut
  // short, so it stays out of the sample unless it is the only row.
  const lastChar = body.charCodeAt(body.length - 1);
  const cutShort = lastChar !== 10 && lastChar !== 13;
  if (cutShort && sampleRows.length > 1 && sampleRows.length < wanted) sampleRows.pop();
  if (sampleRows.length === wanted) {
    // More rows than the head sample: add rows from all over the text (after the header line).
    const spread = spreadLines(body, body.indexOf('\n') + 1, options.spreadRows ?? 150);
    sampleRows.push(...parseRows(spread, delimiter, newline));
  }
  return { delimiter, newline, header, sampleRows };
}

/**
 * The line end to parse with. Papaparse guesses one from the first lines, so a header saved with CRLF above rows with
 * LF (a header retyped on Windows) read as one endless line. Splitting on LF whenever there is one, and dropping a
 * CR left at the end of a row (trimCarriageReturn), reads LF, CRLF and any mix alike; a file of lone CRs (old Mac
 * exports) has no LF at all.
 */
export function lineBreakOf(text: string): '\n' | '\r' {
  return text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
}

/** A row split at LF from a CRLF line keeps the CR at the end of its last cell: it belongs to the line end. */
export function trimCarriageReturn(row: readonly string[]): readonly string[] {
  const last = row[row.length - 1];
  return last !== undefined && last.endsWith('\r') ? [...row.slice(0, -1), last.slice(0, -1)] : row;
}

/** Rows of `text` under `delimiter`, blank lines left out. */
function parseRows(text: string, delimiter: string, newline: '\n' | '\r', preview = 0): string[][] {
  if (text === '') return [];
  const result = Papa.parse<string[]>(text, { delimiter, newline, preview, skipEmptyLines: 'greedy' });
  return result.data.map((row) => [...trimCarriageReturn(row)]);
}

function guessDelimiter(head: string, newline: '\n' | '\r'): string {
  let best: string = DELIMITERS[0];
  let bestScore = -1;
  let fallback: string = DELIMITERS[0];
  let fallbackWidth = 1;
  for (const delimiter of DELIMITERS) {
    const rows = parseRows(head, delimiter, newline, 51);
    const width = rows[0]?.length ?? 0;
    const data = rows.slice(1);
    if (width >= 2) {
      const consistent = data.length === 0 ? 1 : data.filter((row) => row.length === width).length / data.length;
      // Consistency first; among equally consistent separators, the one giving more columns.
      const score = consistent * 1000 + Math.min(width, 999);
      if (consistent > 0 && score > bestScore) {
        best = delimiter;
        bestScore = score;
      }
    }
    // When no separator agrees with the header (a hand-edited header, say), split the rows as well as possible:
    // validation then reports the mismatch with the header.
    const rowWidth = modalWidth(data);
    if (rowWidth > fallbackWidth) {
      fallback = delimiter;
      fallbackWidth = rowWidth;
    }
  }
  return bestScore >= 0 ? best : fallback;
}

function modalWidth(rows: string[][]): number {
  const counts = new Map<number, number>();
  let mode = 0;
  let modeCount = 0;
  for (const row of rows) {
    const count = (counts.get(row.length) ?? 0) + 1;
    counts.set(row.length, count);
    if (count > modeCount) [mode, modeCount] = [row.length, count];
  }
  return mode;
}

function cutAtLastNewline(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.lastIndexOf('\n', maxChars);
  return cut > 0 ? text.slice(0, cut + 1) : text.slice(0, maxChars);
}

/**
 * `count` whole lines at even distances after `from`. A line with an odd number of quotes may be half of a quoted
 * field that spans lines, and the text's last line may be cut short: both are skipped rather than misread.
 */
function spreadLines(text: string, from: number, count: number): string {
  const lines: string[] = [];
  const step = (text.length - from) / (count + 1);
  for (let k = 1; k <= count; k++) {
    const start = text.indexOf('\n', Math.floor(from + k * step)) + 1;
    if (start <= 0) break;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const complete = end < text.length;
    if (complete && line.trim() !== '' && (line.split('"').length - 1) % 2 === 0) lines.push(line);
  }
  return lines.join('\n');
}
