// Registry fixtures: a version draft shaped as the Registry stage builds one from a stored run (tests/lib/runs/make-run.ts).
import { defaultModelSpec } from '../../../src/lib/models/default-model-specs';
import { createRegistry } from '../../../src/lib/registry/registry';
import { promoteChallenger, registerVersion, setAlias } from '../../../src/lib/registry/registry-actions';
import type { GateResult, Registry, VersionDraft, VersionMetrics } from '../../../src/lib/registry/types';
import { DATA_HASH, FEATURES } from '../runs/make-run';

/** The MLP's test window in makeRun (tests/lib/runs/make-run.ts), seasonal naive's beside it as the baseline. */
export const METRICS: VersionMetrics = {
  wape: 0.2,
  mase: 0.8,
  mae: 8,
  rmse: 11,
  bias: -0.1,
  coverage80: 0.78,
  cost: 4600,
  baselineWape: 0.3,
  baselineCost: 6800,
  serviceLevel: 0.9,
  stockoutUnits: 10,
  overstockUnits: 12,
};

export function makeDraft(overrides: Partial<VersionDraft> = {}): VersionDraft {
  return {
    source: 'train',
    runId: 'run-0001-abcdef',
    model: 'mlp',
    spec: defaultModelSpec('mlp'),
    featureSpec: structuredClone(FEATURES),
    dataHash: DATA_HASH,
    seed: 42,
    backend: 'wasm',
    // 2024-01-01 … 2024-06-30 in days since epoch.
    trainStart: 19_723,
    trainEnd: 19_904,
    metrics: { ...METRICS },
    description: '',
    parent: null,
    ...overrides,
  };
}

/** The i-th minute of 2024-07-01 (UTC): distinct, ordered timestamps for a sequence of actions. */
export function minute(i: number): Date {
  return new Date(Date.UTC(2024, 6, 1, 9, i));
}

/** A registry with `count` versions registered from the same draft, nothing aliased. */
export function registryWith(count: number, name = 'sales'): Registry {
  let registry = createRegistry(name);
  for (let i = 0; i < count; i++) registry = registerVersion(registry, makeDraft(), { now: minute(i), why: `run ${i + 1}` }).registry;
  return registry;
}

export const PASSED: GateResult = { gate: 'maxWape', label: 'Test WAPE at most', value: 0.2, threshold: 0.25, pass: true, message: 'ok' };

/** v1 champion by hand; v2 retrained by the policy, made challenger and promoted through one passing gate. */
export function promotedRegistry(): Registry {
  let r = setAlias(registryWith(1), { alias: 'champion', versionId: 'sales:v1', now: minute(3), why: 'first | model\nbeats naive' });
  const retrain = makeDraft({ source: 'retrain', runId: null, parent: 'sales:v1', description: 'Retrained after a price change.' });
  r = registerVersion(r, retrain, { now: minute(4), why: 'drift on price', actor: 'auto' }).registry;
  r = setAlias(r, { alias: 'challenger', versionId: 'sales:v2', now: minute(5), why: 'retrained', actor: 'auto' });
  return promoteChallenger(r, { now: minute(6), why: 'gates pass', actor: 'auto', gates: [PASSED] });
}

/** Freezes a value and everything in it, so a test fails loudly when a function writes to its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
