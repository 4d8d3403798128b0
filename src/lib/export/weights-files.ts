import * as v from 'valibot';
import type { SerializedWeight } from '../models/train-types';
import { SerializedWeightSchema } from '../runs/run-schema';

/**
 * A trained network as two artifact files anyone can load without Forecast Lab: `weights.json`, a TensorFlow.js
 * weights manifest (`weightsManifest: [{ paths, weights: [{ name, shape, dtype }] }]`, what `tf.io.decodeWeights`
 * reads) beside what it takes to rebuild the network (its ModelSpec and FeatureSpec), and `weights.bin`, every
 * tensor's float32 values one after another, little-endian, in the manifest's order.
 */
export function weightsFiles(weights: readonly SerializedWeight[], about: { [key: string]: unknown }): { json: string; bin: Uint8Array } {
  const total = weights.reduce((sum, w) => sum + w.data.length, 0);
  const bin = new Uint8Array(total * 4);
  const view = new DataView(bin.buffer);
  let offset = 0;
  for (const w of weights) {
    for (const value of w.data) {
      view.setFloat32(offset, value, true);
      offset += 4;
    }
  }
  const manifest = [{ paths: ['weights.bin'], weights: weights.map(({ name, shape, dtype }) => ({ name, shape, dtype })) }];
  return { json: `${JSON.stringify({ format: 'forecast-lab/weights', ...about, weightsManifest: manifest }, null, 2)}\n`, bin };
}

/** Stored weights (IndexedDB rows, or a restored backup) when they have the shape serving reads; null otherwise. */
export function readWeights(value: unknown): SerializedWeight[] | null {
  const parsed = v.safeParse(v.array(SerializedWeightSchema), value);
  return parsed.success ? (parsed.output as SerializedWeight[]) : null;
}
