import { dayToIso } from '../core/days';
import { seriesRows } from '../features/series-rows';
import { scenarioMessages as m } from '../messages/scenarios';
import { addSeries } from './add-series';
import { findTargetSeries } from './find-target-series';
import { notApplicable } from './not-applicable';
import { uniqueValue } from './unique-value';
import type { ScenarioInput, ScenarioOutcome } from './types';

/**
 * From the onset one key value (the target; default: the first value of the first key column) arrives under a new
 * name, as when an upstream system recodes its stores. Every series with that value stops at the onset, and its
 * rows from then on come as a new series under the new name: same numbers, new identity, no history.
 */
export function applyRenamedCategory(input: ScenarioInput): ScenarioOutcome {
  const { data, spec, step } = input;
  if (data.seriesKeys.length === 0) return notApplicable(input, m.noKeysForRename());
  const target = findTargetSeries(data, spec.target, 'first-key');
  if (target?.key == null) return notApplicable(input, m.unknownTarget(spec.target ?? ''));
  const { column, value } = target.key;
  const keyName = data.seriesKeys[column] ?? '';
  const renamed = rename(keyName, value, data.seriesKeyValues.map((values) => values[column] ?? ''));

  const moved = (r: number) => target.hit[data.series[r] as number] === 1 && (step[r] as number) >= spec.onset;
  const offsets = seriesRows(data);
  const added = data.seriesKeyValues.flatMap((values, s) => {
    if (target.hit[s] !== 1) return [];
    const rows: number[] = [];
    for (let r = offsets[s] as number; r < (offsets[s + 1] as number); r++) if (moved(r)) rows.push(r);
    return [{ keyValues: values.map((v, k) => (k === column ? renamed : v)), rows }];
  });
  const out = addSeries(data, step, { drop: moved, added });
  return {
    data: out.data,
    applicable: true,
    notes: [m.renamedCategory(dayToIso(input.onsetDate), keyName, value, renamed, added.length)],
  };
}

/**
 * The kind of rename upstream systems do: a change of case ("S1" → "s1", "north" → "NORTH"), or a prefix on a bare
 * number (store "3" → "S3"); never a name already in use.
 */
function rename(key: string, value: string, taken: readonly string[]): string {
  const lower = value.toLowerCase();
  const upper = value.toUpperCase();
  const wanted = lower !== value ? lower : upper !== value ? upper : `${(key[0] ?? 'x').toUpperCase()}${value}`;
  return uniqueValue(wanted, taken);
}
