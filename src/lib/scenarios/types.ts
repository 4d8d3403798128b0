/**
 * The shapes of the simulated future (Deploy, Monitor, Retrain stages):
 *
 *   SalesData (history) ──► continueSales (seasonal replay) ──► ScenarioSpec applied to the future rows ──► SimulatedWorld
 *
 * A scenario is plain JSON, so the notebook's URL can carry it and a stored run can replay it with its seed.
 */
import type { SalesData } from '../data/types';
import type { Rng } from '../random/rng';

/** Every scenario, in the order the notebook lists them (control first: the default). */
export const SCENARIO_IDS = [
  'control',
  'gradual-growth',
  'level-shift',
  'price-elasticity',
  'seasonality-shift',
  'new-product',
  'units-bug',
  'missing-column',
  'renamed-category',
] as const;

export type ScenarioId = (typeof SCENARIO_IDS)[number];

/**
 * The price elasticity of demand after the price-elasticity scenario's onset. Shop data mostly shows −0.5 to −2 (the
 * built-in example draws its products around −1.5), so −2.5 is a clearly stronger response than the model learnt.
 */
export const PRICE_SHOCK_ELASTICITY = -2.5;

/** An editable scenario script: plain JSON, part of the notebook URL. */
export interface ScenarioSpec {
  id: ScenarioId;
  /** Periods after the simulation start when the drift begins (0 = at once). */
  onset: number;
  /** The scenario's magnitude (meaning per scenario: growth per year, level change, price rise, ×100, ...). */
  strength: number;
  /** Which key value it hits (e.g. a store, a product) or which covariate (missing-column); null = the scenario's default choice. */
  target: string | null;
}

export interface ScenarioInfo {
  id: ScenarioId;
  title: string;
  /** What happens in the world, in plain words (2 sentences). */
  story: string;
  /** What monitoring should show and when (e.g. "performance alert within ~2 weeks of onset; data drift on sales"). */
  expectation: string;
  kind: 'none' | 'data-drift' | 'concept-drift' | 'data-bug';
  defaults: ScenarioSpec;
  strengthLabel: string;
  strengthRange: [number, number];
}

export interface SimulatedWorld {
  /** History followed by the simulated future, as the data feed delivers it (bugs included). */
  data: SalesData;
  /** First simulated date (days since epoch) and number of simulated periods. */
  start: number;
  periods: number;
  /** Date the drift begins (null for control). */
  onsetDate: number | null;
  scenario: ScenarioSpec;
  /** Did the scenario find what it needs in this data (e.g. price-elasticity without a price column: false + a message). */
  applicable: boolean;
  /** Plain sentences: what was changed, where and from when (e.g. "From 2024-03-01, store 3 sells 35% less"). */
  notes: string[];
}

/** What a scenario's applier receives (internal to src/lib/scenarios). */
export interface ScenarioInput {
  /** History followed by the control future; the applier may change future rows in place, never history rows. */
  data: SalesData;
  /** Per row: −1 for a history row, else its simulated period (0 = the first). */
  step: Int32Array;
  spec: ScenarioSpec;
  /** The scenario's own stream, apart from the continuation's, so the control future never depends on the scenario. */
  rng: Rng;
  /** Decimals the history's sales are recorded with (0 = whole units), null when they follow no short decimal grid. */
  salesDecimals: number | null;
  /** The date of simulated period `spec.onset`, for the notes. */
  onsetDate: number;
}

/** What a scenario's applier returns (internal to src/lib/scenarios). */
export interface ScenarioOutcome {
  data: SalesData;
  applicable: boolean;
  notes: string[];
}
