import * as v from 'valibot';
import { scenarioMessages as m } from '../messages/scenarios';
import { scenarioInfo } from './scenarios';
import { SCENARIO_IDS, type ScenarioSpec } from './types';

/** Generous bounds: any onset a simulation could reach, any factor a units bug could have, a key value's length. */
export const SCENARIO_SPEC_LIMITS = { maxOnset: 10_000, maxStrength: 1000, maxTarget: 200 } as const;

const { maxOnset, maxStrength, maxTarget } = SCENARIO_SPEC_LIMITS;

/** The ScenarioSpec as a valibot schema: every field required, no unknown keys. */
export const ScenarioSpecSchema = v.strictObject(
  {
    id: v.picklist(SCENARIO_IDS, m.scenarioId(SCENARIO_IDS)),
    onset: v.pipe(
      v.number(m.onsetRange(maxOnset)),
      v.integer(m.onsetRange(maxOnset)),
      v.minValue(0, m.onsetRange(maxOnset)),
      v.maxValue(maxOnset, m.onsetRange(maxOnset)),
    ),
    strength: v.pipe(
      v.number(m.strengthRange(maxStrength)),
      v.finite(m.strengthRange(maxStrength)),
      v.minValue(-maxStrength, m.strengthRange(maxStrength)),
      v.maxValue(maxStrength, m.strengthRange(maxStrength)),
    ),
    target: v.nullable(
      v.pipe(v.string(m.targetLength(maxTarget)), v.minLength(1, m.targetLength(maxTarget)), v.maxLength(maxTarget, m.targetLength(maxTarget))),
    ),
  },
  m.specUnknownKey,
);

/** A fresh notebook simulates the control world: drift is something the instructor chooses to show. */
export const DEFAULT_SCENARIO: Readonly<ScenarioSpec> = Object.freeze({ ...scenarioInfo('control').defaults });

export type ScenarioSpecResult = { ok: true; spec: ScenarioSpec } | { ok: false; error: string };

/**
 * Reads a scenario spec from where untrusted specs come from: a link's hash or a stored run (an object, or its JSON
 * text). Either the spec, or one sentence naming the first bad field, e.g.
 * `Scenario settings, onset: expected a whole number of periods from 0 to 10000`.
 * Whether the target exists is a question for the data: simulateWorld answers it (applicable: false).
 */
export function parseScenarioSpec(json: unknown): ScenarioSpecResult {
  const read = typeof json === 'string' ? parseJson(json) : { value: json };
  if ('error' in read) return { ok: false, error: m.specNotJson(read.error) };
  const input = read.value;
  const result = Array.isArray(input) ? null : v.safeParse(ScenarioSpecSchema, input);
  if (result?.success) return { ok: true, spec: result.output };
  const issue = result?.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  if (issue && path !== null) return { ok: false, error: m.specIssue(path, issue.message) };
  // An array, or an issue with no path (about the whole input): not an object.
  const text = JSON.stringify(input) ?? String(input);
  return { ok: false, error: m.specNotObject(text.length > 40 ? `${text.slice(0, 37)}…` : text) };
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
