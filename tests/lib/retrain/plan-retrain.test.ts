import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../src/lib/core/days';
import { planRetrain, retrainValidation } from '../../../src/lib/retrain/plan-retrain';
import { SHIFTED_ROW_WEIGHT } from '../../../src/lib/retrain/training-window';

const historyStart = daysFromCivil(2020, 1, 1);
const end = daysFromCivil(2021, 6, 30);
const shift = { column: 'store', value: 'S1', series: [0, 1], period: 3, from: daysFromCivil(2021, 6, 1) };

describe('planRetrain({policy, reason, end, historyStart, frequency, shifts, horizon})', () => {
  it('adaptive: holds the shifted store to its new level and says so after the policy’s reason', () => {
    const plan = planRetrain({ policy: { window: 'adaptive', windowLength: null }, reason: 'Drift alert.', end, historyStart, frequency: 'daily', shifts: [shift], horizon: 14 });
    expect(plan.validationPeriods).toBe(4);
    expect(plan.window).toEqual({ start: historyStart, end, shifted: [shift] });
    expect(plan.why).toBe(`Drift alert. The sales level of store S1 shifted: its series learn from 2021-06-01 on, each of those rows counted ${SHIFTED_ROW_WEIGHT} times.`);
  });

  it('expanding: all history, the shifts left out of the window and of the reason', () => {
    const plan = planRetrain({ policy: { window: 'expanding', windowLength: null }, reason: 'Scheduled.', end, historyStart, frequency: 'daily', shifts: [shift], horizon: 14 });
    expect(plan.window).toEqual({ start: historyStart, end, shifted: [] });
    expect(plan.why).toBe('Scheduled.');
  });

  it('retrainValidation(horizon) holds out a quarter horizon, at least one period', () => {
    expect([1, 2, 8, 14, 28].map(retrainValidation)).toEqual([1, 1, 2, 4, 7]);
  });
});
