import { describe, expect, it } from 'vitest';
import { scopePanelTexts } from '../../../src/lib/messages/scope';
import { parseScopeNumber } from '../../../src/lib/scope/parse-scope-number';

describe('parseScopeNumber(text, limits)', () => {
  it('reads numbers within the limits, and an empty optional field as null', () => {
    expect(parseScopeNumber(' 14 ', { min: 1, max: 366, integer: true })).toEqual({ value: 14 });
    expect(parseScopeNumber('', { min: 1, max: 366, optional: true })).toEqual({ value: null });
    expect(parseScopeNumber('0.25', { min: 0, max: 1e9 })).toEqual({ value: 0.25 });
  });

  it('says what is wrong otherwise', () => {
    expect(parseScopeNumber('', { min: 0, max: 1 })).toEqual({ error: scopePanelTexts.numberRequired() });
    expect(parseScopeNumber('ten', { min: 0, max: 1 })).toEqual({ error: scopePanelTexts.notANumber('ten') });
    expect(parseScopeNumber('2.5', { min: 1, max: 366, integer: true })).toEqual({ error: scopePanelTexts.notWhole() });
    expect(parseScopeNumber('400', { min: 1, max: 366, integer: true })).toEqual({ error: scopePanelTexts.outOfRange(1, 366) });
    expect(parseScopeNumber('-1', { min: 0, max: 1e9 })).toEqual({ error: scopePanelTexts.outOfRange(0, 1e9) });
  });
});
