import type { NotebookConfig } from '../lib/notebook/config';
import type { ExploreResult } from '../lib/eda/explore-sales';
import type { SalesOverTime } from '../lib/eda/aggregate-sales-over-time';
import type { DataClient } from '../workers/data-client';

/**
 * The Explore stage: the numbers come from src/lib/eda running in the data worker, over the cleaned table;
 * the page keeps only the small result. The sales-over-time view has its own cell so changing the grouping
 * recomputes one aggregate, not the whole stage.
 */
export class ExploreState {
  result = $state.raw<ExploreResult | null>(null);
  overTime = $state.raw<SalesOverTime | null>(null);

  readonly #client: DataClient;

  constructor(client: DataClient) {
    this.#client = client;
  }

  /** Runner of the 'explore.summary' cell. */
  async summarize(config: NotebookConfig, defaultGroupKey: string | null): Promise<void> {
    const groupKey = config.explore.key ?? defaultGroupKey;
    this.result = await this.#client.api.explore({ seed: config.seed, ...(groupKey !== null ? { groupKey } : {}) });
  }

  /** Runner of the 'explore.charts' cell. */
  async chart(config: NotebookConfig, cleaned: { seriesLabels: readonly string[]; defaultGroupKey: string | null } | null): Promise<void> {
    const { by, series } = config.explore;
    const seriesLabels = cleaned?.seriesLabels ?? [];
    const key = config.explore.key ?? cleaned?.defaultGroupKey ?? null;
    if (by === 'series') {
      const index = Math.max(0, series === null ? 0 : seriesLabels.indexOf(series));
      this.overTime = await this.#client.api.salesOverTime({ by: 'series', series: index });
    } else if (by === 'key') {
      this.overTime = await this.#client.api.salesOverTime({ by: 'key', ...(key !== null ? { key } : {}) });
    } else {
      this.overTime = await this.#client.api.salesOverTime({ by: 'total' });
    }
  }
}
