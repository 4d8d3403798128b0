import { dayToIso } from '../core/days';
import { scenarioMessages as m } from '../messages/scenarios';
import { findTargetSeries } from './find-target-series';
import { notApplicable } from './not-applicable';
import { scaleFutureSales } from './scale-future-sales';
import type { ScenarioInput, ScenarioOutcome } from './types';

export interface SalesFactorOptions {
  /** Which series a null target means. */
  fallback: 'every' | 'first-key';
  /** The multiplier on sales at a simulated period (only asked from the onset on). */
  factor: (step: number) => number;
  /** The note, from the onset date (YYYY-MM-DD) and where it happens ("store S1", "every series"). */
  note: (date: string, where: string) => string;
}

/** The scenarios that only rescale sales (growth, a level shift, a units bug): pick the series, scale, say so. */
export function applySalesFactor(input: ScenarioInput, { fallback, factor, note }: SalesFactorOptions): ScenarioOutcome {
  const target = findTargetSeries(input.data, input.spec.target, fallback);
  if (target === null) return notApplicable(input, m.unknownTarget(input.spec.target ?? ''));
  scaleFutureSales(input, target.hit, factor);
  return { data: input.data, applicable: true, notes: [note(dayToIso(input.onsetDate), target.where)] };
}
