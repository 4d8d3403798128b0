import { dayToIso } from '../core/days';
import type { Frequency } from '../data/types';
import { retrainMessages } from '../messages/retrain';
import type { RetrainPolicy } from './retrain-policy';
import { SHIFTED_ROW_WEIGHT, trainingWindow, type ShiftedSeries, type TrainingWindow } from './training-window';

/** A level shift as monitoring names it: which store (key column and value) moved, and its series. */
export interface NamedShift extends ShiftedSeries {
  column: string;
  value: string;
}

export interface PlanRetrainOptions<S extends NamedShift> {
  policy: Pick<RetrainPolicy, 'window' | 'windowLength'>;
  /** Why the policy retrains now (shouldRetrain's reason). */
  reason: string;
  /** The newest day with actuals, and the history's first day. */
  end: number;
  historyStart: number;
  frequency: Frequency;
  shifts: readonly S[];
  horizon: number;
}

export interface RetrainPlan<S extends NamedShift> {
  window: TrainingWindow<S>;
  validationPeriods: number;
  /** The audit trail's sentence: the policy's reason, then each store held to its new level. */
  why: string;
}

/** What a retraining the policy asked for trains and validates on, and why, in the words the audit trail keeps. */
export function planRetrain<S extends NamedShift>(options: PlanRetrainOptions<S>): RetrainPlan<S> {
  const { policy, reason, end, historyStart, frequency, shifts, horizon } = options;
  const validationPeriods = retrainValidation(horizon);
  const window = trainingWindow({ policy, end, historyStart, frequency, shifts, validationPeriods });
  const why = [reason, ...window.shifted.map((shift) => retrainMessages.afterShift(shift.column, shift.value, dayToIso(shift.from), SHIFTED_ROW_WEIGHT))].join(' ');
  return { window, validationPeriods, why };
}

/** Periods a retrain holds out for early stopping and its version's metrics: a quarter horizon, at least one. */
export function retrainValidation(horizon: number): number {
  return Math.max(1, Math.round(horizon / 4));
}
