import type { NotebookConfig } from '../lib/notebook/config';
import type { DataClient } from '../workers/data-client';
import type { FeaturesResult } from '../workers/data-protocol';

/**
 * The Features stage: the feature spec in use (the default for the data unless the user edited it), the backtest
 * plan, a preview of the feature table and each feature's correlation with sales — all computed in the data worker.
 */
export class FeaturesState {
  result = $state.raw<FeaturesResult | null>(null);
  readonly #client: DataClient;

  constructor(client: DataClient) {
    this.#client = client;
  }

  /** Runner of the 'features.build' cell. */
  async build(config: NotebookConfig): Promise<void> {
    this.result = null;
    this.result = await this.#client.api.prepareFeatures({ spec: config.features, horizon: config.horizon, split: config.split });
  }
}
