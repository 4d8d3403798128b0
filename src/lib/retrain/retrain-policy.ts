import * as v from 'valibot';

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
  /** 'expanding': all history up to the newest actual; 'sliding': only the last `windowLength` periods of it. */
  window: 'sliding' | 'expanding';
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

/**
 * What a classroom demo expects: a scenario shifts the data, a drift (or decay) alert fires, a challenger is trained
 * on all history, shadows for a week of periods, and is promoted if it passes the gates. Expanding rather than
 * sliding keeps a full year in the training rows, which the seasonal features need.
 */
export const DEFAULT_RETRAIN_POLICY: RetrainPolicy = {
  trigger: 'on-drift',
  every: 28,
  window: 'expanding',
  windowLength: null,
  shadowPeriods: 7,
  autoPromote: true,
  minPeriodsBetween: 7,
};

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

export const RetrainPolicySchema = v.strictObject({
  trigger: v.picklist(['manual', 'scheduled', 'on-drift', 'on-decay']),
  every: int(1, 3660),
  window: v.picklist(['sliding', 'expanding']),
  windowLength: v.nullable(int(1, 10_000)),
  shadowPeriods: int(1, 3660),
  autoPromote: v.boolean(),
  minPeriodsBetween: int(0, 3660),
});
