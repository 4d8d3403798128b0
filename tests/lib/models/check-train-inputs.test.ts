import { describe, expect, it } from 'vitest';
import { trainMessages } from '../../../src/lib/messages/train';
import { checkMatrix, checkModelSpec, checkSequence, checkTrainInputs } from '../../../src/lib/models/check-train-inputs';
import { MODEL_SPEC_LIMITS } from '../../../src/lib/models/default-model-specs';
import { modelOutputWidth } from '../../../src/lib/models/model-output-width';
import type { MatrixInput } from '../../../src/lib/models/train-types';
import type { ModelSpec } from '../../../src/lib/models/types';

const spec: ModelSpec = {
  kind: 'mlp',
  loss: 'mse',
  quantiles: [0.1, 0.5, 0.9],
  hidden: [8],
  kernelSize: 3,
  dropout: 0.1,
  l2: 0,
  learningRate: 0.01,
  epochs: 10,
  batchSize: 32,
  patience: 3,
};

const matrix = (rows: number, width: number): MatrixInput => ({
  x: new Float32Array(rows * width),
  y: new Float32Array(rows),
  rows,
  width,
});

describe('checkTrainInputs({ spec, train, validation, sequence })', () => {
  it('accepts well-formed input', () => {
    expect(checkTrainInputs({ spec, train: matrix(10, 3), validation: matrix(4, 3), sequence: null })).toBeNull();
  });

  it('names the first problem: empty validation, a width that differs from training', () => {
    expect(checkTrainInputs({ spec, train: matrix(10, 3), validation: matrix(0, 3), sequence: null })).toBe(trainMessages.matrixEmpty('validation'));
    expect(checkTrainInputs({ spec, train: matrix(10, 3), validation: matrix(4, 2), sequence: null })).toBe(
      trainMessages.widthMismatch(3, 2, 'validation'),
    );
  });
});

describe('checkTrainInputs(…) for a direct multi-horizon model (spec.steps)', () => {
  const direct = (rows: number, targets: number): MatrixInput => ({ ...matrix(rows, 3), y: new Float32Array(rows * targets), targets });

  it('needs one target per step on every row; a later step may be NaN (unknown in the window), the row’s own target may not', () => {
    expect(checkTrainInputs({ spec: { ...spec, steps: 4 }, train: direct(10, 4), validation: direct(2, 4), sequence: null })).toBeNull();
    expect(checkTrainInputs({ spec: { ...spec, steps: 4 }, train: matrix(10, 3), validation: direct(2, 4), sequence: null })).toBe(
      trainMessages.matrixShape('training', '1 targets per row for a model of 4 steps'),
    );
    expect(checkTrainInputs({ spec, train: direct(10, 4), validation: matrix(2, 3), sequence: null })).toContain('4 targets per row for a model of 1 steps');
    const unknownLater = direct(2, 4);
    unknownLater.y.set([NaN, NaN, NaN], 5);
    expect(checkMatrix(unknownLater, 'validation')).toBeNull();
    const unknownOwn = direct(2, 4);
    unknownOwn.y[4] = NaN;
    expect(checkMatrix(unknownOwn, 'validation')).toBe(trainMessages.matrixNotFinite('validation', 1));
    expect(checkMatrix({ ...direct(2, 4), y: new Float32Array(7) }, 'training')).toContain('7 targets for 2 rows × 4');
  });
});

describe('checkModelSpec(spec)', () => {
  it.each<[Partial<ModelSpec>, string]>([
    [{ epochs: 0 }, 'epochs'],
    [{ batchSize: 2.5 }, 'batchSize'],
    [{ learningRate: 0 }, 'learningRate'],
    [{ dropout: 1 }, 'dropout'],
    [{ l2: -1 }, 'l2'],
    [{ hidden: [8, 0] }, 'hidden'],
  ])('refuses %o, naming “%s”', (change, field) => {
    expect(checkModelSpec({ ...spec, ...change })).toContain(`“${field}”`);
  });

  it('holds a spec to MODEL_SPEC_LIMITS, the bounds the Train stage and a link hold it to: each bound passes, one beyond it does not', () => {
    const cnn: ModelSpec = { ...spec, kind: 'cnn' };
    for (const field of ['epochs', 'batchSize', 'learningRate', 'dropout', 'l2', 'patience', 'kernelSize'] as const) {
      const { min, max, whole } = MODEL_SPEC_LIMITS[field];
      const step = whole ? 1 : Math.max(min, 1e-6);
      expect([checkModelSpec({ ...cnn, [field]: min }), checkModelSpec({ ...cnn, [field]: max })]).toEqual([null, null]);
      expect(checkModelSpec({ ...cnn, [field]: min - step })).toBe(trainMessages.specInvalid(field, MODEL_SPEC_LIMITS[field]));
      expect(checkModelSpec({ ...cnn, [field]: max + step })).toBe(trainMessages.specInvalid(field, MODEL_SPEC_LIMITS[field]));
    }
    const { hiddenLayers, hiddenWidth } = MODEL_SPEC_LIMITS;
    const hiddenInvalid = trainMessages.hiddenInvalid(hiddenLayers.max, hiddenWidth);
    expect(checkModelSpec({ ...spec, hidden: Array.from({ length: hiddenLayers.max }, () => hiddenWidth.max) })).toBeNull();
    expect(checkModelSpec({ ...spec, hidden: Array.from({ length: hiddenLayers.max + 1 }, () => 8) })).toBe(hiddenInvalid);
    expect(checkModelSpec({ ...spec, hidden: [hiddenWidth.max + 1] })).toBe(hiddenInvalid);
  });

  it('quantile loss needs increasing quantiles strictly inside (0, 1)', () => {
    const quantile = (quantiles: number[]) => checkModelSpec({ ...spec, loss: 'quantile', quantiles });
    expect(quantile([0.1, 0.5, 0.9])).toBeNull();
    expect(quantile([])).toBe(trainMessages.quantilesInvalid);
    expect(quantile([0.5, 0.1])).toBe(trainMessages.quantilesInvalid);
    expect(quantile([0, 0.5])).toBe(trainMessages.quantilesInvalid);
  });
});

describe('checkMatrix(matrix, label)', () => {
  it('refuses a length that does not match rows × width, and a target count that does not match rows', () => {
    expect(checkMatrix({ ...matrix(3, 2), x: new Float32Array(5) }, 'training')).toContain('5 values');
    expect(checkMatrix({ ...matrix(3, 2), y: new Float32Array(2) }, 'training')).toContain('2 targets');
  });

  it('points at the first row with a NaN or infinite value, 1-based', () => {
    const m = matrix(3, 2);
    m.x[5] = NaN;
    expect(checkMatrix(m, 'training')).toBe(trainMessages.matrixNotFinite('training', 2));
    const n = matrix(3, 2);
    n.y[0] = Infinity;
    expect(checkMatrix(n, 'validation')).toBe(trainMessages.matrixNotFinite('validation', 0));
  });

  it('checks no targets when there are none (prediction input)', () => {
    expect(checkMatrix({ x: new Float32Array(4), rows: 2, width: 2 }, 'prediction')).toBeNull();
  });
});

describe('checkSequence(spec, width, sequence)', () => {
  it('only the cnn needs a lag window, and it must fit inside the columns', () => {
    expect(checkSequence({ kind: 'mlp' }, 5, null)).toBeNull();
    expect(checkSequence({ kind: 'cnn' }, 5, null)).toBe(trainMessages.cnnNeedsSequence);
    expect(checkSequence({ kind: 'cnn' }, 5, { start: 1, length: 4 })).toBeNull();
    expect(checkSequence({ kind: 'cnn' }, 5, { start: 2, length: 4 })).toBe(trainMessages.sequenceInvalid(2, 4, 5));
  });
});

describe('modelOutputWidth(spec)', () => {
  it('is one per quantile for the quantile loss, else 1', () => {
    expect(modelOutputWidth({ loss: 'quantile', quantiles: [0.1, 0.5, 0.9] })).toBe(3);
    expect(modelOutputWidth({ loss: 'huber', quantiles: [0.1, 0.5, 0.9] })).toBe(1);
  });

  it('has that many per step for a direct multi-horizon model', () => {
    expect(modelOutputWidth({ loss: 'quantile', quantiles: [0.1, 0.5, 0.9], steps: 13 })).toBe(39);
    expect(modelOutputWidth({ loss: 'mae', quantiles: [], steps: 13 })).toBe(13);
  });
});
