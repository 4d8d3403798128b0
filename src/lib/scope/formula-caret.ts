import type { MetricExpressionError } from './metric-expression';

/**
 * The line drawn under a formula, in a monospace font, to point at the bad token: spaces up to its offset, then one
 * "^" per character of the token (one for the end of the formula, where the token is empty).
 */
export function formulaCaret({ position, token }: Pick<MetricExpressionError, 'position' | 'token'>): string {
  return ' '.repeat(Math.max(0, position)) + '^'.repeat(Math.max(1, token.length));
}
