/**
 * tfjs-backend-wasm 4.22 multiplies through XNNPACK only when neither side is transposed; with `transposeA` or
 * `transposeB` it falls back to a plain loop that is 5–15× slower on the shapes a dense layer has (x[512,45]ᵀ·dy[512,64]:
 * 1.4 ms against 0.22 ms for an explicit transpose and the fast product, measured in Node). Backpropagation through a
 * dense layer asks for exactly those two products (dW = xᵀ·dy, dx = dy·Wᵀ) at every step, so most of a network's
 * training time went there. The kernel is registered again to transpose the operand first (one cheap copy) and take
 * the fast path; the product is the same, summed in another order.
 */
import * as tf from '@tensorflow/tfjs-core';

let rerouted = false;

/** Call once the wasm backend's module is loaded (its kernels registered) and before it is initialised. */
export function rerouteTransposedMatMul(): void {
  const matMul = tf.getKernel(tf.BatchMatMul, 'wasm');
  const transpose = tf.getKernel(tf.Transpose, 'wasm');
  if (rerouted || !matMul || !transpose) return;
  rerouted = true;
  tf.unregisterKernel(tf.BatchMatMul, 'wasm');
  tf.registerKernel({
    ...matMul,
    kernelFunc: (args) => {
      const { inputs, attrs } = args;
      const backend = args.backend as tf.KernelBackend;
      const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
      if (!transposeA && !transposeB) return matMul.kernelFunc(args);
      const { a, b } = inputs as unknown as { a: tf.TensorInfo; b: tf.TensorInfo };
      const flip = (x: tf.TensorInfo) => {
        const rank = x.shape.length;
        const perm = [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];
        return transpose.kernelFunc({ inputs: { x }, attrs: { perm }, backend }) as tf.TensorInfo;
      };
      const flippedA = transposeA ? flip(a) : a;
      const flippedB = transposeB ? flip(b) : b;
      try {
        return matMul.kernelFunc({ inputs: { a: flippedA, b: flippedB }, attrs: { ...attrs, transposeA: false, transposeB: false }, backend });
      } finally {
        if (transposeA) backend.disposeData(flippedA.dataId);
        if (transposeB) backend.disposeData(flippedB.dataId);
      }
    },
  });
}
