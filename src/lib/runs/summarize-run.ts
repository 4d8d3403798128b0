/**
 * One row of the runs table per stored run: what it trained on, how it ended, and how its best model scored.
 * Interrupted, failed and running runs have no results: their row shows the status and "–" for the numbers.
 * A row that cannot be read at all still gets a row (status 'unreadable', with the reason), so the table never breaks.
 */
import type { BackendName } from '../models/train-types';
import { datasetLabel } from './dataset-label';
import { readRun, type ReadRun, type RunRowStatus } from './read-run';
import { shortId } from './short-id';

export interface RunRow {
  /** The run's id; '' for a stored row without one. */
  id: string;
  shortId: string;
  created: string | null;
  status: RunRowStatus;
  /** Why the run cannot be opened or compared; null when it can. */
  problem: string | null;
  /** A remark on a part that could not be read (its results); null when none. */
  note: string | null;
  /** The dataset's name from the run's config; null when unknown. */
  dataset: string | null;
  dataHash: string | null;
  dataHashShort: string | null;
  durationMs: number | null;
  backend: BackendName | null;
  /** The best neural model by the Scope's primary metric; null without results. */
  bestModel: string | null;
  /** The best model's backtest scores. */
  wape: number | null;
  mase: number | null;
  cost: number | null;
  /** The baseline the best model is compared with, and its backtest WAPE. */
  baseline: string | null;
  baselineWape: number | null;
  seed: number | null;
  /** Periods forecast: the run's own horizon, else the config's. */
  horizon: number | null;
}

export function summarizeRun(record: unknown): RunRow {
  return summarizeReadRun(readRun(record));
}

export function summarizeReadRun(run: ReadRun): RunRow {
  const metrics = run.metrics;
  const best = metrics?.models.find((m) => m.name === metrics.best) ?? null;
  const baseline = metrics?.models.find((m) => m.name === metrics.baseline) ?? null;
  const config = run.config ?? {};
  return {
    id: run.id,
    shortId: shortId(run.id),
    created: run.created,
    status: run.status,
    problem: run.problem,
    note: run.note,
    dataset: datasetLabel(config.dataset),
    dataHash: run.dataHash,
    dataHashShort: run.dataHash === null ? null : shortId(run.dataHash),
    durationMs: run.durationMs,
    backend: metrics?.backend ?? null,
    bestModel: best?.name ?? null,
    wape: best?.backtest.wape ?? null,
    mase: best?.backtest.mase ?? null,
    cost: best?.backtest.cost ?? null,
    baseline: metrics?.baseline ?? null,
    baselineWape: baseline?.backtest.wape ?? null,
    seed: wholeNumber(config.seed),
    horizon: wholeNumber(metrics?.horizon) ?? wholeNumber(config.horizon),
  };
}

function wholeNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}
