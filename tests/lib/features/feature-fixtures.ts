import { createHash } from 'node:crypto';
import type { FeatureMatrix, FeatureSpec } from '../../../src/lib/features/types';

/** No features at all, raw target, no scaling: tests switch on what they look at. */
export const PLAIN_SPEC: FeatureSpec = {
  version: 1,
  lags: [],
  rolling: [],
  calendar: { dayOfWeek: false, month: false, weekOfYear: false, holiday: null, holidayDistance: false },
  covariates: [],
  seriesIdentity: 'none',
  target: 'none',
  scale: 'none',
};

/** One column of a matrix, by feature name. */
export function column(matrix: FeatureMatrix, name: string): Float32Array {
  const j = matrix.names.indexOf(name);
  if (j < 0) throw new Error(`no feature ${name} in ${matrix.names.join(', ')}`);
  const width = matrix.names.length;
  return Float32Array.from({ length: matrix.rows }, (_, r) => matrix.x[r * width + j] as number);
}

/**
 * The matrix as SHA-256 digests of its arrays' bytes: the one equality these tests use for "byte-identical"
 * (comparing millions of elements with toEqual takes seconds; a digest takes milliseconds).
 */
export function bytesOf(matrix: FeatureMatrix): { names: string[]; rows: number; x: string; y: string; series: string; date: string } {
  const digest = (a: ArrayBufferView) => createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');
  return { names: matrix.names, rows: matrix.rows, x: digest(matrix.x), y: digest(matrix.y), series: digest(matrix.series), date: digest(matrix.date) };
}

/** How many values of an array are NaN or ±Infinity. */
export function countNonFinite(values: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i] as number)) count++;
  return count;
}

/** The matrix rows dated on or before `day`, as (series, date, feature bytes): what must not move when later sales do. */
export function rowsUpTo(matrix: FeatureMatrix, day: number): { series: number; date: number; x: number[] }[] {
  const width = matrix.names.length;
  const out: { series: number; date: number; x: number[] }[] = [];
  for (let r = 0; r < matrix.rows; r++) {
    if ((matrix.date[r] as number) > day) continue;
    out.push({ series: matrix.series[r] as number, date: matrix.date[r] as number, x: Array.from(new Uint8Array(matrix.x.buffer, r * width * 4, width * 4)) });
  }
  return out;
}
