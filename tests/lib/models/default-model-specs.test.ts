import { describe, expect, it } from 'vitest';
import { defaultNeuralSpecs, MIN_ROWS_FOR_NETWORKS } from '../../../src/lib/models/default-model-specs';
import { DEFAULT_CONFIG } from '../../../src/lib/notebook/config';
import { decodeConfigHash, encodeConfigHash } from '../../../src/lib/notebook/url-hash';

describe('defaultNeuralSpecs(trainRows): the networks a run trains when the link does not list them', () => {
  it('trains the linear model alone on a small table (293 rows: the US retail file), every network from the threshold on', () => {
    expect(defaultNeuralSpecs(293).map((s) => s.kind)).toEqual(['ridge']);
    expect(defaultNeuralSpecs(MIN_ROWS_FOR_NETWORKS - 1).map((s) => s.kind)).toEqual(['ridge']);
    expect(defaultNeuralSpecs(MIN_ROWS_FOR_NETWORKS).map((s) => s.kind)).toEqual(['ridge', 'mlp', 'cnn']);
  });

  it('is the default of a fresh notebook (null in the link), and a link listing networks keeps them whatever the data', () => {
    expect(DEFAULT_CONFIG.models.candidates).toBeNull();
    expect(decodeConfigHash(encodeConfigHash(DEFAULT_CONFIG)).config.models.candidates).toBeNull();
    const listed = { ...DEFAULT_CONFIG, models: { ...DEFAULT_CONFIG.models, candidates: defaultNeuralSpecs(MIN_ROWS_FOR_NETWORKS) } };
    expect(decodeConfigHash(encodeConfigHash(listed)).config.models.candidates?.map((s) => s.kind)).toEqual(['ridge', 'mlp', 'cnn']);
  });
});
