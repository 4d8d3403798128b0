import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fieldBounds, limitSchema, numberIn, readSetting, wholeIn, type SettingLimit } from '../../../src/lib/notebook/setting-limit';
import { ALERT_RULE_LIMITS, AlertRulesSchema, DEFAULT_ALERT_RULES } from '../../../src/lib/monitor/alert-rules';
import { DEFAULT_RETRAIN_POLICY, RETRAIN_POLICY_LIMITS, RetrainPolicySchema } from '../../../src/lib/retrain/retrain-policy';
import { DEFAULT_SIMULATION, SIMULATION_LIMITS, SimulationConfigSchema } from '../../../src/lib/serving/simulation-config';
import { defaultModelSpec, MODEL_SPEC_LIMITS, ModelSpecSchema } from '../../../src/lib/models/default-model-specs';
import { CONFIG_FIELDS, SEED_LIMIT } from '../../../src/lib/notebook/config';

describe('readSetting(raw, limit, scale)', () => {
  it('reads a typed number, null for an empty field or text that is no number', () => {
    const limit = numberIn(0, 10);
    expect(readSetting(' 2.5 ', limit)).toBe(2.5);
    expect(readSetting('', limit)).toBeNull();
    expect(readSetting('  ', limit)).toBeNull();
    expect(readSetting('abc', limit)).toBeNull();
    expect(readSetting('Infinity', limit)).toBeNull();
  });

  it('brings the number within the limit, rounding first when the limit is whole', () => {
    expect(readSetting('-3', numberIn(0, 10))).toBe(0);
    expect(readSetting('12', numberIn(0, 10))).toBe(10);
    expect(readSetting('2.4', wholeIn(1, 10))).toBe(2);
    expect(readSetting('0.4', wholeIn(1, 10))).toBe(1);
  });

  it('reads a share typed as a percentage with scale 100', () => {
    expect(readSetting('35', numberIn(0.01, 1), 100)).toBe(0.35);
    expect(readSetting('0', numberIn(0.01, 1), 100)).toBe(0.01);
    expect(fieldBounds(numberIn(0.01, 1), 100)).toEqual({ min: 1, max: 100 });
  });
});

describe('limitSchema(limit)', () => {
  it('accepts the bounds and what lies between, rejects what lies beyond and, for a whole limit, fractions', () => {
    const ok = (limit: SettingLimit, value: number) => v.safeParse(limitSchema(limit), value).success;
    expect([0, 0.5, 1].map((x) => ok(numberIn(0, 1), x))).toEqual([true, true, true]);
    expect([-0.001, 1.001, Number.NaN].map((x) => ok(numberIn(0, 1), x))).toEqual([false, false, false]);
    expect([1, 7, 1.5].map((x) => ok(wholeIn(1, 7), x))).toEqual([true, true, false]);
  });
});

/** A value just outside the limit on each side: one for whole limits, half the bound's size (at least 0.001) otherwise. */
function beyond({ min, max, whole }: SettingLimit): [number, number] {
  const step = (bound: number) => (whole ? 1 : Math.max(Math.abs(bound), 0.001) / 2);
  return [min - step(min), max + step(max)];
}

interface LimitTable {
  name: string;
  schema: v.GenericSchema;
  limits: Readonly<Record<string, SettingLimit>>;
  /** A valid config with `key` set to `value`. */
  withValue: (key: string, value: number) => unknown;
}

const TABLES: LimitTable[] = [
  {
    name: 'ALERT_RULE_LIMITS',
    schema: AlertRulesSchema,
    limits: ALERT_RULE_LIMITS,
    withValue: (key, value) =>
      key === 'pValue' || key === 'distance' ? { ...DEFAULT_ALERT_RULES, drift: { ...DEFAULT_ALERT_RULES.drift, [key]: value } } : { ...DEFAULT_ALERT_RULES, [key]: value },
  },
  { name: 'RETRAIN_POLICY_LIMITS', schema: RetrainPolicySchema, limits: RETRAIN_POLICY_LIMITS, withValue: (key, value) => ({ ...DEFAULT_RETRAIN_POLICY, [key]: value }) },
  {
    name: 'SIMULATION_LIMITS',
    schema: SimulationConfigSchema,
    limits: SIMULATION_LIMITS,
    withValue: (key, value) =>
      key === 'canaryPercent' ? { ...DEFAULT_SIMULATION, routing: { ...DEFAULT_SIMULATION.routing, canaryPercent: value } } : { ...DEFAULT_SIMULATION, [key]: value },
  },
  {
    name: 'MODEL_SPEC_LIMITS',
    schema: ModelSpecSchema,
    limits: MODEL_SPEC_LIMITS,
    withValue: (key, value) =>
      key === 'hiddenWidth'
        ? { ...defaultModelSpec('mlp'), hidden: [value] }
        : key === 'hiddenLayers'
          ? { ...defaultModelSpec('mlp'), hidden: Array.from({ length: value }, () => 8) }
          : { ...defaultModelSpec('mlp'), [key]: value },
  },
  { name: 'SEED_LIMIT', schema: CONFIG_FIELDS.seed, limits: { seed: SEED_LIMIT }, withValue: (_, value) => value },
];

describe.each(TABLES)('$name agrees with its schema', ({ schema, limits, withValue }) => {
  const parses = (key: string, value: number) => v.safeParse(schema, withValue(key, value)).success;

  it.each(Object.keys(limits))('%s: a value at either bound parses, one beyond does not', (key) => {
    const limit = limits[key]!;
    expect([parses(key, limit.min), parses(key, limit.max)]).toEqual([true, true]);
    // A layer count below zero cannot be built as an array: the array's length is its own lower bound.
    const [below, above] = beyond(limit);
    if (key !== 'hiddenLayers') expect(parses(key, below)).toBe(false);
    expect(parses(key, above)).toBe(false);
  });

  it.each(Object.keys(limits))('%s: what the panel stores for a value typed beyond the bounds parses', (key) => {
    const limit = limits[key]!;
    for (const typed of [...beyond(limit), -1e12, 1e12]) {
      const stored = readSetting(String(typed), limit);
      expect(stored).not.toBeNull();
      expect(parses(key, stored!)).toBe(true);
    }
  });
});
