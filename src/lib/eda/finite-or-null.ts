/**
 * NaN and ±Infinity become null: results leave the worker as plain data and may be stored as JSON,
 * where NaN would silently turn into null anyway. Saying so in the type makes callers handle it.
 */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
