import { describe, expect, it } from 'vitest';
import { judgeChallenger, judgedFrom } from '../../../src/lib/retrain/judge-challenger';
import type { GateResult } from '../../../src/lib/registry/types';

const gate = (pass: boolean): GateResult => ({ gate: 'maxWape', label: 'WAPE', value: pass ? 0.1 : 0.3, threshold: 0.2, pass, message: '' });
const pass = gate(true);
const fail = gate(false);
const policy = { shadowPeriods: 7, autoPromote: true };

describe('judgeChallenger({policy, since, known, gates})', () => {
  it('waits until the shadow period has actuals, then asks the gates over the periods from the first the challenger forecast', () => {
    const asked: number[] = [];
    const gates = (from: number) => (asked.push(from), [pass]);
    // Started at 10: its forecasts are of 11 on; with actuals through 16 only six of them are known.
    expect(judgeChallenger({ policy, since: 10, known: 16, gates })).toEqual({ verdict: 'wait' });
    expect(asked).toEqual([]);
    expect(judgeChallenger({ policy, since: 10, known: 17, gates })).toEqual({ verdict: 'promote', gates: [pass] });
    expect(asked).toEqual([11]);
  });

  it('archives a challenger that fails a gate; without auto-promotion keeps it for a person, whatever the gates say', () => {
    expect(judgeChallenger({ policy, since: 0, known: 20, gates: () => [pass, fail] })).toEqual({ verdict: 'archive', gates: [pass, fail] });
    const byHand = { ...policy, autoPromote: false };
    expect(judgeChallenger({ policy: byHand, since: 0, known: 20, gates: () => [fail] })).toEqual({ verdict: 'keep', gates: [fail] });
    expect(judgeChallenger({ policy: byHand, since: 0, known: 20, gates: () => [pass] }).verdict).toBe('keep');
  });

  it('judgedFrom(since) is the period after, never before the first simulated one', () => {
    expect(judgedFrom(4)).toBe(5);
    expect(judgedFrom(-5)).toBe(0);
  });
});
