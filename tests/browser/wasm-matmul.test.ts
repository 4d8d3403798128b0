import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '../../src/adapters/tf-backend';
import { createRng } from '../../src/lib/random/rng';

// The wasm backend's BatchMatMul, rerouted for transposed operands (src/adapters/wasm-matmul.ts), against the cpu
// backend's own kernel (tfjs-backend-cpu, plain JS loops: another implementation of the same product).

const SHAPES: { a: number[]; b: number[]; transposeA: boolean; transposeB: boolean }[] = [
  // A dense layer's backward pass: dW = xᵀ·dy and dx = dy·Wᵀ.
  { a: [64, 9], b: [64, 5], transposeA: true, transposeB: false },
  { a: [64, 5], b: [9, 5], transposeA: false, transposeB: true },
  { a: [7, 6], b: [4, 7], transposeA: true, transposeB: true },
  { a: [6, 7], b: [7, 4], transposeA: false, transposeB: false },
  // Batched (rank 3) and broadcast over the batch.
  { a: [3, 8, 5], b: [3, 8, 2], transposeA: true, transposeB: false },
  { a: [2, 4, 8], b: [6, 8], transposeA: false, transposeB: true },
];

async function products(): Promise<Float32Array[]> {
  const rng = createRng(11);
  const out: Float32Array[] = [];
  for (const { a, b, transposeA, transposeB } of SHAPES) {
    const values = (shape: number[]) => Float32Array.from({ length: shape.reduce((n, d) => n * d, 1) }, () => rng.normal());
    const product = tf.tidy(() => tf.matMul(tf.tensor(values(a), a), tf.tensor(values(b), b), transposeA, transposeB));
    out.push((await product.data()) as Float32Array);
    product.dispose();
  }
  return out;
}

describe('BatchMatMul on wasm with transposed operands', () => {
  it('gives the cpu backend’s products for every transpose, rank and broadcast, and leaves no data behind', async () => {
    await useBackend('cpu');
    const reference = await products();
    await useBackend('wasm');
    const dataIds = tf.engine().backend.numDataIds();
    const tensors = tf.memory().numTensors;
    const wasm = await products();
    expect(tf.memory().numTensors).toBe(tensors);
    // The transposed copies the rerouted kernel makes are released with the product.
    expect(tf.engine().backend.numDataIds()).toBe(dataIds);
    wasm.forEach((values, i) => {
      expect(values.length).toBe(reference[i]!.length);
      values.forEach((value, j) => expect(value).toBeCloseTo(reference[i]![j]!, 4));
    });
  });
});
