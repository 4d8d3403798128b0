import * as messages from '../messages/data';
import { createIssue } from './create-issue';
import type { IssueExample, ValidationIssue } from './types';

/** papaparse's error for a quote: never closed ('MissingQuotes') or followed by text ('InvalidQuotes'). */
export interface QuoteError {
  code: string;
  /** Index into the rows passed with it. */
  row: number;
}

export interface RunawayQuotes {
  /** The chunk's quote errors, by row index: call once per chunk, before `swallowed`. */
  chunk(errors: readonly QuoteError[]): void;
  /**
   * How many lines row `index` of the chunk swallowed (0: none, it is an ordinary row). A row that spans several lines
   * and has a quote papaparse calls broken or the wrong number of fields is a stray `"` that read the lines after it
   * as one value; a quoted value with line breaks in a row that fits the header is legal CSV and swallows nothing.
   */
  swallowed(row: readonly string[], index: number, line: number, ragged: boolean): number;
  /** The error that refuses the file, naming the first quote's line and how many lines it took; null when none. */
  issue(): ValidationIssue | null;
}

/** Stray quotes found while a file streams through ingest, in file order. */
export function createRunawayQuotes(maxExamples: number): RunawayQuotes {
  let errors = new Map<number, string>();
  const found: { line: number; lines: number; closed: boolean; example: IssueExample }[] = [];
  let count = 0;
  return {
    chunk(list) {
      errors = new Map();
      for (const error of list) if (errors.get(error.row) !== 'MissingQuotes') errors.set(error.row, error.code);
    },
    swallowed(row, index, line, ragged) {
      const error = errors.get(index);
      if (!ragged && error === undefined) return 0;
      const closed = error !== 'MissingQuotes';
      const lines = linesSpanned(row, closed);
      if (lines <= 1) return 0;
      count++;
      if (found.length < maxExamples) found.push({ line, lines, closed, example: { line, values: row.map(firstLineOf) } });
      return lines - 1;
    },
    issue() {
      const first = found[0];
      if (!first) return null;
      const message = messages.runawayQuote({ line: first.line, lines: first.lines, closed: first.closed, count });
      return createIssue({ kind: 'runaway-quote', count, message, examples: found.map((f) => f.example) });
    },
  };
}

/**
 * The lines a row spans: one plus the line breaks inside its cells, but for a quote never closed the line break that
 * ends the file, which papaparse leaves in the value, starts no line.
 */
function linesSpanned(row: readonly string[], closed: boolean): number {
  let breaks = 0;
  for (const cell of row) {
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 10 || (c === 13 && cell.charCodeAt(i + 1) !== 10)) breaks++;
    }
  }
  const last = row[row.length - 1] ?? '';
  return 1 + breaks - (!closed && /[\r\n]$/.test(last) ? 1 : 0);
}

/** A cell cut at its first line break: an example must not carry the megabytes a runaway quote swallowed. */
function firstLineOf(cell: string): string {
  const end = cell.search(/[\r\n]/);
  return end < 0 ? cell : `${cell.slice(0, end)}…`;
}
