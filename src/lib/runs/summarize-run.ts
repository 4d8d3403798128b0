/**
 * One row of the runs table per stored run: what it trained on, how it ended, and how its best model scored.
 * Interrupted, failed and running runs have no results: their row shows the status and "–" for the numbers.
 * A row that cannot be read at all still gets a row (status 'unreadable', with the reason), so the table never breaks.
 */
import { runsLabels } from '../messages/runs';
import type { BackendName } from '../models/train-types';
import { readRun, type ReadRun, type RunRowStatus } from './read-run';

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

/** `damage`: why the row failed its stored shape, when it did (see readRun). */
export function summarizeRun(record: unknown, options: { damage?: string | null } = {}): RunRow {
  return summarizeReadRun(readRun(record, options));
}

function summarizeReadRun(run: ReadRun): RunRow {
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

/** The first `length` characters of an id or hash, enough to tell runs and datasets apart in a table. */
export function shortId(id: string, length = 8): string {
  return id.length <= length ? id : id.slice(0, length);
}

/**
 * A readable name for the dataset a run's config points at (NotebookConfig.dataset), read defensively because the
 * config comes from storage: an imported file's name, a built-in file, or the example's size. Null when unknown.
 */
export function datasetLabel(ref: unknown): string | null {
  if (typeof ref !== 'object' || ref === null) return null;
  const r = ref as Record<string, unknown>;
  if (r.kind === 'imported' && typeof r.name === 'string' && r.name !== '') return r.name;
  if (r.kind === 'builtin' && typeof r.file === 'string') return r.file;
  if (r.kind === 'example' && typeof r.stores === 'number' && typeof r.products === 'number' && typeof r.days === 'number') {
    return runsLabels.exampleDataset(r.stores, r.products, r.days);
  }
  return null;
}
