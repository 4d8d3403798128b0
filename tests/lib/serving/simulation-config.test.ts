import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATION, resolveSimulationPeriods, SimulationConfigSchema, type SimulationConfig } from '../../../src/lib/serving/simulation-config';

describe('SimulationConfigSchema', () => {
  it('accepts the defaults, which are plain JSON', () => {
    const parsed: SimulationConfig = v.parse(SimulationConfigSchema, DEFAULT_SIMULATION);
    expect(parsed).toEqual(DEFAULT_SIMULATION);
    expect(JSON.parse(JSON.stringify(DEFAULT_SIMULATION))).toEqual(DEFAULT_SIMULATION);
    expect(DEFAULT_SIMULATION).toMatchObject({ periods: null, delay: 1, mode: 'batch', routing: { canaryPercent: 20 }, speed: 8 });
  });

  it('rejects out-of-range values and unknown keys from a tampered link', () => {
    const bad = (patch: object) => v.safeParse(SimulationConfigSchema, { ...DEFAULT_SIMULATION, ...patch }).success;
    expect(bad({ periods: 0 })).toBe(false);
    expect(bad({ periods: 1e6 })).toBe(false);
    expect(bad({ delay: -1 })).toBe(false);
    expect(bad({ delay: 1.5 })).toBe(false);
    expect(bad({ mode: 'stream' })).toBe(false);
    expect(bad({ routing: { kind: 'canary', canaryPercent: 120 } })).toBe(false);
    expect(bad({ speed: 0 })).toBe(false);
    expect(bad({ extra: 1 })).toBe(false);
    expect(bad({ periods: 90, routing: { kind: 'canary', canaryPercent: 5 } })).toBe(true);
  });
});

describe('resolveSimulationPeriods(config, frequency)', () => {
  it('defaults to one year of days or weeks, two years of months', () => {
    expect(resolveSimulationPeriods({ periods: null }, 'daily')).toBe(365);
    expect(resolveSimulationPeriods({ periods: null }, 'weekly')).toBe(52);
    expect(resolveSimulationPeriods({ periods: null }, 'monthly')).toBe(24);
    expect(resolveSimulationPeriods({ periods: 30 }, 'daily')).toBe(30);
  });
});
