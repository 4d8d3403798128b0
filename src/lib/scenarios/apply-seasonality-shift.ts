import { dayToIso } from '../core/days';
import { seriesRows } from '../features/series-rows';
import { scenarioMessages as m } from '../messages/scenarios';
import { findTargetSeries } from './find-target-series';
import { notApplicable } from './not-applicable';
import type { ScenarioInput, ScenarioOutcome } from './types';

/**
 * From the onset, each hit series (default: every series) sells what the control world sells `strength` periods
 * earlier (rounded to whole periods; negative = earlier): its weekly pattern (daily data) or yearly pattern (weekly,
 * monthly data) runs late, while the level stays. Covariates stay where they were, so a holiday flag and its spike
 * part ways too, as they would if customers changed habits. Reading back keeps every value one the series really
 * has; the first `strength` periods after the onset repeat the ones just before it.
 */
export function applySeasonalityShift(input: ScenarioInput): ScenarioOutcome {
  const { data, spec, step } = input;
  const target = findTargetSeries(data, spec.target, 'every');
  if (target === null) return notApplicable(input, m.unknownTarget(spec.target ?? ''));
  const shift = Math.round(spec.strength);
  const control = data.sales.slice();
  const offsets = seriesRows(data);
  for (let s = 0; s < data.seriesLabels.length; s++) {
    if (target.hit[s] !== 1) continue;
    const [a, b] = [offsets[s] as number, offsets[s + 1] as number];
    for (let r = a; r < b; r++) {
      const from = r - shift;
      if ((step[r] as number) >= spec.onset && from >= a && from < b) data.sales[r] = control[from] as number;
    }
  }
  return { data, applicable: true, notes: [m.seasonalityShift(dayToIso(input.onsetDate), target.where, shift, data.frequency)] };
}
