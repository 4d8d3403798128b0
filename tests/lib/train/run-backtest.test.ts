import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestCandidate, type BacktestForecaster } from '../../../src/lib/train/run-backtest';
import type { HeadlineMetrics, ModelName } from '../../../src/lib/runs/types';

/** A forecaster over made-up WAPEs per model and window; ensembles average their members' WAPEs (as mean forecasts of one sign-stable error would roughly do). */
function fakeForecaster(wapes: Record<string, number[]>, calls: string[]): BacktestForecaster<null> {
  const metrics = (wape: number): HeadlineMetrics => ({ wape, mae: wape * 10, rmse: null, smape: null, mase: null, bias: null, coverage80: null, cost: null });
  return {
    async forecast(candidate, window) {
      calls.push(`${candidate.name}@${window}`);
      return { metrics: metrics(wapes[candidate.name]![window]!), detail: null };
    },
    async combine({ name, members, method }, window) {
      calls.push(`${name}[${members.join('+')}]@${window}`);
      const values = members.map((m) => wapes[m]![window]!).sort((a, b) => a - b);
      const value = method === 'mean' ? values.reduce((a, b) => a + b, 0) / values.length : values[(values.length - 1) >> 1]!;
      // Combining helps a little, as averaging errors of different signs does.
      return { metrics: metrics(value * 0.97), detail: null };
    },
  };
}

/** Headline metrics with only a WAPE: what selection reads. */
const metrics = (wape: number): HeadlineMetrics => ({ wape, mae: null, rmse: null, smape: null, mase: null, bias: null, coverage80: null, cost: null });

const candidates = (names: string[]): BacktestCandidate[] => names.map((name) => ({ name: name as ModelName, family: name === 'seasonal-naive' ? 'baseline' : 'neural' }));

describe('runBacktest({ windows, candidates, forecaster, primary })', () => {
  it('does not pick the model that is best on the test window when the folds say otherwise', async () => {
    const calls: string[] = [];
    // mlp wins the test window by far but loses both folds; ridge wins the folds.
    const wapes = { 'seasonal-naive': [0.3, 0.3, 0.3], ridge: [0.1, 0.12, 0.2], mlp: [0.25, 0.28, 0.05] };
    const result = await runBacktest({
      windows: ['fold 1', 'fold 2', 'test'], candidates: candidates(['seasonal-naive', 'ridge', 'mlp']), forecaster: fakeForecaster(wapes, calls), primary: 'wape',
    });
    expect(result.selection.picked).not.toBe('mlp');
    expect(result.selection.windows).toEqual(['fold 1', 'fold 2']);
    const ridge = result.results.find((r) => r.name === 'ridge')!;
    expect(ridge.selection.wape).toBeCloseTo(0.11, 12);
    expect(ridge.test?.wape).toBe(0.2);
    expect(result.results.find((r) => r.name === 'mlp')!.test?.wape).toBe(0.05);
  });

  it('forecasts the test window only after the pick is fixed, and never combines on it before', async () => {
    const calls: string[] = [];
    const wapes = { 'seasonal-naive': [0.3, 0.3], ridge: [0.1, 0.2], mlp: [0.2, 0.1], cnn: [0.15, 0.15] };
    await runBacktest({ windows: ['fold 1', 'test'], candidates: candidates(['seasonal-naive', 'ridge', 'mlp', 'cnn']), forecaster: fakeForecaster(wapes, calls), primary: 'wape' });
    const firstTest = calls.findIndex((c) => c.endsWith('@1'));
    const lastFold = calls.map((c) => c.endsWith('@0')).lastIndexOf(true);
    expect(firstTest).toBeGreaterThan(lastFold);
    // Everything before the first test-window call is fold work: the pick was made from it alone.
    expect(calls.slice(0, firstTest).every((c) => c.endsWith('@0'))).toBe(true);
  });

  it('lets a baseline win when it is best on the folds', async () => {
    const wapes = { 'seasonal-naive': [0.05, 0.05, 0.05], ridge: [0.2, 0.3, 0.01], mlp: [0.4, 0.5, 0.02] };
    const result = await runBacktest({ windows: ['fold 1', 'fold 2', 'test'], candidates: candidates(['seasonal-naive', 'ridge', 'mlp']), forecaster: fakeForecaster(wapes, []), primary: 'wape' });
    expect(result.selection.picked).toBe('seasonal-naive');
  });

  it('chooses an ensemble, and its size k, on the folds', async () => {
    // Three close candidates: combining beats each (×0.97 in the fake); the mean of the top two is lowest.
    const wapes = { a: [0.1, 0.1, 0.3], b: [0.101, 0.1, 0.3], c: [0.102, 0.1, 0.3], d: [0.5, 0.5, 0.01] };
    const result = await runBacktest({ windows: ['fold 1', 'fold 2', 'test'], candidates: candidates(['a', 'b', 'c', 'd']), forecaster: fakeForecaster(wapes, []), primary: 'wape' });
    expect(result.selection.picked).toBe('ensemble-mean');
    const mean = result.results.find((r) => r.name === 'ensemble-mean')!;
    // Fold means of the top 2: (0.1005 + 0.1) / 2 × 0.97; the top 3 and the top 4 (which takes in d) score higher.
    expect(mean.members).toEqual(['a', 'b']);
    const median = result.results.find((r) => r.name === 'ensemble-median')!;
    expect(median.members).toEqual(['a', 'b', 'c']);
    expect(median.windows.map((w) => w.window)).toEqual(['fold 1', 'fold 2', 'test']);
    expect(result.selection.ranking[0]).toEqual({ name: 'ensemble-mean', score: expect.closeTo(0.10025 * 0.97, 12) });
    // The median of the top 3 per fold: 0.101 and 0.1.
    expect(median.selection.wape).toBeCloseTo(0.1005 * 0.97, 12);
  });

  it('refuses to pick without a selection fold, and stops when cancelled', async () => {
    const forecaster = fakeForecaster({ a: [0.1] }, []);
    await expect(runBacktest({ windows: ['test'], candidates: candidates(['a']), forecaster, primary: 'wape' })).rejects.toThrow(/No backtest fold/);
    const abort = new AbortController();
    abort.abort();
    await expect(
      runBacktest({ windows: ['fold 1', 'test'], candidates: candidates(['a']), forecaster: fakeForecaster({ a: [0.1, 0.1] }, []), primary: 'wape', signal: abort.signal }),
    ).rejects.toThrow(/cancelled/);
  });

  it('runs lanes side by side and keeps each lane in order', async () => {
    const events: string[] = [];
    let releaseSlow: () => void = () => undefined;
    const slowStarted = new Promise<void>((started) => {
      releaseSlow = started;
    });
    const forecaster: BacktestForecaster<null> = {
      async forecast(candidate, window) {
        events.push(`start ${candidate.name}@${window}`);
        // The network waits until the classical lane has begun: were the lanes run one after the other, this would hang.
        if (candidate.name === 'mlp' && window === 0) await slowStarted;
        if (candidate.name === 'ets' && window === 0) releaseSlow();
        events.push(`end ${candidate.name}@${window}`);
        return { metrics: metrics(candidate.name === 'ets' ? 0.1 : 0.2), detail: null };
      },
      async combine() {
        return { metrics: metrics(0.15), detail: null };
      },
    };
    const result = await runBacktest({
      windows: ['fold 1', 'test'],
      candidates: [
        { name: 'mlp', family: 'neural', lane: 'train' },
        { name: 'ridge', family: 'neural', lane: 'train' },
        { name: 'ets', family: 'classical', lane: 'data' },
      ],
      forecaster,
      primary: 'wape',
    });
    expect(events.indexOf('start ets@0')).toBeLessThan(events.indexOf('end mlp@0'));
    expect(events.indexOf('end mlp@0')).toBeLessThan(events.indexOf('start ridge@0'));
    expect(result.results.map((r) => r.name).slice(0, 3)).toEqual(['mlp', 'ridge', 'ets']);
    expect(result.selection.picked).toBe('ets');
  });

  it('lets a lane go on to its next fold while another is still on the previous one, but holds the test window for every fold', async () => {
    const events: string[] = [];
    let releaseSlow: () => void = () => undefined;
    const fastOnFold2 = new Promise<void>((reached) => {
      releaseSlow = reached;
    });
    const forecaster: BacktestForecaster<null> = {
      async forecast(candidate, window) {
        events.push(`start ${candidate.name}@${window}`);
        // The slow lane's first fold ends only once the fast lane has started its second: with a barrier between
        // folds, this would hang.
        if (candidate.name === 'cnn' && window === 0) await fastOnFold2;
        if (candidate.name === 'ridge' && window === 1) releaseSlow();
        events.push(`end ${candidate.name}@${window}`);
        return { metrics: metrics(candidate.name === 'ridge' ? 0.1 : 0.2), detail: null };
      },
      async combine() {
        return { metrics: metrics(0.15), detail: null };
      },
    };
    const result = await runBacktest({
      windows: ['fold 1', 'fold 2', 'test'],
      candidates: [
        { name: 'ridge', family: 'neural', lane: 'train 0' },
        { name: 'cnn', family: 'neural', lane: 'train 1' },
      ],
      forecaster,
      primary: 'wape',
    });
    expect(events.indexOf('start ridge@1')).toBeLessThan(events.indexOf('end cnn@0'));
    const firstTest = events.findIndex((e) => e.startsWith('start') && e.endsWith('@2'));
    expect(firstTest).toBeGreaterThan(events.indexOf('end cnn@1'));
    expect(result.results.find((r) => r.name === 'cnn')!.windows.map((w) => w.window)).toEqual(['fold 1', 'fold 2', 'test']);
    expect(result.selection.picked).toBe('ridge');
  });

  it('gives a lane with two slots two steps at once, a freed slot to the earliest window, and a candidate its windows in order', async () => {
    const events: string[] = [];
    const running = new Set<string>();
    let most = 0;
    // How long each step holds its slot, in turns of the event loop: mlp's first fold is the long one.
    const turns: Record<string, number[]> = { ridge: [1, 1, 1], mlp: [6, 1, 1], cnn: [2, 1, 1] };
    const forecaster: BacktestForecaster<null> = {
      async forecast(candidate, window, slot) {
        const key = `${candidate.name}@${window}`;
        events.push(`start ${key} slot ${slot}`);
        running.add(key);
        most = Math.max(most, running.size);
        for (let turn = 0; turn < turns[candidate.name]![window]!; turn++) await Promise.resolve();
        running.delete(key);
        events.push(`end ${key}`);
        return { metrics: metrics(candidate.name === 'ridge' ? 0.1 : 0.2), detail: null };
      },
      async combine() {
        return { metrics: metrics(0.15), detail: null };
      },
    };
    await runBacktest({
      windows: ['fold 1', 'fold 2', 'test'],
      candidates: (['ridge', 'mlp', 'cnn'] as const).map((name) => ({ name, family: 'neural' as const, lane: 'train' })),
      forecaster,
      primary: 'wape',
      slots: { train: 2 },
    });
    expect(most).toBe(2);
    const at = (event: string) => events.findIndex((e) => e.startsWith(event));
    // ridge's first fold frees its slot first; cnn's first fold (window 0) takes it before ridge's second (window 1).
    expect(at('start ridge@0')).toBe(0);
    expect(at('start mlp@0')).toBe(1);
    expect(at('start cnn@0')).toBeGreaterThan(at('end ridge@0'));
    expect(at('start ridge@1')).toBeGreaterThan(at('start cnn@0'));
    for (const name of ['ridge', 'mlp', 'cnn']) {
      expect(at(`end ${name}@0`)).toBeLessThan(at(`start ${name}@1`));
      expect(at(`end ${name}@1`)).toBeLessThan(at(`start ${name}@2`));
    }
  });

  it('prepares a candidate\'s test window right after its own folds, before the pick, and forecasts it only after the pick', async () => {
    const calls: string[] = [];
    const base = fakeForecaster({ ridge: [0.1, 0.1, 0.3], mlp: [0.2, 0.2, 0.05] }, calls);
    let holdMlp: () => void = () => undefined;
    const mlpHeld = new Promise<void>((release) => {
      holdMlp = release;
    });
    const forecaster: BacktestForecaster<null> = {
      ...base,
      async forecast(candidate, window, slot) {
        // mlp's second fold waits until ridge has prepared its test window: ridge's lane does not wait for mlp's folds.
        if (candidate.name === 'mlp' && window === 1) await mlpHeld;
        return base.forecast(candidate, window, slot);
      },
      async prepare(candidate, window) {
        calls.push(`prepare ${candidate.name}@${window}`);
        if (candidate.name === 'ridge') holdMlp();
      },
      async combine(ensemble, window) {
        return base.combine(ensemble, window);
      },
    };
    const result = await runBacktest({
      windows: ['fold 1', 'fold 2', 'test'],
      candidates: [
        { name: 'ridge', family: 'neural', lane: 'train 0' },
        { name: 'mlp', family: 'neural', lane: 'train 1' },
      ],
      forecaster,
      primary: 'wape',
    });
    expect(calls.indexOf('prepare ridge@2')).toBeGreaterThan(calls.indexOf('ridge@1'));
    expect(calls.indexOf('prepare ridge@2')).toBeLessThan(calls.indexOf('mlp@1'));
    expect(calls.indexOf('prepare mlp@2')).toBeGreaterThan(calls.indexOf('mlp@1'));
    // The test window's forecasts and combinations all come after every fold's work and every preparation.
    const firstTest = calls.findIndex((c) => c.endsWith('@2') && !c.startsWith('prepare'));
    expect(calls.slice(firstTest).every((c) => c.endsWith('@2') && !c.startsWith('prepare'))).toBe(true);
    expect(result.selection.picked).not.toBe('mlp');
  });

  it('starts the costliest candidates of a lane first, and ranks steps asked for together', async () => {
    const started: string[] = [];
    const forecaster: BacktestForecaster<null> = {
      async forecast(candidate, window) {
        started.push(`${candidate.name}@${window}`);
        await Promise.resolve();
        return { metrics: metrics(0.2), detail: null };
      },
      async combine() {
        return { metrics: metrics(0.15), detail: null };
      },
    };
    await runBacktest({
      windows: ['fold 1', 'test'],
      candidates: [
        { name: 'ridge', family: 'neural', lane: 'train', cost: 1 },
        { name: 'mlp', family: 'neural', lane: 'train', cost: 3 },
        { name: 'cnn', family: 'neural', lane: 'train', cost: 3 },
      ],
      forecaster,
      primary: 'wape',
      slots: { train: 2 },
    });
    expect(started.slice(0, 3)).toEqual(['mlp@0', 'cnn@0', 'ridge@0']);
  });
});
