import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { registryMessages as m } from '../../../src/lib/messages/registry';
import { DEFAULT_GATES, parsePromotionGates, PromotionGatesSchema } from '../../../src/lib/registry/parse-promotion-gates';

describe('PromotionGatesSchema and parsePromotionGates(input)', () => {
  it('DEFAULT_GATES are valid: WAPE and cost unchecked, 5% over seasonal naive, no worse than the champion', () => {
    expect(DEFAULT_GATES).toEqual({ maxWape: null, minImprovementOverBaseline: 0.05, maxCost: null, minImprovementOverChampion: 0 });
    expect(v.is(PromotionGatesSchema, DEFAULT_GATES)).toBe(true);
    expect(parsePromotionGates(JSON.parse(JSON.stringify(DEFAULT_GATES)))).toEqual({ ok: true, gates: DEFAULT_GATES });
  });

  it('accepts numbers within the bounds and null for an unchecked gate', () => {
    const gates = { maxWape: 0.3, minImprovementOverBaseline: -0.1, maxCost: 12_000, minImprovementOverChampion: null };
    expect(parsePromotionGates(gates)).toEqual({ ok: true, gates });
  });

  it.each([
    ['maxWape', -0.1],
    ['maxWape', 11],
    ['minImprovementOverBaseline', 1.5],
    ['maxCost', -1],
    ['minImprovementOverChampion', '0.1'],
    ['minImprovementOverChampion', Number.POSITIVE_INFINITY],
  ] as const)('refuses %s = %s with a sentence naming the gate', (gate, value) => {
    const result = parsePromotionGates({ ...DEFAULT_GATES, [gate]: value });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(`“${gate}”`);
  });

  it('refuses a missing gate, an unknown key and a non-object', () => {
    const { maxCost: _maxCost, ...missing } = DEFAULT_GATES;
    expect(parsePromotionGates(missing)).toEqual({ ok: false, error: m.gatesNotObject() });
    expect(parsePromotionGates({ ...DEFAULT_GATES, minSavings: 1 })).toEqual({ ok: false, error: m.gatesNotObject() });
    expect(m.gateRange('maxCost', 0, 1e12)).toContain('from 0 to 1,000,000,000,000');
    expect(parsePromotionGates('gates')).toEqual({ ok: false, error: m.gatesNotObject() });
  });
});
