import * as v from 'valibot';
import type { Frequency } from '../data/types';
import { PERIODS_PER_YEAR } from '../scope/cost-model';
import { limitSchema, numberIn, wholeIn } from '../notebook/setting-limit';

/**
 * How the Deploy stage simulates serving: a clock runs period by period after the training cutoff, and in every
 * period each series asks the endpoint for a forecast over the horizon. Plain JSON, part of the notebook's URL.
 */
export interface SimulationConfig {
  /** Simulated length in periods of the data's frequency; null: one year of days or weeks, two years of months. */
  periods: number | null;
  /** Periods until a period's actual sales arrive (0: as soon as the period closes). */
  delay: number;
  /** 'batch': one request per period carrying every series; 'online': one request per series. */
  mode: ServingMode;
  routing: Routing;
  /** Periods per second while playing. */
  speed: number;
}

export type ServingMode = 'batch' | 'online';

/**
 * Who answers: the champion alone; the champion, with a challenger forecasting the same requests in shadow (logged,
 * never served); or a canary, where the challenger serves `canaryPercent` % of the series.
 */
export type RoutingKind = 'champion-only' | 'shadow' | 'canary';

export interface Routing {
  kind: RoutingKind;
  /** Share of series the challenger serves under 'canary', 0–100. */
  canaryPercent: number;
}

/** Shadow by default: a challenger is compared on live requests without any customer seeing its forecasts. */
export const DEFAULT_SIMULATION: SimulationConfig = {
  periods: null,
  delay: 1,
  mode: 'batch',
  routing: { kind: 'shadow', canaryPercent: 20 },
  speed: 8,
};

/** Limits keep a tampered link from asking for ten years of daily serving or a clock faster than a frame. */
export const SIMULATION_LIMITS = {
  periods: wholeIn(1, 3660),
  delay: wholeIn(0, 365),
  canaryPercent: numberIn(0, 100),
  speed: numberIn(1, 60),
} as const;

export const SimulationConfigSchema = v.strictObject({
  periods: v.nullable(limitSchema(SIMULATION_LIMITS.periods)),
  delay: limitSchema(SIMULATION_LIMITS.delay),
  mode: v.picklist(['batch', 'online']),
  routing: v.strictObject({
    kind: v.picklist(['champion-only', 'shadow', 'canary']),
    canaryPercent: limitSchema(SIMULATION_LIMITS.canaryPercent),
  }),
  speed: limitSchema(SIMULATION_LIMITS.speed),
});

/**
 * The simulated length in periods: the configured one, or one year in the data's frequency — two for monthly data,
 * where a year is only twelve periods and a quarter of them go by before monitoring has a first window.
 */
export function resolveSimulationPeriods(config: Pick<SimulationConfig, 'periods'>, frequency: Frequency): number {
  return config.periods ?? (frequency === 'monthly' ? 24 : PERIODS_PER_YEAR[frequency]);
}
