/**
 * A registered network in TensorFlow.js's own layers format: `model.json` (modelTopology + weightsManifest) and one
 * weights shard, written by tfjs's `model.save`, so `tf.loadLayersModel` (or Keras, through tensorflowjs_converter)
 * reads it with nothing of Forecast Lab's:
 *
 *   spec + weights ──► buildModel without dropout ──► writeWeights ──► (cnn) a front taking the feature row
 *     ──► model.save(withSaveHandler) ──► model.json + group1-shard1of1.bin
 *
 * Two things differ from the model the app trains, and neither changes a prediction:
 * - Dropout is left out. The app's dropout is a custom layer (SeededDropout, for replayable masks) that a plain
 *   loadLayersModel could not deserialise, and dropout does nothing at inference.
 * - The CNN takes the feature row. The app unfolds the lag window into patches outside the model (modelInputs); the
 *   export does it inside, with two fixed 0/1 dense layers (not trainable) in front of the trained model, which is
 *   nested unchanged. Each output of those layers is one input times 1 plus zeros, so the patches are exact.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { TFJS_WEIGHTS_FILE, type LayersModelFiles } from '../lib/export/tfjs-bundle';
import type { SequenceColumns, SerializedWeight } from '../lib/models/train-types';
import type { ModelSpec } from '../lib/models/types';
import { createRng } from '../lib/random/rng';
import { buildModel, writeWeights } from './tf-models';

export interface LayersModelOptions {
  spec: ModelSpec;
  weights: SerializedWeight[];
  /** Feature columns per row. */
  width: number;
  /** The CNN's lag window within the row; null for ridge and mlp. */
  sequence: SequenceColumns | null;
}

export async function layersModelFiles({ spec, weights, width, sequence }: LayersModelOptions): Promise<LayersModelFiles> {
  // The initialisers' draws are overwritten by the stored weights, so any seed will do.
  const trained = buildModel({ spec: { ...spec, dropout: 0 }, width, sequence, rng: createRng(0) });
  let model = trained;
  try {
    writeWeights(trained, weights);
    if (spec.kind === 'cnn' && sequence) model = withRowInput(trained, { width, sequence });
    let saved: tf.io.ModelArtifacts | null = null;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
    const artifacts = saved as tf.io.ModelArtifacts | null;
    if (!artifacts?.weightSpecs || !artifacts.weightData) throw new Error('tfjs saved no weights.');
    const modelJson: tf.io.ModelJSON = {
      format: artifacts.format ?? 'layers-model',
      generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tfl.version_layers}`,
      convertedBy: artifacts.convertedBy ?? null,
      modelTopology: artifacts.modelTopology as object,
      weightsManifest: [{ paths: [TFJS_WEIGHTS_FILE], weights: artifacts.weightSpecs }],
    };
    return { modelJson: `${JSON.stringify(modelJson)}\n`, weights: new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData)) };
  } finally {
    // The front's model disposes the trained one nested in it.
    model.dispose();
  }
}

/**
 * The trained CNN behind a front that takes the feature row: `select_lag_patches` picks window column p + j into patch
 * p, tap j (as modelInputs slices it), `lag_patches` shapes them [positions, kernelSize], and `select_other` picks the
 * columns outside the window, in row order.
 */
function withRowInput(trained: tfl.LayersModel, { width, sequence }: { width: number; sequence: SequenceColumns }): tfl.LayersModel {
  const [positions, kernelSize] = (trained.inputs[0] as tfl.SymbolicTensor).shape.slice(1) as [number, number];
  const rest = width - sequence.length;
  const features = tfl.input({ shape: [width], name: 'features' });
  const selectPatches = tfl.layers.dense({ units: positions * kernelSize, useBias: false, trainable: false, name: 'select_lag_patches' });
  const patches = tfl.layers.reshape({ targetShape: [positions, kernelSize], name: 'lag_patches' }).apply(selectPatches.apply(features)) as tfl.SymbolicTensor;
  const inputs = [patches];
  const patchKernel = new Float32Array(width * positions * kernelSize);
  for (let p = 0; p < positions; p++) {
    for (let j = 0; j < kernelSize; j++) patchKernel[(sequence.start + p + j) * positions * kernelSize + p * kernelSize + j] = 1;
  }
  const kernels: [tfl.layers.Layer, tf.Tensor][] = [[selectPatches, tf.tensor2d(patchKernel, [width, positions * kernelSize])]];
  if (rest > 0) {
    const selectOther = tfl.layers.dense({ units: rest, useBias: false, trainable: false, name: 'select_other' });
    inputs.push(selectOther.apply(features) as tfl.SymbolicTensor);
    const otherKernel = new Float32Array(width * rest);
    let column = 0;
    for (let i = 0; i < width; i++) if (i < sequence.start || i >= sequence.start + sequence.length) otherKernel[i * rest + column++] = 1;
    kernels.push([selectOther, tf.tensor2d(otherKernel, [width, rest])]);
  }
  const model = tfl.model({ inputs: features, outputs: trained.apply(inputs) as tfl.SymbolicTensor, name: `${trained.name}_on_feature_rows` });
  for (const [layer, kernel] of kernels) {
    layer.setWeights([kernel]);
    kernel.dispose();
  }
  return model;
}
