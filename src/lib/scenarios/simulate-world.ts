/**
 * The simulated world of the Deploy/Monitor/Retrain stages:
 *
 *   history ──► 1. continueSales: the control future (seeded seasonal replay)
 *           ──► 2. the scenario, applied to future rows from its onset on ──► SimulatedWorld (history + future, notes)
 *
 * History rows come out as they went in, and future rows before the onset are the control world's for the same seed:
 * the scenario draws from a stream of its own, so it can only change what it says it changes.
 */
import type { SalesData } from '../data/types';
import { scenarioMessages as m } from '../messages/scenarios';
import { createRng } from '../random/rng';
import { checkCount } from '../split/check-count';
import { advancePeriods } from '../core/periods';
import { applyMissingColumn } from './apply-missing-column';
import { applyNewProduct } from './apply-new-product';
import { applyPriceElasticity } from './apply-price-elasticity';
import { applyRenamedCategory } from './apply-renamed-category';
import { applySalesFactor } from './apply-sales-factor';
import { applySeasonalityShift } from './apply-seasonality-shift';
import { continueSalesWithSteps, YEAR_PERIODS } from './continue-sales';
import type { ScenarioId, ScenarioInput, ScenarioOutcome, ScenarioSpec, SimulatedWorld } from './types';

export interface SimulateWorldOptions {
  history: SalesData;
  /** Simulated periods after the end of the history. */
  periods: number;
  scenario: ScenarioSpec;
  /** Integer seed of the whole simulated world. */
  seed: number;
}

/** Mixed into the seed for the scenario's stream, so it never replays the continuation's draws. */
const SCENARIO_STREAM = 0x5ce4a210;

const APPLY: Readonly<Record<ScenarioId, (input: ScenarioInput) => ScenarioOutcome>> = {
  control: (input) => ({ data: input.data, applicable: true, notes: [m.control()] }),
  // A linear ramp: the strength per year, counted from the onset period (which already carries one period of it).
  'gradual-growth': (input) => {
    const { onset, strength } = input.spec;
    const year = YEAR_PERIODS[input.data.frequency];
    return applySalesFactor(input, {
      fallback: 'every',
      factor: (t) => Math.max(0, 1 + (strength * (t - onset + 1)) / year),
      note: (date, where) => m.gradualGrowth(date, where, strength),
    });
  },
  'level-shift': (input) =>
    applySalesFactor(input, {
      fallback: 'first-key',
      factor: () => Math.max(0, 1 - input.spec.strength),
      note: (date, where) => m.levelShift(date, where, input.spec.strength),
    }),
  'price-elasticity': applyPriceElasticity,
  'seasonality-shift': applySeasonalityShift,
  'new-product': applyNewProduct,
  'units-bug': (input) =>
    applySalesFactor(input, {
      fallback: 'every',
      factor: () => input.spec.strength,
      note: (date, where) => m.unitsBug(date, where, input.spec.strength),
    }),
  'missing-column': applyMissingColumn,
  'renamed-category': applyRenamedCategory,
};

/** History followed by `periods` simulated periods, with the scenario's drift from its onset (see the top of this file). */
export function simulateWorld({ history, periods, scenario, seed }: SimulateWorldOptions): SimulatedWorld {
  checkCount('onset', scenario.onset, 0);
  if (!Number.isFinite(scenario.strength)) throw new RangeError(m.notStrength(scenario.strength));
  const { data, step, start, salesDecimals } = continueSalesWithSteps({ history, periods, seed });
  const onsetDate = advancePeriods(start, scenario.onset, history.frequency);
  const rng = createRng(seed ^ SCENARIO_STREAM);
  const outcome = APPLY[scenario.id]({ data, step, spec: scenario, rng, salesDecimals, onsetDate });
  const drifts = outcome.applicable && scenario.id !== 'control';
  const notes = drifts && scenario.onset >= periods ? [m.afterWindow(scenario.onset, periods)] : outcome.notes;
  return {
    data: outcome.data,
    start,
    periods,
    onsetDate: drifts ? onsetDate : null,
    scenario: { ...scenario },
    applicable: outcome.applicable,
    notes,
  };
}

