import type { ScenarioInput, ScenarioOutcome } from './types';

/** The control future, unchanged, with the reason the scenario could not run on this data. */
export function notApplicable(input: ScenarioInput, message: string): ScenarioOutcome {
  return { data: input.data, applicable: false, notes: [message] };
}
