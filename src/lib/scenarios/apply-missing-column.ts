import { dayToIso } from '../core/days';
import { ROW_FLAG } from '../data/types';
import { scenarioMessages as m } from '../messages/scenarios';
import { notApplicable } from './not-applicable';
import type { ScenarioInput, ScenarioOutcome } from './types';

/**
 * From the onset a covariate (the target; default: the first) arrives empty in a share of the rows (the strength,
 * 1 = every row), as when an upstream export drops a field. Rows that lose it are flagged as ingest would flag an
 * empty cell. Data with no covariates loses sales values instead, so the scenario still tests the quality checks.
 */
export function applyMissingColumn(input: ScenarioInput): ScenarioOutcome {
  const { data, spec, step } = input;
  const names = Object.keys(data.covariates);
  const share = Math.min(1, Math.max(0, spec.strength));
  const date = dayToIso(input.onsetDate);
  if (names.length === 0 && spec.target === null) {
    blank(input, data.sales, share);
    return { data, applicable: true, notes: [m.missingSales(date, share)] };
  }
  const wanted = spec.target ?? (names[0] as string);
  const name = names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted.trim().toLowerCase());
  if (name === undefined) return notApplicable(input, m.unknownCovariate(wanted, names));
  const column = data.covariates[name] as Float64Array;
  blank(input, column, share);
  const flags = data.rowFlags;
  if (flags) {
    for (let r = 0; r < step.length; r++) if ((step[r] as number) >= spec.onset && Number.isNaN(column[r])) flags[r]! |= ROW_FLAG.covariateMissing;
  }
  return { data, applicable: true, notes: [m.missingColumn(date, name, share)] };
}

/** NaN in `column` on each row from the onset with chance `share` (every row when share is 1). */
function blank({ step, spec, rng }: ScenarioInput, column: Float64Array, share: number): void {
  for (let r = 0; r < step.length; r++) {
    if ((step[r] as number) >= spec.onset && (share >= 1 || rng.next() < share)) column[r] = NaN;
  }
}
