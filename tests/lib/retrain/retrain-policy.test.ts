import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/lib/monitor/alert-rules';
import { DEFAULT_RETRAIN_POLICY, RetrainPolicySchema, type RetrainPolicy } from '../../../src/lib/retrain/retrain-policy';
import { shouldRetrain } from '../../../src/lib/retrain/should-retrain';

const policy = (patch: Partial<RetrainPolicy>): RetrainPolicy => ({ ...DEFAULT_RETRAIN_POLICY, minPeriodsBetween: 0, ...patch });
const alert = (kind: Alert['kind'], period: number): Pick<Alert, 'kind' | 'period' | 'title'> => ({ kind, period, title: `${kind} alert` });

/** The periods 0 … n − 1 at which the policy retrains, feeding back each retraining as the last one. */
function retrainPeriods(p: RetrainPolicy, n: number, alerts: Pick<Alert, 'kind' | 'period' | 'title'>[] = []): number[] {
  const out: number[] = [];
  let last: number | null = null;
  for (let period = 0; period < n; period++) {
    const known = alerts.filter((a) => a.period <= period);
    if (shouldRetrain({ policy: p, period, lastRetrainPeriod: last, alerts: known }).retrain) {
      out.push(period);
      last = period;
    }
  }
  return out;
}

describe('RetrainPolicySchema and DEFAULT_RETRAIN_POLICY', () => {
  it('defaults to retraining on a drift or decay alert and promoting through the gates', () => {
    expect(v.parse(RetrainPolicySchema, DEFAULT_RETRAIN_POLICY)).toEqual(DEFAULT_RETRAIN_POLICY);
    expect(DEFAULT_RETRAIN_POLICY).toMatchObject({ trigger: 'on-drift', autoPromote: true, shadowPeriods: 7 });
    expect(v.safeParse(RetrainPolicySchema, { ...DEFAULT_RETRAIN_POLICY, every: 0 }).success).toBe(false);
    expect(v.safeParse(RetrainPolicySchema, { ...DEFAULT_RETRAIN_POLICY, trigger: 'always' }).success).toBe(false);
  });

  it('defaults to the adaptive window; links made with expanding or sliding still parse as they were', () => {
    expect(DEFAULT_RETRAIN_POLICY.window).toBe('adaptive');
    for (const window of ['expanding', 'sliding'] as const) expect(v.parse(RetrainPolicySchema, { ...DEFAULT_RETRAIN_POLICY, window }).window).toBe(window);
    expect(v.safeParse(RetrainPolicySchema, { ...DEFAULT_RETRAIN_POLICY, window: 'recent' }).success).toBe(false);
  });
});

describe('shouldRetrain({policy, period, lastRetrainPeriod, alerts, manualRequest})', () => {
  it('scheduled: every N periods, counting the original training as period 0', () => {
    expect(retrainPeriods(policy({ trigger: 'scheduled', every: 7 }), 30)).toEqual([7, 14, 21, 28]);
    expect(shouldRetrain({ policy: policy({ trigger: 'scheduled', every: 7 }), period: 9, lastRetrainPeriod: 7, alerts: [] })).toEqual({
      retrain: false,
      reason: 'Next scheduled retraining in 5 periods (every 7 periods).',
    });
  });

  it('on-drift: on the first drift or decay alert since the last training, naming it', () => {
    const alerts = [alert('data-drift', 5), alert('data-drift', 6)];
    expect(shouldRetrain({ policy: policy({ trigger: 'on-drift' }), period: 6, lastRetrainPeriod: null, alerts })).toEqual({
      retrain: true,
      reason: 'Triggered by the alert “data-drift alert” (period 5) and 1 more.',
    });
    expect(retrainPeriods(policy({ trigger: 'on-drift' }), 20, [alert('target-drift', 4), alert('performance', 12)])).toEqual([4, 12]);
    // An alert from before the last retraining is spent.
    expect(shouldRetrain({ policy: policy({ trigger: 'on-drift' }), period: 9, lastRetrainPeriod: 5, alerts: [alert('data-drift', 5)] }).retrain).toBe(false);
  });

  it('on-decay: waits for a performance or cost alert, ignoring drift', () => {
    const p = policy({ trigger: 'on-decay' });
    expect(shouldRetrain({ policy: p, period: 8, lastRetrainPeriod: null, alerts: [alert('data-drift', 3)] })).toEqual({
      retrain: false,
      reason: 'No performance or cost alert since the last training.',
    });
    expect(shouldRetrain({ policy: p, period: 8, lastRetrainPeriod: null, alerts: [alert('cost', 8)] }).retrain).toBe(true);
  });

  it('never retrains on a data-quality alert: a model retrained on broken data learns the breakage', () => {
    expect(shouldRetrain({ policy: policy({ trigger: 'on-drift' }), period: 8, lastRetrainPeriod: null, alerts: [alert('data-quality', 8)] }).retrain).toBe(false);
  });

  it('minPeriodsBetween: keeps an alert waiting until enough periods have passed, then acts on it', () => {
    const p = policy({ trigger: 'on-drift', minPeriodsBetween: 7 });
    expect(retrainPeriods(p, 20, [alert('data-drift', 3)])).toEqual([7]);
    expect(shouldRetrain({ policy: p, period: 10, lastRetrainPeriod: 7, alerts: [alert('data-drift', 9)] })).toEqual({
      retrain: false,
      reason: 'Waiting: the model was trained 3 periods ago, and the policy keeps at least 7 periods between trainings.',
    });
    expect(retrainPeriods(policy({ trigger: 'scheduled', every: 2, minPeriodsBetween: 5 }), 12)).toEqual([5, 10]);
  });

  it('manual: only on request; a request works under any trigger, but never over an active challenger', () => {
    const manual = policy({ trigger: 'manual' });
    expect(shouldRetrain({ policy: manual, period: 3, lastRetrainPeriod: null, alerts: [alert('performance', 3)] }).retrain).toBe(false);
    expect(shouldRetrain({ policy: manual, period: 3, lastRetrainPeriod: null, alerts: [], manualRequest: true })).toEqual({
      retrain: true,
      reason: 'Retraining was requested by hand.',
    });
    expect(shouldRetrain({ policy: policy({ minPeriodsBetween: 30 }), period: 3, lastRetrainPeriod: 2, alerts: [], manualRequest: true }).retrain).toBe(true);
    const busy = shouldRetrain({ policy: manual, period: 3, lastRetrainPeriod: null, alerts: [], manualRequest: true, challengerActive: true });
    expect(busy.retrain).toBe(false);
    expect(busy.reason).toContain('already in shadow');
  });
});
