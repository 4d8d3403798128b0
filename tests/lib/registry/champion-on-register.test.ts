import { describe, expect, it } from 'vitest';
import { registryMessages } from '../../../src/lib/messages/registry';
import { championOnRegister } from '../../../src/lib/registry/champion-on-register';
import { evaluateGates } from '../../../src/lib/registry/evaluate-gates';
import { auditRows } from '../../../src/lib/registry/audit-rows';
import { setAlias } from '../../../src/lib/registry/set-alias';
import type { PromotionGates } from '../../../src/lib/registry/types';
import { METRICS, registryWith } from './fixtures';

// METRICS: WAPE 0.2 against seasonal naive's 0.3, i.e. 33 % lower.
const PASSING: PromotionGates = { maxWape: null, minImprovementOverBaseline: 0.05, maxCost: null, minImprovementOverChampion: 0 };
// The monthly case: a version worse than seasonal naive fails "at least 5 % lower".
const WORSE = { ...METRICS, wape: 0.6 };

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
    expect(() => championOnRegister({ requested: 'champion', hasChampion: false, metrics: WORSE, gates: PASSING, override: false })).toThrow(registryMessages.championGatesFailed(failed));
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
