import type { Frequency } from '../data/types';

/**
 * How far ahead to forecast when the Scope says nothing: four weeks of days, two months of weeks, a year of months —
 * roughly one purchasing cycle at each grain.
 */
export const DEFAULT_HORIZON: Readonly<Record<Frequency, number>> = { daily: 28, weekly: 8, monthly: 12 };

export function resolveHorizon(horizon: number | null, frequency: Frequency | null): number {
  return horizon ?? DEFAULT_HORIZON[frequency ?? 'daily'];
}
