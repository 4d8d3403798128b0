import { SCENARIO_TEXTS } from '../messages/scenarios';
import type { ScenarioId, ScenarioInfo } from './types';

/**
 * Drift begins a few periods into the simulation, so monitoring first sees the deployed model behave (a week of
 * days, six weeks, half a year of months) and the change stands out against it.
 */
const ONSET = 6;

function info(id: ScenarioId, kind: ScenarioInfo['kind'], strength: number, strengthRange: [number, number]): ScenarioInfo {
  const { title, story, expectation, strengthLabel } = SCENARIO_TEXTS[id];
  const onset = id === 'control' ? 0 : ONSET;
  return { id, title, story, expectation, kind, defaults: { id, onset, strength, target: null }, strengthLabel, strengthRange };
}

/** The scenario library, control first. Strengths and ranges mean what each `strengthLabel` says. */
export const SCENARIOS: readonly ScenarioInfo[] = Object.freeze([
  info('control', 'none', 0, [0, 0]),
  info('gradual-growth', 'data-drift', 0.4, [-0.5, 2]),
  info('level-shift', 'data-drift', 0.5, [0.05, 0.9]),
  info('price-elasticity', 'concept-drift', 0.15, [0.02, 0.5]),
  info('seasonality-shift', 'concept-drift', 3, [1, 6]),
  info('new-product', 'data-drift', 0.8, [0.1, 3]),
  info('units-bug', 'data-bug', 100, [2, 1000]),
  info('missing-column', 'data-bug', 1, [0.05, 1]),
  info('renamed-category', 'data-bug', 0, [0, 0]),
]);

/** The library entry of a scenario. */
export function scenarioInfo(id: ScenarioId): ScenarioInfo {
  const found = SCENARIOS.find((scenario) => scenario.id === id);
  if (!found) throw new RangeError(`scenarioInfo: unknown scenario "${id}"`);
  return found;
}
