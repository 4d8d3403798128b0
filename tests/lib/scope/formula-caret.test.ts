import { describe, expect, it } from 'vitest';
import { formulaCaret } from '../../../src/lib/scope/formula-caret';

describe('formulaCaret(error)', () => {
  it('puts one ^ per character of the bad token under its offset, and one at the end of the formula', () => {
    expect(formulaCaret({ position: 13, token: ')' })).toBe(`${' '.repeat(13)}^`);
    expect(formulaCaret({ position: 4, token: 'acutal' })).toBe('    ^^^^^^');
    expect(formulaCaret({ position: 11, token: '' })).toBe(`${' '.repeat(11)}^`);
  });
});
