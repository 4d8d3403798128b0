import * as v from 'valibot';
import { limitSchema, wholeIn } from '../notebook/setting-limit';

/**
 * When the Retrain stage trains a challenger, on which rows, and what happens to it. Plain JSON, part of the
 * notebook's URL. Periods are the data's (days, weeks or months).
 */
export interface RetrainPolicy {
  /**
   * 'manual': only on request; 'scheduled': every `every` periods; 'on-drift': on any drift alert (data, prediction,
   * target) or decay alert (performance, cost), the earliest warning; 'on-decay': only once accuracy or cost has
   * actually suffered. Data-quality alerts never retrain: a model retrained on broken data learns the breakage.
   */
  trigger: RetrainTrigger;
  /** Periods between scheduled retrainings. */
  every: number;
  /**
   * 'expanding': all history up to the newest actual; 'sliding': only the last `windowLength` periods of it;
   * 'adaptive': all history, except that a store whose sales level shifted (as monitoring saw it) learns only from
   * the shift on (see ./training-window.ts).
   */
  window: RetrainWindow;
  /** Periods in a sliding window; null: one year. */
  windowLength: number | null;
  /** Periods a challenger forecasts in shadow before it is compared with the champion. */
  shadowPeriods: number;
  /** Promote a challenger that passes the gates without asking. */
  autoPromote: boolean;
  /** At least this many periods between two trainings (the original one counts), so an alert storm trains once. */
  minPeriodsBetween: number;
}

export type RetrainTrigger = 'manual' | 'scheduled' | 'on-drift' | 'on-decay';

export type RetrainWindow = 'adaptive' | 'sliding' | 'expanding';

/**
 * What a classroom demo expects: a scenario shifts the data, a drift (or decay) alert fires, a challenger is trained
 * on all history, shadows for a week of periods, and is promoted if it passes the gates. All history keeps every
 * season and holiday in the training rows, which a sliding year would cut; 'adaptive' rather than 'expanding' because
 * a store whose level dropped otherwise keeps learning its old level from years of rows. On the example's level-shift
 * story (−50 % in one store from period 42, a year, ridge): that store's served WAPE at the end 42 % against 48 %,
 * 4 alerts against 11, back within the alert rules 41 periods after the onset against 215.
 */
export const DEFAULT_RETRAIN_POLICY: RetrainPolicy = {
  trigger: 'on-drift',
  every: 28,
  window: 'adaptive',
  windowLength: null,
  shadowPeriods: 7,
  autoPromote: true,
  minPeriodsBetween: 7,
};

/** Whole periods, up to ten years of days (a sliding window up to 10 000 periods). */
export const RETRAIN_POLICY_LIMITS = {
  every: wholeIn(1, 3660),
  windowLength: wholeIn(1, 10_000),
  shadowPeriods: wholeIn(1, 3660),
  minPeriodsBetween: wholeIn(0, 3660),
} as const;

export const RetrainPolicySchema = v.strictObject({
  trigger: v.picklist(['manual', 'scheduled', 'on-drift', 'on-decay']),
  every: limitSchema(RETRAIN_POLICY_LIMITS.every),
  window: v.picklist(['adaptive', 'sliding', 'expanding']),
  windowLength: v.nullable(limitSchema(RETRAIN_POLICY_LIMITS.windowLength)),
  shadowPeriods: limitSchema(RETRAIN_POLICY_LIMITS.shadowPeriods),
  autoPromote: v.boolean(),
  minPeriodsBetween: limitSchema(RETRAIN_POLICY_LIMITS.minPeriodsBetween),
});
