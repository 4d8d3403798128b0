import type { MatrixInput } from '../models/train-types';
import type { Rng } from '../random/rng';
import { seededPermutation } from '../models/seeded-permutation';

/**
 * Permutation importance on held-out rows: how much the mean absolute error (on the model's scaled target) grows
 * when one feature's column is shuffled, breaking its link to the target while keeping its distribution.
 * Scored one step ahead on the validation rows, where every input is an actual; features whose shuffling changes
 * nothing score 0. The model is injected (`predict`), so this runs wherever the rows are.
 */
export async function permutationImportance(options: {
  input: MatrixInput;
  names: readonly string[];
  predict: (x: Float32Array, rows: number) => Promise<Float32Array>;
  /** Output columns per row (quantile models give several); the middle one is the point forecast. */
  outputs: number;
  /** A direct multi-horizon model's steps (its outputs hold each step's in turn): step 1's point is scored. */
  steps?: number;
  rng: Rng;
}): Promise<{ feature: string; increase: number }[]> {
  const { input, names, predict, outputs, rng } = options;
  const { rows, width } = input;
  if (rows === 0) return [];
  const point = Math.floor(outputs / (options.steps ?? 1) / 2);
  const mae = (predicted: Float32Array) => {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += Math.abs((predicted[r * outputs + point] as number) - (input.y[r] as number));
    return sum / rows;
  };
  const base = mae(await predict(input.x.slice(), rows));
  const result: { feature: string; increase: number }[] = [];
  for (let j = 0; j < width; j++) {
    const order = seededPermutation(rows, rng);
    const x = input.x.slice();
    for (let r = 0; r < rows; r++) x[r * width + j] = input.x[(order[r] as number) * width + j] as number;
    result.push({ feature: names[j] ?? `x${j}`, increase: mae(await predict(x, rows)) - base });
  }
  return result.sort((a, b) => b.increase - a.increase);
}
