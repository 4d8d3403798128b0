import type { Frequency } from '../data/types';

/**
 * Monitoring window: one horizon, but at most four weeks of days, eight weeks or three months, so drift shows within
 * a month or two of simulated time; at least a week of days (a rate needs rows to stand on).
 */
export function monitoringWindow(horizon: number, frequency: Frequency): number {
  const limits: Record<Frequency, [number, number]> = { daily: [7, 28], weekly: [4, 8], monthly: [3, 3] };
  const [min, max] = limits[frequency];
  return Math.min(max, Math.max(min, horizon));
}

/** Where a picked scenario's drift begins by default: after a first monitoring window and a little calm. */
export function defaultOnset(frequency: Frequency): number {
  return { daily: 42, weekly: 12, monthly: 6 }[frequency];
}
