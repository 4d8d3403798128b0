import { describe, expect, it } from 'vitest';
import { scenarioMessages as m } from '../../../src/lib/messages/scenarios';
import { DEFAULT_SCENARIO, parseScenarioSpec, SCENARIO_SPEC_LIMITS } from '../../../src/lib/scenarios/parse-scenario-spec';
import { SCENARIOS, scenarioInfo } from '../../../src/lib/scenarios/scenarios';
import { SCENARIO_IDS, type ScenarioId } from '../../../src/lib/scenarios/types';

describe('SCENARIOS and scenarioInfo(id)', () => {
  it('lists every scenario once, control first, each with its own defaults', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([...SCENARIO_IDS]);
    for (const id of SCENARIO_IDS) {
      const info = scenarioInfo(id);
      expect(info.id).toBe(id);
      expect(info.defaults).toMatchObject({ id, target: null });
    }
    expect(() => scenarioInfo('meteor' as ScenarioId)).toThrow(RangeError);
  });

  it('gives every scenario honest, finished texts and a default strength inside its range', () => {
    for (const info of SCENARIOS) {
      for (const text of [info.title, info.story, info.expectation, info.strengthLabel]) {
        expect(text.length, info.id).toBeGreaterThan(3);
        expect(text, info.id).not.toMatch(/TODO|TBD|XX|\{|\}|\$/);
      }
      const [lo, hi] = info.strengthRange;
      expect(lo <= info.defaults.strength && info.defaults.strength <= hi, info.id).toBe(true);
      expect(info.kind === 'none').toBe(info.id === 'control');
    }
  });

  it('DEFAULT_SCENARIO is the control world, from the start', () => {
    expect(DEFAULT_SCENARIO).toEqual({ id: 'control', onset: 0, strength: 0, target: null });
    expect(Object.isFrozen(DEFAULT_SCENARIO)).toBe(true);
  });
});

describe('parseScenarioSpec(json)', () => {
  it('reads every default spec, as an object or as JSON text', () => {
    for (const info of SCENARIOS) {
      expect(parseScenarioSpec(info.defaults)).toEqual({ ok: true, spec: info.defaults });
      expect(parseScenarioSpec(JSON.stringify(info.defaults))).toEqual({ ok: true, spec: info.defaults });
    }
    const spec = { id: 'level-shift', onset: 10_000, strength: -1000, target: 'x'.repeat(200) };
    expect(parseScenarioSpec(spec)).toEqual({ ok: true, spec });
  });

  it('names the first bad field in one sentence', () => {
    const base = { id: 'units-bug', onset: 3, strength: 100, target: null };
    const { maxOnset, maxStrength, maxTarget } = SCENARIO_SPEC_LIMITS;
    const cases: [unknown, string][] = [
      [{ ...base, id: 'meteor' }, m.specIssue('id', m.scenarioId(SCENARIO_IDS))],
      [{ ...base, onset: -1 }, m.specIssue('onset', m.onsetRange(maxOnset))],
      [{ ...base, onset: 2.5 }, m.specIssue('onset', m.onsetRange(maxOnset))],
      [{ ...base, onset: maxOnset + 1 }, m.specIssue('onset', m.onsetRange(maxOnset))],
      [{ ...base, onset: '3' }, m.specIssue('onset', m.onsetRange(maxOnset))],
      [{ ...base, strength: Infinity }, m.specIssue('strength', m.strengthRange(maxStrength))],
      [{ ...base, strength: NaN }, m.specIssue('strength', m.strengthRange(maxStrength))],
      [{ ...base, strength: 1e6 }, m.specIssue('strength', m.strengthRange(maxStrength))],
      [{ ...base, target: '' }, m.specIssue('target', m.targetLength(maxTarget))],
      [{ ...base, target: 'x'.repeat(maxTarget + 1) }, m.specIssue('target', m.targetLength(maxTarget))],
      [{ ...base, target: 3 }, m.specIssue('target', m.targetLength(maxTarget))],
      [{ ...base, extra: 1 }, m.specIssue('extra', m.specUnknownKey)],
    ];
    for (const [input, error] of cases) expect(parseScenarioSpec(input), JSON.stringify(input)).toEqual({ ok: false, error });
    expect(parseScenarioSpec({ id: 'control', onset: 0, strength: 0 })).toMatchObject({ ok: false, error: expect.stringContaining('target') });
  });

  it('refuses text that is not JSON, and JSON that is not an object', () => {
    expect(parseScenarioSpec('{ id: control')).toMatchObject({ ok: false, error: expect.stringMatching(/^The scenario settings are not valid JSON/) });
    expect(parseScenarioSpec('[1, 2]')).toEqual({ ok: false, error: m.specNotObject('[1,2]') });
    expect(parseScenarioSpec(null)).toEqual({ ok: false, error: m.specNotObject('null') });
  });
});
