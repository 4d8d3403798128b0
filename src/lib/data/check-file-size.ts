import type { ValidationIssue } from './types';
import { fileTooLarge } from '../messages/data';

/**
 * The largest file the importer accepts: 100 MB. A file this size is ~3–5 million rows, which ingest holds in typed
 * arrays comfortably; papaparse's rows of strings for a larger file would strain a browser tab's memory.
 */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Call before reading a file: an error issue when it is over `MAX_FILE_BYTES`, otherwise null. */
export function checkFileSize(bytes: number): ValidationIssue | null {
  if (bytes <= MAX_FILE_BYTES) return null;
  return {
    kind: 'file-too-large',
    severity: 'error',
    count: 1,
    message: fileTooLarge(bytes, MAX_FILE_BYTES),
    examples: [],
    actions: [],
  };
}
