import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainMessages } from '../../src/lib/messages/train';
import type { BackendName, EpochReport, MatrixInput, SequenceColumns } from '../../src/lib/models/train-types';
import type { ModelSpec } from '../../src/lib/models/types';
import { createRng } from '../../src/lib/random/rng';
import { workerFailed } from '../../src/lib/messages/notebook';
import { createDataClient, type DataClient } from '../../src/workers/data-client';
import type { FeaturesResult, NetworkRef, WindowForecastRequest } from '../../src/workers/data-protocol';
import { createTrainClient, type TrainClient } from '../../src/workers/train-client';

// The real train worker in real Chromium (SwiftShader WebGL2, wasm SIMD, cpu), alone and as a lane of the real data
// worker. Data stays tiny: software WebGL is slow.

interface Problem {
  train: MatrixInput;
  validation: MatrixInput;
}

/** y = 2·x1 − x2 + noise·ε with two distractor columns, all N(0, 1); the first 80% of rows train, the rest validate. */
function linearProblem({ rows = 2000, noise = 0.1, seed = 1, trainShare = 0.8 } = {}): Problem {
  const rng = createRng(seed);
  const width = 4;
  const x = new Float32Array(rows * width);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < width; j++) x[i * width + j] = rng.normal();
    y[i] = 2 * (x[i * width] as number) - (x[i * width + 1] as number) + noise * rng.normal();
  }
  return split({ x, y, rows, width }, trainShare);
}

/**
 * An AR(2) sales-like series with a promotion effect: s_t = 0.6·s_{t−1} + 0.3·s_{t−2} + promo_t + 0.3·ε.
 * Columns: lag 1…8 (the CNN's window) then promo_t; rows in time order, split chronologically.
 */
function lagProblem({ rows = 1500, seed = 5 } = {}): Problem & { sequence: { start: number; length: number } } {
  const rng = createRng(seed);
  const lags = 8;
  const width = lags + 1;
  const series = new Float64Array(rows + lags);
  const promo = new Float64Array(rows + lags);
  for (let t = 2; t < series.length; t++) {
    promo[t] = rng.next() < 0.2 ? 1 : 0;
    series[t] = 0.6 * (series[t - 1] as number) + 0.3 * (series[t - 2] as number) + (promo[t] as number) + 0.3 * rng.normal();
  }
  const x = new Float32Array(rows * width);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    const t = i + lags;
    for (let k = 1; k <= lags; k++) x[i * width + k - 1] = series[t - k] as number;
    x[i * width + lags] = promo[t] as number;
    y[i] = series[t] as number;
  }
  return { ...split({ x, y, rows, width }), sequence: { start: 0, length: lags } };
}

/**
 * A promotion first run in the validation periods: column 3 is 0 in every training row and N(0, 1) in every
 * validation row, where it adds 3·x3 to y = 2·x1 − x2 + 0.1·ε. `check` holds fresh rows like the validation ones
 * (the periods after the origin, which the promotion goes on into).
 */
function newEffectProblem({ rows = 1200, seed = 12, trainShare = 0.75 } = {}): Problem & { check: MatrixInput } {
  const rng = createRng(seed);
  const width = 4;
  const cut = Math.floor(rows * trainShare);
  const make = (count: number, effect: boolean): MatrixInput => {
    const x = new Float32Array(count * width);
    const y = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < 3; j++) x[i * width + j] = rng.normal();
      x[i * width + 3] = effect ? rng.normal() : 0;
      y[i] = 2 * (x[i * width] as number) - (x[i * width + 1] as number) + 3 * (x[i * width + 3] as number) + 0.1 * rng.normal();
    }
    return { x, y, rows: count, width };
  };
  return { train: make(cut, false), validation: make(rows - cut, true), check: make(400, true) };
}

/** Copies, so each part owns its buffer (the client transfers whole buffers to the worker). */
function split({ x, y, rows, width }: MatrixInput, trainShare = 0.8): Problem {
  const cut = Math.floor(rows * trainShare);
  return {
    train: { x: x.slice(0, cut * width), y: y.slice(0, cut), rows: cut, width },
    validation: { x: x.slice(cut * width), y: y.slice(cut), rows: rows - cut, width },
  };
}

const copy = (m: MatrixInput): MatrixInput => ({ ...m, x: m.x.slice(), y: m.y.slice() });

function spec(overrides: Partial<ModelSpec> = {}): ModelSpec {
  return {
    kind: 'mlp',
    loss: 'mse',
    quantiles: [0.1, 0.5, 0.9],
    hidden: [16],
    kernelSize: 3,
    dropout: 0,
    l2: 0,
    learningRate: 0.02,
    epochs: 12,
    batchSize: 64,
    patience: 4,
    ...overrides,
  };
}

function meanSquaredError(predicted: Float32Array, actual: Float32Array): number {
  let sum = 0;
  actual.forEach((value, i) => (sum += (value - (predicted[i] as number)) ** 2));
  return sum / actual.length;
}

function variance(values: Float32Array): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
}

const valLossOfBest = (history: EpochReport[], bestEpoch: number) => (history[bestEpoch - 1] as EpochReport).valLoss;

let client: TrainClient;
const crashes: string[] = [];
beforeAll(() => {
  client = createTrainClient((message) => crashes.push(message));
});
afterAll(() => {
  client.terminate();
  expect(crashes).toEqual([]);
});

describe('train worker (real worker, real backends)', { timeout: 90_000 }, () => {
  it('probe() times every backend in the worker and picks the fastest', async () => {
    const probe = await client.probe({ rows: 128, features: 16, steps: 3 });
    console.info('probe (128 rows × 16 features, ms/step):', probe.backends.map((b) => `${b.backend} ${b.msPerStep?.toFixed(1) ?? b.reason}`).join(', '));
    expect(probe.backends.map((b) => b.backend)).toEqual(['webgl', 'wasm', 'cpu']);
    for (const backend of probe.backends) {
      expect(backend).toMatchObject({ available: true, reason: null });
      expect(backend.msPerStep).toBeGreaterThan(0);
    }
    const fastest = [...probe.backends].sort((a, b) => (a.msPerStep as number) - (b.msPerStep as number))[0];
    expect(probe.pick).toBe(fastest?.backend);
    expect((await client.api.memory()).backend).toBe(probe.pick);
  });

  it('prepare() starts a backend ahead of the first training, and a training sent meanwhile waits for it, not refused', async () => {
    // A fresh worker: nothing probed yet, as on the page when the features are built (App warms the worker up then).
    // WebGL named rather than 'auto': starting it alone takes long enough (a software GL context) for a training to
    // arrive meanwhile, without the seconds of a full probe.
    const fresh = createTrainClient((message) => crashes.push(message));
    try {
      const preparing = fresh.api.prepare('webgl');
      const result = await fresh.train({ spec: spec({ epochs: 2 }), seed: 1, backend: 'cpu', ...linearProblem({ rows: 200, seed: 3 }) });
      await preparing;
      expect(result.backend).toBe('cpu');
      expect(result.history).toHaveLength(2);
      await fresh.api.prepare('wasm');
      expect((await fresh.api.memory()).backend).toBe('wasm');
    } finally {
      fresh.terminate();
    }
  });

  it('train(mlp, webgl) learns y = 2·x1 − x2 on WebGL in the worker; train + predict leave no tensors behind', async () => {
    const problem = linearProblem({ seed: 1 });
    const check = copy(problem.validation);
    const model = spec({ batchSize: 128 });
    await client.api.memory(); // the worker is up
    const before = await client.api.memory();
    const epochs: EpochReport[] = [];
    const result = await client.train({ spec: model, seed: 1, backend: 'webgl', ...problem }, { onEpoch: (e) => epochs.push(e) });
    expect(result.backend).toBe('webgl');
    expect(result.history.length).toBeGreaterThan(1);
    expect(epochs.map((e) => e.epoch)).toEqual(result.history.map((e) => e.epoch));
    expect(valLossOfBest(result.history, result.bestEpoch)).toBeLessThan(0.05 * result.initialValLoss);
    const predicted = await client.predict({ spec: model, weights: result.weights, x: check.x, rows: check.rows, width: check.width });
    expect(predicted.length).toBe(check.rows);
    expect(meanSquaredError(predicted, check.y)).toBeLessThan(0.05 * variance(check.y));
    const after = await client.api.memory();
    expect(after.backend).toBe('webgl');
    expect(after.numTensors).toBe(before.numTensors);
  });

  it.each<BackendName>(['wasm', 'cpu'])('train(mlp, %s) learns the same problem and predicts close to it', async (backend) => {
    const problem = linearProblem({ seed: 2 });
    const check = copy(problem.validation);
    const before = await client.api.memory();
    const result = await client.train({ spec: spec(), seed: 1, backend, ...problem });
    expect(result.backend).toBe(backend);
    expect(valLossOfBest(result.history, result.bestEpoch)).toBeLessThan(0.05 * result.initialValLoss);
    const predicted = await client.predict({ spec: spec(), weights: result.weights, x: check.x, rows: check.rows, width: check.width, backend });
    expect(meanSquaredError(predicted, check.y)).toBeLessThan(0.05 * variance(check.y));
    expect((await client.api.memory()).numTensors).toBe(before.numTensors);
  });

  it('train() replays: same seed + data + backend → identical weights and losses; another seed → different', async () => {
    // Dropout on, so the seeded masks are part of what must replay.
    const model = spec({ hidden: [16, 8], dropout: 0.2, epochs: 4 });
    const run = (seed: number) => client.train({ spec: model, seed, backend: 'wasm', ...linearProblem({ seed: 3 }) });
    const first = await run(7);
    const again = await run(7);
    const other = await run(8);
    const values = (r: typeof first) => r.weights.map((w) => ({ name: w.name, shape: w.shape, data: Array.from(w.data) }));
    const losses = (r: typeof first) => r.history.map(({ loss, valLoss }) => ({ loss, valLoss }));
    expect(values(again)).toEqual(values(first));
    expect(losses(again)).toEqual(losses(first));
    expect(again.bestEpoch).toBe(first.bestEpoch);
    expect(values(other).map((w) => w.data)).not.toEqual(values(first).map((w) => w.data));
    expect(losses(other)).not.toEqual(losses(first));
  });

  it('train(…, initial) continues from given weights (a warm start): its own weights are epoch 0, which an epoch must beat', async () => {
    const model = spec({ hidden: [16, 8], dropout: 0.2, epochs: 6 });
    const first = await client.train({ spec: model, seed: 3, backend: 'wasm', ...linearProblem({ rows: 1000, seed: 13 }) });
    const weights = () => first.weights.map((w) => ({ ...w, data: w.data.slice() }));
    const before = await client.api.memory();
    // More rows of the same problem (a later window): starting where the first left off, it starts far lower than the seed does.
    const later = () => linearProblem({ rows: 1400, seed: 13 });
    const warm = await client.train({ spec: model, seed: 3, backend: 'wasm', initial: weights(), ...later() });
    const cold = await client.train({ spec: model, seed: 3, backend: 'wasm', ...later() });
    expect(warm.initialValLoss).toBeLessThan(0.2 * cold.initialValLoss);
    expect((await client.api.memory()).numTensors).toBe(before.numTensors);
    const again = await client.train({ spec: model, seed: 3, backend: 'wasm', initial: weights(), ...later() });
    const values = (r: { weights: typeof first.weights }) => r.weights.map((w) => Array.from(w.data));
    expect(values(again)).toEqual(values(warm));

    // A learning rate so large every epoch makes things worse: no epoch beats the starting weights, which come back.
    const wild = spec({ hidden: [16, 8], learningRate: 0.9, epochs: 3, patience: 2 });
    const kept = await client.train({ spec: wild, seed: 3, backend: 'wasm', initial: weights(), ...later() });
    const checks = later().validation;
    const predict = (w: typeof first.weights) => client.predict({ spec: model, weights: w, x: checks.x.slice(), rows: checks.rows, width: checks.width, backend: 'wasm' });
    console.info(`warm start: initial val loss ${warm.initialValLoss.toFixed(4)} (seed ${cold.initialValLoss.toFixed(4)}); wild epochs ${kept.history.map((e) => e.valLoss.toFixed(3)).join(', ')}`);
    expect(kept.history.every((e) => e.valLoss > kept.initialValLoss)).toBe(true);
    expect(kept.bestEpoch).toBe(0);
    expect(Array.from(await predict(kept.weights))).toEqual(Array.from(await predict(weights())));
  });

  it('fit(rows, epochs) trains exactly that many epochs on every row, from the seed or from given weights, replays, and leaks nothing', async () => {
    const model = spec({ hidden: [16, 8], dropout: 0.2, epochs: 6 });
    const problem = linearProblem({ rows: 600, seed: 17 });
    const rows = () => ({ x: new Float32Array([...problem.train.x, ...problem.validation.x]), y: new Float32Array([...problem.train.y, ...problem.validation.y]), rows: 600, width: problem.train.width });
    const before = await client.api.memory();
    const reports: EpochReport[] = [];
    const fitted = await client.fit({ spec: model, seed: 5, backend: 'wasm', rows: rows(), epochs: 3 }, { onEpoch: (e) => reports.push(e) });
    expect(fitted.backend).toBe('wasm');
    expect(reports.map((e) => [e.epoch, e.phase])).toEqual([[1, 'refit'], [2, 'refit'], [3, 'refit']]);
    expect(reports.every((e) => Number.isNaN(e.valLoss) && Number.isFinite(e.loss))).toBe(true);
    expect((await client.api.memory()).numTensors).toBe(before.numTensors);
    const again = await client.fit({ spec: model, seed: 5, backend: 'wasm', rows: rows(), epochs: 3 });
    const values = (r: typeof fitted) => r.weights.map((w) => Array.from(w.data));
    expect(values(again)).toEqual(values(fitted));
    // From given weights: the same epochs on the same rows end elsewhere than from the seed.
    const continued = await client.fit({ spec: model, seed: 5, backend: 'wasm', rows: rows(), epochs: 3, initial: fitted.weights.map((w) => ({ ...w, data: w.data.slice() })) });
    expect(values(continued)).not.toEqual(values(fitted));
  });

  it('fit(train ∪ validation) learns from the validation rows: an effect seen only there is forecast, which the early-stopped model cannot', async () => {
    // The effect of column 3 shows only in the validation rows (the last periods before the origin). The early-stopped
    // run never trains on them, so its column-3 weight stays at its initial draw and it misses the effect in the
    // periods after the origin; the test window's fit trains on those rows for the chosen epochs and must pick it up.
    const { check, ...problem } = newEffectProblem();
    const model = spec({ kind: 'ridge', learningRate: 0.05, epochs: 30, batchSize: 32, patience: 5 });
    const plain = await client.train({ spec: model, seed: 1, backend: 'wasm', train: copy(problem.train), validation: copy(problem.validation) });
    const rows = { x: new Float32Array([...problem.train.x, ...problem.validation.x]), y: new Float32Array([...problem.train.y, ...problem.validation.y]), rows: problem.train.rows + problem.validation.rows, width: problem.train.width };
    const fitted = await client.fit({ spec: model, seed: 1, backend: 'wasm', rows, epochs: Math.max(1, plain.bestEpoch) });
    const mse = async (weights: typeof plain.weights) =>
      meanSquaredError(await client.predict({ spec: model, weights, x: check.x.slice(), rows: check.rows, width: check.width }), check.y);
    const plainError = await mse(plain.weights);
    const fitError = await mse(fitted.weights);
    console.info(`new effect: bestEpoch ${plain.bestEpoch}, check MSE early-stopped ${plainError.toFixed(3)}, fit on every row ${fitError.toFixed(3)}, var ${variance(check.y).toFixed(3)}`);
    expect(fitError).toBeLessThan(0.25 * plainError);
    expect(fitError).toBeLessThan(0.05 * variance(check.y));
  });

  it('train(quantile loss) gives ordered P10 ≤ P50 ≤ P90 and about 80% coverage on a noisy problem', async () => {
    const problem = linearProblem({ noise: 1, seed: 4 });
    const check = copy(problem.validation);
    const model = spec({ loss: 'quantile', quantiles: [0.1, 0.5, 0.9], epochs: 30, learningRate: 0.01, patience: 6 });
    const result = await client.train({ spec: model, seed: 1, backend: 'wasm', ...problem });
    const predicted = await client.predict({ spec: model, weights: result.weights, x: check.x, rows: check.rows, width: check.width });
    expect(predicted.length).toBe(check.rows * 3);
    let ordered = 0;
    let covered = 0;
    check.y.forEach((actual, i) => {
      const [p10, p50, p90] = [predicted[i * 3], predicted[i * 3 + 1], predicted[i * 3 + 2]] as number[];
      if ((p10 as number) <= (p50 as number) && (p50 as number) <= (p90 as number)) ordered++;
      if ((p10 as number) <= actual && actual <= (p90 as number)) covered++;
    });
    expect(ordered / check.rows).toBeGreaterThan(0.95);
    expect(covered / check.rows).toBeGreaterThan(0.7);
    expect(covered / check.rows).toBeLessThan(0.9);
  });

  it.each([
    { kind: 'ridge' as const, backend: 'wasm' as const },
    { kind: 'cnn' as const, backend: 'wasm' as const },
    { kind: 'cnn' as const, backend: 'webgl' as const },
  ])('train($kind, $backend) beats predicting the mean', async ({ kind, backend }) => {
    // Fewer rows and epochs on WebGL: shader compilation on SwiftShader dominates there.
    const problem: Problem & { sequence?: SequenceColumns } =
      kind === 'cnn' ? lagProblem({ rows: backend === 'webgl' ? 600 : 1500 }) : linearProblem({ seed: 6 });
    const sequence = problem.sequence;
    const check = copy(problem.validation);
    const model = spec({ kind, hidden: [8, 8], kernelSize: 3, l2: 1e-4, epochs: backend === 'webgl' ? 3 : 15, batchSize: 128 });
    const result = await client.train({ spec: model, seed: 1, backend, train: problem.train, validation: problem.validation, sequence });
    expect(result.backend).toBe(backend);
    const predicted = await client.predict({ spec: model, weights: result.weights, x: check.x, rows: check.rows, width: check.width, sequence });
    expect(meanSquaredError(predicted, check.y)).toBeLessThan(0.6 * variance(check.y));
  });

  it('train(direct, 3 steps) learns each step’s own target, skips the unknown (NaN) ones, and its validation loss is the pinball mean over the known cells', async () => {
    // Step k's target is (k + 1)·x1 − x2 + noise; the last 30 rows of each part do not know their steps 2 and 3 (as
    // the rows before a window's end do not), and NaN anywhere in a loss that counted them would diverge at once.
    const steps = 3;
    const base = linearProblem({ rows: 1500, noise: 0.2, seed: 21 });
    const direct = ({ x, rows, width }: MatrixInput, seed: number): MatrixInput => {
      const rng = createRng(seed);
      const y = new Float32Array(rows * steps);
      for (let r = 0; r < rows; r++) {
        for (let k = 0; k < steps; k++) {
          const known = k === 0 || r < rows - 30;
          y[r * steps + k] = known ? (k + 1) * (x[r * width] as number) - (x[r * width + 1] as number) + 0.2 * rng.normal() : NaN;
        }
      }
      return { x, y, rows, width, targets: steps };
    };
    const train = direct(base.train, 1);
    const validation = direct(base.validation, 2);
    const check = copy(validation);
    const quantiles = [0.1, 0.5, 0.9];
    const model = spec({ kind: 'ridge', hidden: [], loss: 'quantile', quantiles, steps, epochs: 25, learningRate: 0.05, batchSize: 64, patience: 25 });
    const result = await client.train({ spec: model, seed: 1, backend: 'cpu', train, validation });
    const predicted = await client.predict({ spec: model, weights: result.weights, x: check.x, rows: check.rows, width: check.width });
    expect(predicted.length).toBe(check.rows * steps * quantiles.length);
    // The pinball loss over the known cells, in plain JavaScript, is the validation loss of the kept epoch.
    let sum = 0;
    let cells = 0;
    const medians: number[][] = [[], [], []];
    const actuals: number[][] = [[], [], []];
    for (let r = 0; r < check.rows; r++) {
      for (let k = 0; k < steps; k++) {
        const actual = check.y[r * steps + k] as number;
        if (Number.isNaN(actual)) continue;
        quantiles.forEach((q, j) => {
          const error = actual - (predicted[(r * steps + k) * 3 + j] as number);
          sum += Math.max(q * error, (q - 1) * error);
          cells++;
        });
        medians[k]!.push(predicted[(r * steps + k) * 3 + 1] as number);
        actuals[k]!.push(actual);
      }
    }
    const best = valLossOfBest(result.history, result.bestEpoch);
    expect(Math.abs(sum / cells - best)).toBeLessThan(1e-4 * best);
    // Every step learnt its own slope: the medians explain most of each step's variance.
    for (let k = 0; k < steps; k++) {
      const y = Float32Array.from(actuals[k]!);
      expect(meanSquaredError(Float32Array.from(medians[k]!), y), `step ${k + 1}`).toBeLessThan(0.1 * variance(y));
    }
  });

  it('early stopping keeps the best epoch’s weights: their predictions score exactly its validation loss', async () => {
    // 40 noisy training rows and a wide network overfit within a few epochs, so validation loss turns up.
    const problem = linearProblem({ rows: 240, noise: 1.5, seed: 11, trainShare: 1 / 6 });
    const check = copy(problem.validation);
    const model = spec({ hidden: [64, 64], learningRate: 0.03, epochs: 300, batchSize: 8, patience: 5 });
    const result = await client.train({ spec: model, seed: 1, backend: 'cpu', ...problem });
    expect(result.stoppedEarly).toBe(true);
    expect(result.history).toHaveLength(result.bestEpoch + 5);
    const predicted = await client.predict({ spec: model, weights: result.weights, x: check.x, rows: check.rows, width: check.width });
    const best = valLossOfBest(result.history, result.bestEpoch);
    expect(Math.abs(meanSquaredError(predicted, check.y) - best)).toBeLessThan(1e-4 * best);
    expect((result.history.at(-1) as EpochReport).valLoss).toBeGreaterThan(best);
  });

  it('predict(…, keep) reuses the built model for the same key, gives the same predictions, and a training releases it', async () => {
    const problem = linearProblem({ rows: 400, seed: 13 });
    const model = spec({ epochs: 3 });
    const check = copy(problem.validation);
    const trained = await client.train({ spec: model, seed: 1, backend: 'cpu', ...problem });
    // predict() transfers the arrays it is sent: each call gets its own copy of the weights.
    const weights = () => trained.weights.map((w) => ({ ...w, data: w.data.slice() }));
    const plain = await client.predict({ spec: model, weights: weights(), x: check.x.slice(), rows: check.rows, width: check.width });
    const before = await client.api.memory();
    const first = await client.predict({ spec: model, weights: weights(), x: check.x.slice(), rows: check.rows, width: check.width, keep: 'a' });
    expect([...first]).toEqual([...plain]);
    // Same key, zeroed weights: the kept model answers, so the weights were not read again.
    const zeroed = () => trained.weights.map((w) => ({ ...w, data: new Float32Array(w.data.length) }));
    const again = await client.predict({ spec: model, weights: zeroed(), x: check.x.slice(), rows: check.rows, width: check.width, keep: 'a' });
    expect([...again]).toEqual([...plain]);
    // A new key builds from the request's weights.
    const other = await client.predict({ spec: model, weights: zeroed(), x: check.x.slice(), rows: check.rows, width: check.width, keep: 'b' });
    expect([...other]).not.toEqual([...plain]);
    expect((await client.api.memory()).numTensors).toBeGreaterThan(before.numTensors);
    await client.train({ spec: spec({ epochs: 1 }), seed: 1, backend: 'cpu', ...linearProblem({ rows: 200, seed: 14 }) });
    expect((await client.api.memory()).numTensors).toBe(before.numTensors);
  });

  it.each(['mae', 'huber'] as const)('train(ridge, %s loss) lowers its loss', async (loss) => {
    const result = await client.train({ spec: spec({ kind: 'ridge', loss, epochs: 8 }), seed: 1, backend: 'cpu', ...linearProblem({ seed: 8 }) });
    expect(valLossOfBest(result.history, result.bestEpoch)).toBeLessThan(0.2 * result.initialValLoss);
  });

  it('cancel() stops training within an epoch, rejects with the cancellation message, and the worker stays usable', async () => {
    const before = await client.api.memory();
    const seen: number[] = [];
    const training = client.train(
      { spec: spec({ epochs: 500, batchSize: 16, patience: 500 }), seed: 1, backend: 'cpu', ...linearProblem({ seed: 9 }) },
      {
        onEpoch: (e) => {
          seen.push(e.epoch);
          if (e.epoch === 2) void client.cancel();
        },
      },
    );
    await expect(training).rejects.toThrow(trainMessages.trainingCancelled);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(4);
    expect((await client.api.memory()).numTensors).toBe(before.numTensors);
    const next = await client.train({ spec: spec({ epochs: 2 }), seed: 1, backend: 'cpu', ...linearProblem({ seed: 10 }) });
    expect(next.history).toHaveLength(2);
  });

  it('cancel() during a fit stops it at the same checkpoint, rejects with the cancellation message, and leaks nothing', async () => {
    const before = await client.api.memory();
    const seen: EpochReport[] = [];
    const problem = linearProblem({ seed: 14 });
    const fitting = client.fit(
      { spec: spec({ batchSize: 16 }), seed: 1, backend: 'cpu', rows: problem.train, epochs: 50 },
      {
        onEpoch: (e) => {
          seen.push(e);
          if (e.epoch === 1) void client.cancel();
        },
      },
    );
    await expect(fitting).rejects.toThrow(trainMessages.trainingCancelled);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.length).toBeLessThanOrEqual(3);
    expect((await client.api.memory()).numTensors).toBe(before.numTensors);
    const next = await client.fit({ spec: spec(), seed: 1, backend: 'cpu', rows: linearProblem({ seed: 10 }).train, epochs: 2 });
    expect(next.weights.length).toBeGreaterThan(0);
  });

  it('train(…, { signal }) with an aborted signal is refused before the worker starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const request = { spec: spec(), seed: 1, backend: 'cpu' as const, ...linearProblem() };
    await expect(client.train(request, { signal: controller.signal })).rejects.toThrow(trainMessages.trainingCancelled);
  });

  it('probeBackends() (here on the page) skips a backend that cannot start, says why, and useBackend() refuses it', async () => {
    const { probeBackends, useBackend } = await import('../../src/adapters/tf-backend');
    const getContext = OffscreenCanvas.prototype.getContext;
    OffscreenCanvas.prototype.getContext = (() => null) as typeof getContext;
    try {
      const probe = await probeBackends({ candidates: ['webgl', 'cpu'], rows: 16, features: 4, steps: 1 });
      expect(probe.backends[0]).toEqual({ backend: 'webgl', available: false, msPerStep: null, reason: trainMessages.webglNoContext });
      expect(probe.backends[1]).toMatchObject({ backend: 'cpu', available: true });
      expect(probe.pick).toBe('cpu');
      await expect(useBackend('webgl')).rejects.toThrow(trainMessages.backendUnavailable('webgl', trainMessages.webglNoContext));
    } finally {
      OffscreenCanvas.prototype.getContext = getContext;
    }
  });

  it('refuses bad input with a message: a CNN without its lag window, weights from another model', async () => {
    const cnn = client.train({ spec: spec({ kind: 'cnn' }), seed: 1, backend: 'cpu', ...linearProblem() });
    await expect(cnn).rejects.toThrow(trainMessages.cnnNeedsSequence);
    const ridge = await client.train({ spec: spec({ kind: 'ridge', epochs: 1 }), seed: 1, backend: 'cpu', ...linearProblem() });
    const wrong = client.predict({ spec: spec(), weights: ridge.weights, x: new Float32Array(8), rows: 2, width: 4 });
    await expect(wrong).rejects.toThrow(/do not fit this model/);
  });
});

describe('a train lane and the data worker on their own channel (real workers; the page sends requests, not matrices)', { timeout: 90_000 }, () => {
  const HORIZON = 14;
  let data: DataClient;
  let lane: TrainClient;
  let prepared: FeaturesResult;
  let lastDay: number;
  const forecastRequest = (window: number, network: NetworkRef) =>
    ({ window, model: network.spec.kind, quantiles: null, cost: null, customMetrics: [], openOnly: false, network }) satisfies WindowForecastRequest;

  beforeAll(async () => {
    data = createDataClient((message) => crashes.push(message));
    lane = createTrainClient((message) => crashes.push(message), { data, lane: 0 });
    // Four series of the app's own seeded example, long enough for its yearly lags: one fold and the test window.
    const source = { kind: 'example' as const, name: 'example', options: { stores: 2, products: 2, days: 600 } };
    await data.api.load({ source, mapping: null, horizon: HORIZON }, data.callback(() => undefined));
    lastDay = (await data.api.clean({ cleaning: {}, horizon: HORIZON })).end!;
    prepared = await data.api.prepareFeatures({ spec: null, horizon: HORIZON, split: { validation: null, trainingWindow: null, folds: 1, period: null } });
  });
  afterAll(() => {
    lane.terminate();
    data.terminate();
  });

  it('trainWindow() fetches its window from the data worker and replays; the data worker forecasts and ranks features through the lane', async () => {
    const model = spec({ hidden: [16], epochs: 6, batchSize: 4096 });
    const request = { window: 0, spec: model, seed: 3, backend: 'wasm' as const, step: { kind: 'early-stopping' as const, warmStart: false } };
    const epochs: EpochReport[] = [];
    const first = await lane.trainWindow(request, { onEpoch: (e) => epochs.push(e) });
    expect(first.history.length).toBeGreaterThan(0);
    expect(epochs.map((e) => e.epoch)).toEqual(first.history.map((e) => e.epoch));
    // Fitted to the window's rows (fitBatchSize): a batch of 4096 would be one step an epoch on a few thousand rows.
    expect(first.spec.batchSize).toBeLessThan(model.batchSize);
    const again = await lane.trainWindow(request);
    expect(again.weights.map((w) => Array.from(w.data))).toEqual(first.weights.map((w) => Array.from(w.data)));

    const network: NetworkRef = { lane: 0, spec: first.spec, weights: first.weights, backend: first.backend, keep: 'window 0' };
    const forecast = await data.api.forecastWindow(forecastRequest(0, network));
    expect(Number.isFinite(forecast.evaluation.expert.wape)).toBe(true);
    // Asked again (the lane's kept model, then a fresh build from the same weights): the same forecast.
    expect((await data.api.forecastWindow(forecastRequest(0, network))).evaluation).toEqual(forecast.evaluation);
    expect((await data.api.forecastWindow(forecastRequest(0, { ...network, keep: 'again' }))).evaluation).toEqual(forecast.evaluation);
    const importance = await data.api.importance({ window: 0, outputs: 1, seed: 1, network });
    expect(importance.map((f) => f.feature).sort()).toEqual([...prepared.names].sort());
    expect(importance.every((f) => Number.isFinite(f.increase))).toBe(true);
  });

  it('trainWindow(fit step) continues from given weights for exactly its epochs on the window’s rows, reported as refit epochs', async () => {
    const model = spec({ kind: 'ridge', epochs: 8 });
    const fold = await lane.trainWindow({ window: 0, spec: model, seed: 1, backend: 'cpu', step: { kind: 'early-stopping', warmStart: false } });
    const reports: EpochReport[] = [];
    const test = prepared.plan.windows.length - 1;
    const fitted = await lane.trainWindow(
      { window: test, spec: model, seed: 1, backend: 'cpu', step: { kind: 'fit', warmStart: true, epochs: 2 }, initial: fold.weights },
      { onEpoch: (e) => reports.push(e) },
    );
    expect(reports.map((e) => [e.epoch, e.phase])).toEqual([[1, 'refit'], [2, 'refit']]);
    expect(fitted).toMatchObject({ history: [], bestEpoch: 2, stoppedEarly: false, backend: 'cpu' });
    expect(fitted.weights.map((w) => w.shape)).toEqual(fold.weights.map((w) => w.shape));
  });

  it('finalFit() fits on every row up to the data’s last day, fetched from the data worker, and says how many', async () => {
    const progress: { epoch: number; rows: number }[] = [];
    const final = await lane.finalFit(
      { spec: spec({ kind: 'ridge', epochs: 8 }), featureSpec: prepared.spec, trainingWindow: null, seed: 1, backend: 'cpu', epochs: 2 },
      { onProgress: (p) => progress.push(p) },
    );
    expect(final.trainEnd).toBe(lastDay);
    expect(final.trainStart).toBeNull();
    // The final window's training rows stop a validation span and a horizon before the end: every series has more here.
    expect(final.rows).toBeGreaterThan(prepared.trainRows);
    expect(progress).toEqual([{ epoch: 1, rows: final.rows }, { epoch: 2, rows: final.rows }]);
  });

  it('trainWindow(…, { signal }) aborted mid-training rejects with the cancellation message, and the lane trains on', async () => {
    const controller = new AbortController();
    const long = spec({ kind: 'ridge', epochs: 500, patience: 500, batchSize: 16 });
    const seen: number[] = [];
    const training = lane.trainWindow(
      { window: 0, spec: long, seed: 1, backend: 'cpu', step: { kind: 'early-stopping', warmStart: false } },
      {
        signal: controller.signal,
        onEpoch: (e) => {
          seen.push(e.epoch);
          if (e.epoch === 2) controller.abort();
        },
      },
    );
    await expect(training).rejects.toThrow(trainMessages.trainingCancelled);
    expect(seen.length).toBeLessThanOrEqual(4);
    const next = await lane.trainWindow({ window: 0, spec: spec({ kind: 'ridge', epochs: 1 }), seed: 1, backend: 'cpu', step: { kind: 'early-stopping', warmStart: false } });
    expect(next.history).toHaveLength(1);
  });

  it('a lane terminated while the data worker waits on its prediction: the forecast rejects (no hang), and so does the next', async () => {
    const doomed = createTrainClient((message) => crashes.push(message), { data, lane: 1 });
    const trained = await doomed.trainWindow({ window: 0, spec: spec({ kind: 'ridge', epochs: 1 }), seed: 1, backend: 'cpu', step: { kind: 'early-stopping', warmStart: false } });
    const network: NetworkRef = { lane: 1, spec: trained.spec, weights: trained.weights, backend: trained.backend, keep: 'doomed' };
    const forecast = data.api.forecastWindow(forecastRequest(0, network));
    doomed.terminate();
    await expect(forecast).rejects.toThrow(workerFailed('terminated by the page'));
    await expect(data.api.forecastWindow(forecastRequest(0, network))).rejects.toThrow(workerFailed('terminated by the page'));
    // The data worker and the other lane are untouched.
    const naive = { window: 0, model: 'naive', quantiles: null, cost: null, customMetrics: [], openOnly: false } satisfies WindowForecastRequest;
    expect(Number.isFinite((await data.api.forecastWindow(naive)).evaluation.expert.wape)).toBe(true);
  });

  it('the data worker terminated while a lane waits on its matrices: the training rejects (no hang)', async () => {
    const lost = createDataClient((message) => crashes.push(message));
    const orphan = createTrainClient((message) => crashes.push(message), { data: lost, lane: 0 });
    try {
      const training = orphan.trainWindow({ window: 0, spec: spec({ kind: 'ridge' }), seed: 1, backend: 'cpu', step: { kind: 'early-stopping', warmStart: false } });
      lost.terminate();
      await expect(training).rejects.toThrow(workerFailed('terminated by the page'));
    } finally {
      orphan.terminate();
    }
  });
});
