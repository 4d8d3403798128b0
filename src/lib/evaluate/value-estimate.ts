import type { Frequency } from '../data/types';
import { PERIODS_PER_YEAR } from '../scope/cost-model';

export interface ValueEstimateOptions {
  /** Calendar periods the savings were measured over (the horizon of the evaluation). */
  periods: number;
  frequency: Frequency;
}

export interface ValueEstimate {
  perPeriod: number;
  perYear: number;
  periodsPerYear: number;
}

/**
 * Savings measured over a few periods, scaled to a year: savings / periods × periods per year (365 days, 52 weeks,
 * 12 months). A rough order of magnitude that assumes the test window is typical of the year; say so next to it.
 */
export function valueEstimate(savings: number, { periods, frequency }: ValueEstimateOptions): ValueEstimate {
  const periodsPerYear = PERIODS_PER_YEAR[frequency];
  const perPeriod = periods > 0 ? savings / periods : NaN;
  return { perPeriod, perYear: perPeriod * periodsPerYear, periodsPerYear };
}
