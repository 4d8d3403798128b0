import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { gateTexts, registryMessages as m } from '../../../src/lib/messages/registry';
import { championOnRegister, DEFAULT_GATES, evaluateGates, gatesPass, parsePromotionGates, PromotionGatesSchema } from '../../../src/lib/registry/gates';
import { auditRows } from '../../../src/lib/registry/registry';
import { setAlias } from '../../../src/lib/registry/registry-actions';
import type { PromotionGates, VersionMetrics } from '../../../src/lib/registry/types';
import { METRICS, registryWith } from './fixtures';

const NONE: PromotionGates = { maxWape: null, minImprovementOverBaseline: null, maxCost: null, minImprovementOverChampion: null };
const only = (gates: Partial<PromotionGates>): PromotionGates => ({ ...NONE, ...gates });
const withMetrics = (metrics: Partial<VersionMetrics>): VersionMetrics => ({ ...METRICS, ...metrics });
// METRICS: WAPE 0.2 against seasonal naive's 0.3, i.e. 33 % lower.
const PASSING: PromotionGates = { maxWape: null, minImprovementOverBaseline: 0.05, maxCost: null, minImprovementOverChampion: 0 };
// The monthly case: a version worse than seasonal naive fails "at least 5 % lower".
const WORSE = { ...METRICS, wape: 0.6 };

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

describe('evaluateGates(metrics, gates, options)', () => {
  it('checks no gate when all are null, and gatesPass([]) is true', () => {
    expect(evaluateGates(METRICS, NONE)).toEqual([]);
    expect(gatesPass([])).toBe(true);
  });

  it('gives one result per set gate, in a fixed order, with label and threshold', () => {
    const results = evaluateGates(METRICS, { maxWape: 0.25, minImprovementOverBaseline: 0.1, maxCost: 5000, minImprovementOverChampion: 0 }, {
      championRecentWape: 0.22,
      challengerRecentWape: 0.2,
    });
    expect(results.map((r) => [r.gate, r.label, r.threshold, r.pass])).toEqual([
      ['maxWape', gateTexts.label.maxWape, 0.25, true],
      ['minImprovementOverBaseline', gateTexts.label.minImprovementOverBaseline, 0.1, true],
      ['maxCost', gateTexts.label.maxCost, 5000, true],
      ['minImprovementOverChampion', gateTexts.label.minImprovementOverChampion, 0, true],
    ]);
    expect(gatesPass(results)).toBe(true);
  });

  it('maxWape passes at the limit and fails just above it', () => {
    const [atLimit] = evaluateGates(withMetrics({ wape: 0.2 }), only({ maxWape: 0.2 }));
    expect(atLimit).toMatchObject({ value: 0.2, pass: true, message: 'Test WAPE 20.0% is within the limit of 20.0%.' });
    const [above] = evaluateGates(withMetrics({ wape: 0.2001 }), only({ maxWape: 0.2 }));
    expect(above).toMatchObject({ pass: false, message: 'Test WAPE 20.0% is above the limit of 20.0%.' });
  });

  it('maxCost passes at the limit and fails above it', () => {
    expect(evaluateGates(withMetrics({ cost: 4600 }), only({ maxCost: 4600 }))[0]!.pass).toBe(true);
    const [above] = evaluateGates(withMetrics({ cost: 4601 }), only({ maxCost: 4600 }));
    expect(above).toMatchObject({ value: 4601, pass: false, message: 'Cost of forecast error 4,601 is above the limit of 4,600.' });
  });

  it('minImprovementOverBaseline measures 1 − WAPE / seasonal naive’s WAPE and passes at the boundary', () => {
    // 1 − 0.19 / 0.2 is 0.04999999999999993 in floating point: still meets a 5 % bar.
    const [boundary] = evaluateGates(withMetrics({ wape: 0.19, baselineWape: 0.2 }), only({ minImprovementOverBaseline: 0.05 }));
    expect(boundary!.pass).toBe(true);
    expect(boundary!.value).toBeCloseTo(0.05, 12);
    const [short] = evaluateGates(withMetrics({ wape: 0.191, baselineWape: 0.2 }), only({ minImprovementOverBaseline: 0.05 }));
    expect(short).toMatchObject({ pass: false, message: 'WAPE is 4.5% lower than seasonal naive’s; the gate asks for at least 5.0% lower, so it fails.' });
    const [worse] = evaluateGates(withMetrics({ wape: 0.33, baselineWape: 0.3 }), only({ minImprovementOverBaseline: 0 }));
    expect(worse!.message).toContain('10.0% higher');
    expect(worse!.pass).toBe(false);
  });

  it('a null or NaN metric fails its gate with a sentence saying what is missing', () => {
    const gates = { maxWape: 0.3, minImprovementOverBaseline: 0.05, maxCost: 9000, minImprovementOverChampion: null };
    const results = evaluateGates(withMetrics({ wape: null, cost: Number.NaN }), gates);
    expect(results.map((r) => [r.value, r.pass, r.message])).toEqual([
      [null, false, gateTexts.missingWape('30.0%')],
      [null, false, gateTexts.missingBaseline()],
      [null, false, gateTexts.missingCost('9,000')],
    ]);
    expect(gatesPass(results)).toBe(false);
  });

  it('a seasonal naive WAPE of 0 (or none) leaves the improvement over it undefined: the gate fails', () => {
    expect(evaluateGates(withMetrics({ baselineWape: 0 }), only({ minImprovementOverBaseline: 0 }))[0]!.pass).toBe(false);
    expect(evaluateGates(withMetrics({ baselineWape: null }), only({ minImprovementOverBaseline: 0 }))[0]!.pass).toBe(false);
  });

  it('minImprovementOverChampion compares both on the newest actuals; a tie passes a 0 bar', () => {
    const gates = only({ minImprovementOverChampion: 0 });
    expect(evaluateGates(METRICS, gates, { championRecentWape: 0.25, challengerRecentWape: 0.25 })[0]).toMatchObject({ value: 0, pass: true });
    expect(evaluateGates(METRICS, gates, { championRecentWape: 0.25, challengerRecentWape: 0.26 })[0]!.pass).toBe(false);
    const [tenPercent] = evaluateGates(METRICS, only({ minImprovementOverChampion: 0.1 }), { championRecentWape: 0.3, challengerRecentWape: 0.27 });
    expect(tenPercent!.pass).toBe(true);
  });

  it('minImprovementOverChampion passes without a champion, and fails when a champion’s or challenger’s WAPE is unknown', () => {
    const gates = only({ minImprovementOverChampion: 0 });
    expect(evaluateGates(METRICS, gates)[0]).toMatchObject({ value: null, pass: true, message: gateTexts.noChampion() });
    expect(evaluateGates(METRICS, gates, { championRecentWape: null, challengerRecentWape: 0.2 })[0]).toMatchObject({
      pass: false,
      message: gateTexts.missingChampion(),
    });
    expect(evaluateGates(METRICS, gates, { championRecentWape: 0.2 })[0]!.pass).toBe(false);
  });

  it('DEFAULT_GATES pass the fixture version (20% vs 30% for seasonal naive) with no champion yet', () => {
    const results = evaluateGates(METRICS, DEFAULT_GATES);
    expect(results.map((r) => r.gate)).toEqual(['minImprovementOverBaseline', 'minImprovementOverChampion']);
    expect(gatesPass(results)).toBe(true);
  });
});

describe('championOnRegister: the gates guard the champion alias when a version is registered', () => {
  it('the first version becomes champion when its gates pass, and the gate results travel with the alias', () => {
    const decision = championOnRegister({ requested: null, hasChampion: false, metrics: METRICS, gates: PASSING, override: false });
    expect(decision.alias).toBe('champion');
    expect(decision.gates.map((g) => [g.gate, g.pass])).toEqual([['minImprovementOverBaseline', true], ['minImprovementOverChampion', true]]);
  });

  it('a version that fails a gate is not made champion silently: implied, it gets no alias; asked for, it is refused, naming the gate', () => {
    expect(championOnRegister({ requested: null, hasChampion: false, metrics: WORSE, gates: PASSING, override: false }).alias).toBeNull();
    const failed = evaluateGates(WORSE, PASSING).filter((g) => !g.pass).map((g) => g.message);
    expect(failed).toHaveLength(1);
    expect(() => championOnRegister({ requested: 'champion', hasChampion: false, metrics: WORSE, gates: PASSING, override: false })).toThrow(m.championGatesFailed(failed));
  });

  it('a person may override failing gates: champion, with the failed results kept for the audit entry', () => {
    const decision = championOnRegister({ requested: 'champion', hasChampion: false, metrics: WORSE, gates: PASSING, override: true });
    expect(decision.alias).toBe('champion');
    expect(decision.gates.some((g) => !g.pass)).toBe(true);
    const registry = setAlias(registryWith(1), { alias: 'champion', versionId: registryWith(1).versions[0]!.id, now: new Date('2026-01-02T00:00:00Z'), why: 'Demo: the baseline is fine for now', gates: decision.gates });
    expect(registry.audit.at(-1)).toMatchObject({ action: 'set-alias', alias: 'champion', why: 'Demo: the baseline is fine for now', gates: decision.gates });
    expect(auditRows(registry).at(-1)?.gates).toBe('1 of 2 passed: overridden');
  });

  it('with a champion, the gate against it is left to promotions (registration has no served WAPE to compare); challengers are not gated', () => {
    const decision = championOnRegister({ requested: 'champion', hasChampion: true, metrics: METRICS, gates: PASSING, override: false });
    expect(decision.gates.map((g) => g.gate)).toEqual(['minImprovementOverBaseline']);
    expect(championOnRegister({ requested: 'challenger', hasChampion: true, metrics: WORSE, gates: PASSING, override: false }).alias).toBe('challenger');
    expect(championOnRegister({ requested: null, hasChampion: true, metrics: METRICS, gates: PASSING, override: false }).alias).toBeNull();
  });
});
