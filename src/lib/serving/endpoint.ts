import { advancePeriods } from '../core/periods';
import type { SalesData } from '../data/types';
import type { Forecast } from '../models/types';
import type { ModelVersion } from '../registry/types';
import type { SimulatedWorld } from '../scenarios/types';
import { PERIODS_PER_YEAR } from '../scope/cost-model';
import { gridDate, type PeriodGrid } from '../core/period-grid';
import { servedSummary, totalActuals, writeStep } from './served-totals';
import { mergeForecasts, seriesViews } from './series-views';
import type { ModelHost, PeriodRecord, ServingModel, SimulationSnapshot } from '../ops/types';
import { routeSeries } from './route-series';
import type { SimulationConfig } from './simulation-config';
import { summarizeLatency, type LatencySummary } from './summarize-latency';

export interface EndpointOptions {
  world: SimulatedWorld;
  grid: PeriodGrid;
  host: ModelHost;
  simulation: SimulationConfig;
  horizon: number;
  seed: number;
  /** Periods in monitoring's current window: the champion's reference predictions reach back a year and two of them. */
  monitoringWindow: number;
}

/**
 * The simulated endpoint: the loaded champion (and challenger), the requests they answer each period, and the log of
 * what they answered. Kept per target period, one value per series: the served next-period forecast, the champion's
 * and the challenger's (shadow or canary), which is all monitoring and the challenger's comparison read.
 */
export class Endpoint {
  /** Per target period × series (`[t * series + s]`), NaN where nobody forecast it. */
  readonly served: Float64Array;
  readonly championForecast: Float64Array;
  readonly challengerForecast: Float64Array;
  /** The champion's one-step-ahead predictions on the reference rows: prediction drift's reference. */
  referencePredictions: Float64Array = new Float64Array(0);
  lastForecast: SimulationSnapshot['lastForecast'] = [];

  readonly #options: EndpointOptions;
  readonly #totals: Map<number, number>;
  #champion: ServingModel | null = null;
  #challenger: ServingModel | null = null;
  /** One-series views of the world, for online requests (built on the first). */
  #views: { series: number; view: SalesData }[] | null = null;
  readonly #latencies: number[] = [];
  /** Latency samples of the last few periods, for the rolling percentiles of the timeline. */
  readonly #recent: number[][] = [];
  #elapsedMs = 0;
  #requests = 0;
  #errors = 0;

  constructor(options: EndpointOptions) {
    this.#options = options;
    const cells = options.grid.dates.length * options.grid.series;
    this.served = new Float64Array(cells).fill(NaN);
    this.championForecast = new Float64Array(cells).fill(NaN);
    this.challengerForecast = new Float64Array(cells).fill(NaN);
    this.#totals = totalActuals(options.world.data, options.grid);
  }

  get champion(): string | null {
    return this.#champion?.versionId ?? null;
  }

  get challenger(): string | null {
    return this.#challenger?.versionId ?? null;
  }

  /** Replace the champion by `version` and let it answer the reference rows. */
  async serveChampion(version: ModelVersion): Promise<void> {
    this.#champion?.dispose();
    this.#champion = await this.#load(version);
    await this.#predictReference();
  }

  /** Load `version` as the challenger, beside the champion; `artifact` is what the host's retrain gave back. */
  async serveChallenger(version: ModelVersion, artifact?: unknown): Promise<void> {
    this.#challenger?.dispose();
    this.#challenger = await this.#load(version, artifact);
  }

  dropChallenger(): void {
    this.#challenger?.dispose();
    this.#challenger = null;
  }

  /** The challenger takes the champion's place (already loaded: no request goes unanswered). */
  async promoteChallenger(): Promise<void> {
    this.#champion?.dispose();
    this.#champion = this.#challenger;
    this.#challenger = null;
    await this.#predictReference();
  }

  /** Forecast t+1 … t+H from actuals through `known`, for every series, and log the next-period forecasts. */
  async serve(t: number, known: number): Promise<void> {
    const { world: { data }, grid, horizon, simulation } = this.#options;
    const before = this.#latencies.length;
    const cutoff = gridDate(grid, known);
    const lead = t - known; // periods between the last actual and now
    const request = { cutoff, horizon: lead + horizon };
    const champion = this.#champion as ServingModel;
    const championForecast = simulation.mode === 'online' ? await this.#serveOnline(champion, request) : await this.#timed(() => champion.forecast(data, request));
    const routing = simulation.routing;
    const challenger = routing.kind === 'champion-only' ? null : this.#challenger;
    const challengerForecast = challenger ? await this.#timed(() => challenger.forecast(data, request), routing.kind === 'shadow') : null;
    const next = t + 1;
    if (next < grid.dates.length) {
      const S = grid.series;
      const canary = routing.kind === 'canary' && challengerForecast ? routeSeries({ seriesLabels: data.seriesLabels, canaryPercent: routing.canaryPercent, seed: this.#options.seed }) : null;
      writeStep(championForecast, lead + 1, (s, value) => {
        this.championForecast[next * S + s] = value;
        this.served[next * S + s] = value;
      });
      if (challengerForecast) {
        writeStep(challengerForecast, lead + 1, (s, value) => {
          this.challengerForecast[next * S + s] = value;
          if (canary && canary[s] === 1) this.served[next * S + s] = value;
        });
      }
    }
    this.lastForecast = servedSummary({ forecast: championForecast, lead, knownDate: cutoff, served: this.served, grid, totals: this.#totals, period: t, horizon });
    this.#recent.push(this.#latencies.slice(before));
    if (this.#recent.length > LATENCY_PERIODS) this.#recent.shift();
  }

  /** Latency of every request served so far. */
  latency(): LatencySummary {
    return summarizeLatency(this.#latencies, { elapsedMs: this.#elapsedMs, requests: this.#requests, errors: this.#errors });
  }

  /** Latency percentiles over the last few periods, as a serving dashboard draws them. */
  recentLatency(): PeriodRecord['latency'] {
    const { p50, p95, p99 } = summarizeLatency(this.#recent.flat(), { elapsedMs: 0, requests: 0, errors: 0 });
    return { p50, p95, p99 };
  }

  dispose(): void {
    this.#champion?.dispose();
    this.#challenger?.dispose();
    this.#champion = null;
    this.#challenger = null;
  }

  async #load(version: ModelVersion, artifact?: unknown): Promise<ServingModel> {
    const model = await this.#options.host.load(version, artifact);
    model.prepare(this.#options.world.data);
    return model;
  }

  /** The reference rows: the window a year back that monitoring compares with, and a week on either side. */
  async #predictReference(): Promise<void> {
    if (!this.#champion) return;
    const { world: { data }, grid, monitoringWindow } = this.#options;
    const back = PERIODS_PER_YEAR[data.frequency] + 2 * monitoringWindow + 7;
    this.referencePredictions = await this.#champion.predictRows(data, { from: advancePeriods(grid.historyEnd, -back, data.frequency), to: grid.historyEnd });
  }

  /**
   * 'online' mode: one request per series, each a forecast of that series' rows alone, timed one by one (slower per
   * prediction than a batch, as an online endpoint is); the answers are put back together as one forecast.
   */
  async #serveOnline(model: ServingModel, request: { cutoff: number; horizon: number }): Promise<Forecast> {
    this.#views ??= seriesViews(this.#options.world.data);
    const parts: { series: number; forecast: Forecast }[] = [];
    for (const { series, view } of this.#views) {
      parts.push({ series, forecast: await this.#timed(() => model.forecast(view, request)) });
    }
    return mergeForecasts(parts);
  }

  /** Time a request; a shadow request is timed but not counted as served traffic. */
  async #timed<T>(request: () => Promise<T>, shadow = false): Promise<T> {
    const started = now();
    try {
      const result = await request();
      const ms = now() - started;
      if (!shadow) {
        this.#latencies.push(ms);
        this.#requests += 1;
        this.#elapsedMs += ms;
      }
      return result;
    } catch (error) {
      if (!shadow) {
        this.#errors++;
        this.#requests++;
      }
      throw error;
    }
  }
}

const LATENCY_PERIODS = 7;

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
