import { evaluateMessages } from '../messages/evaluate';

/** Throws a RangeError (with a user-facing text) unless `value` is a whole number ≥ `min` (0 or 1). */
export function checkCount(name: string, value: number, min: 0 | 1 = 1): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(min === 1 ? evaluateMessages.notPositiveInteger(name, value) : evaluateMessages.notNonNegativeInteger(name, value));
  }
  return value;
}
