import * as v from 'valibot';
import { trainMessages } from '../messages/train';
import { MODEL_SPEC_LIMITS, ModelSpecSchema } from './default-model-specs';
import type { MatrixInput, SequenceColumns } from './train-types';
import type { ModelSpec } from './types';

/**
 * Bad input is caught here, before any tensor exists, with a message that says what to fix (not a tfjs shape error
 * from deep inside a layer). Each check returns the first problem's text, or null when the input is fine.
 */
export interface TrainInputs {
  spec: ModelSpec;
  train: MatrixInput;
  validation: MatrixInput;
  sequence: SequenceColumns | null;
}

export function checkTrainInputs({ spec, train, validation, sequence }: TrainInputs): string | null {
  return (
    checkModelSpec(spec) ??
    checkMatrix(train, 'training') ??
    checkMatrix(validation, 'validation') ??
    checkTargets(spec, train, 'training') ??
    checkTargets(spec, validation, 'validation') ??
    (validation.width !== train.width ? trainMessages.widthMismatch(train.width, validation.width, 'validation') : null) ??
    checkSequence(spec, train.width, sequence)
  );
}

/**
 * A spec's numbers checked by ModelSpecSchema's own fields, which MODEL_SPEC_LIMITS builds and the Train stage's fields
 * clamp to: a spec that reaches a worker some other way than a link (a stored run, a test) is refused on the same terms.
 */
export function checkModelSpec(spec: ModelSpec): string | null {
  const field = ModelSpecSchema.entries;
  for (const name of ['epochs', 'batchSize', 'learningRate', 'dropout', 'l2', 'patience'] as const) {
    if (!v.is(field[name], spec[name])) return trainMessages.specInvalid(name, MODEL_SPEC_LIMITS[name]);
  }
  if (!v.is(field.hidden, spec.hidden)) return trainMessages.hiddenInvalid(MODEL_SPEC_LIMITS.hiddenLayers.max, MODEL_SPEC_LIMITS.hiddenWidth);
  if (spec.kind === 'cnn' && !v.is(field.kernelSize, spec.kernelSize)) return trainMessages.specInvalid('kernelSize', MODEL_SPEC_LIMITS.kernelSize);
  if (spec.loss === 'quantile') {
    const q = spec.quantiles;
    const ordered = q.every((value, i) => value > 0 && value < 1 && (i === 0 || value > (q[i - 1] as number)));
    if (q.length === 0 || !ordered) return trainMessages.quantilesInvalid;
  }
  return null;
}

/** A direct multi-horizon model learns one target per step: the matrix must carry that many. */
export function checkTargets(spec: ModelSpec, matrix: MatrixInput, label: string): string | null {
  const steps = spec.steps ?? 1;
  const targets = matrix.targets ?? 1;
  return targets === steps ? null : trainMessages.matrixShape(label, `${targets} targets per row for a model of ${steps} steps`);
}

/**
 * `y` is checked when present (training and validation data; prediction inputs have none). With several targets per
 * row (a direct model's steps) a later step may be NaN, unknown in the rows' window; the row's own target may not.
 */
export function checkMatrix(matrix: Omit<MatrixInput, 'y'> & { y?: Float32Array }, label: string): string | null {
  const { x, y, rows, width } = matrix;
  const targets = matrix.targets ?? 1;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(width) || width < 1) {
    return trainMessages.matrixShape(label, `${rows} rows × ${width} columns`);
  }
  if (rows === 0) return trainMessages.matrixEmpty(label);
  if (x.length !== rows * width) return trainMessages.matrixShape(label, `${x.length} values, expected ${rows} rows × ${width} columns`);
  if (y && y.length !== rows * targets) return trainMessages.matrixShape(label, `${y.length} targets for ${rows} rows × ${targets}`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i] as number)) return trainMessages.matrixNotFinite(label, Math.floor(i / width));
  }
  if (y) {
    for (let i = 0; i < y.length; i++) {
      const known = Number.isFinite(y[i] as number) || (i % targets > 0 && Number.isNaN(y[i] as number));
      if (!known) return trainMessages.matrixNotFinite(label, Math.floor(i / targets));
    }
  }
  return null;
}

export function checkSequence(spec: Pick<ModelSpec, 'kind'>, width: number, sequence: SequenceColumns | null): string | null {
  if (spec.kind !== 'cnn') return null;
  if (!sequence) return trainMessages.cnnNeedsSequence;
  const { start, length } = sequence;
  const fits = Number.isInteger(start) && Number.isInteger(length) && start >= 0 && length >= 1 && start + length <= width;
  return fits ? null : trainMessages.sequenceInvalid(start, length, width);
}
