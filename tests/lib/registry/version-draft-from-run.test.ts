import { describe, expect, it } from 'vitest';
import { dayToIso } from '../../../src/lib/core/days';
import { registryMessages } from '../../../src/lib/messages/registry';
import { bestServable, finalFitOf, servableModels, versionDraftFromRun, withFinalFit } from '../../../src/lib/registry/version-draft-from-run';
import type { ModelResult, RunMetrics } from '../../../src/lib/runs/types';
import { DATA_HASH, makeMetrics } from '../runs/make-run';

/** makeMetrics' run (three networks, three baselines) with a classical model and an ensemble beside them. */
function withUnservable(pick: RunMetrics['best'], ranking: RunMetrics['best'][]): RunMetrics {
  const metrics = makeMetrics();
  const like = metrics.models[0]!;
  const extra: ModelResult[] = [
    { ...like, name: 'ets', family: 'classical', spec: null },
    { ...like, name: 'ensemble-mean', family: 'ensemble', spec: null },
  ];
  const scored = ranking.map((name, i) => ({ name: name!, score: i }));
  return { ...metrics, models: [...metrics.models, ...extra], best: pick, selection: { metric: 'wape', windows: ['fold 1', 'fold 2'], ranking: scored, picked: pick } };
}

describe('servableModels(metrics) and bestServable(metrics)', () => {
  it('offers the networks and the baselines, not the classical models or ensembles the endpoint cannot serve yet', () => {
    expect(servableModels(withUnservable('mlp', []))).toEqual(['ridge', 'mlp', 'cnn', 'naive', 'seasonal-naive', 'moving-average']);
  });

  it('offers the auto pick when it can be served, else the best servable model by the same selection score', () => {
    expect(bestServable(withUnservable('mlp', ['mlp', 'ets']))).toBe('mlp');
    expect(bestServable(withUnservable('ets', ['ets', 'ensemble-mean', 'seasonal-naive', 'mlp']))).toBe('seasonal-naive');
    // A run stored before the selection record: the first servable model.
    expect(bestServable({ ...withUnservable('ets', []), selection: undefined })).toBe('ridge');
    expect(bestServable({ ...makeMetrics(), models: withUnservable('ets', []).models.slice(-2), best: 'ets' })).toBeNull();
  });
});

describe('versionDraftFromRun(run, model, options)', () => {
  it('takes the model’s test-window lineage and metrics from a stored run', () => {
    const metrics = makeMetrics();
    const draft = versionDraftFromRun({ id: 'run-1', dataHash: DATA_HASH, config: { seed: 9, split: { validation: null } }, metrics }, 'mlp', { frequency: 'daily' });
    const test = metrics.models.find((m) => m.name === 'mlp')!.windows.find((w) => w.window === 'test')!;
    expect(draft).toMatchObject({ source: 'train', runId: 'run-1', model: 'mlp', dataHash: DATA_HASH, seed: 9, backend: 'wasm', trainStart: null, parent: null });
    // Runs stored before windows kept trainEnd: one validation span (a horizon) before the cutoff.
    expect(draft.trainEnd).toBe(test.cutoff - metrics.horizon);
    expect(draft.featureSpec).toEqual(metrics.featureSpec);
    expect(draft.metrics.wape).toBeCloseTo(test.evaluation.expert.wape as number, 12);
    expect(() => versionDraftFromRun({ id: 'r', dataHash: DATA_HASH, config: {}, metrics }, 'prophet', { frequency: 'daily' })).toThrow();
  });
});

describe('finalFitOf(run, model, weights) and withFinalFit(draft, fitted): a network is fitted on every row before it is registered', () => {
  const metrics = makeMetrics({ epochs: 12 });
  const run = { id: 'run-1', dataHash: DATA_HASH, config: { seed: 9, split: { validation: null, trainingWindow: 365 } }, metrics };
  const WEIGHTS = [{ name: 'dense/kernel', shape: [2, 1], dtype: 'float32' as const, data: new Float32Array([0.5, -0.25]) }];

  it('fits a network from the run’s seed, feature spec, training window and backend, for the test window’s epoch count', () => {
    const test = metrics.models.find((m) => m.name === 'mlp')!.windows.find((w) => w.window === 'test')!;
    // A test window trained from the seed (one fold, or a run from before warm starts): the final fit is from the seed too.
    expect(finalFitOf(run, 'mlp', WEIGHTS)).toEqual({
      spec: metrics.models.find((m) => m.name === 'mlp')!.spec,
      featureSpec: metrics.featureSpec,
      seed: 9,
      trainingWindow: 365,
      epochs: test.bestEpoch,
      backend: 'wasm',
    });
    // Baselines have nothing to fit.
    expect(finalFitOf(run, 'seasonal-naive', undefined)).toBeNull();
  });

  it('continues from the test window’s weights when the test window continued from a fold’s, and refuses without them', () => {
    const warm = structuredClone(metrics);
    const test = warm.models.find((m) => m.name === 'mlp')!.windows.find((w) => w.window === 'test')!;
    test.warmStart = true;
    const warmRun = { ...run, metrics: warm };
    expect(finalFitOf(warmRun, 'mlp', WEIGHTS)).toMatchObject({ epochs: test.bestEpoch, seed: 9, initial: WEIGHTS });
    // Fitted from the seed for a warm start's few epochs it would be barely trained: it says why it cannot, instead.
    expect(() => finalFitOf(warmRun, 'mlp', undefined)).toThrow(registryMessages.noStoredWeights('mlp'));
  });

  it('records the rows the version was fitted on as its lineage, and says so in its description', () => {
    const draft = versionDraftFromRun(run, 'mlp', { frequency: 'daily' });
    const fitted = withFinalFit(draft, { trainEnd: 19_800, trainStart: 19_436, epochs: 10, rows: 18_250 });
    expect(fitted).toMatchObject({ trainEnd: 19_800, trainStart: 19_436, metrics: draft.metrics, spec: draft.spec, seed: 9 });
    expect(fitted.description).toBe(registryMessages.finalFit(18_250, 10, dayToIso(19_800)));
  });
});
