/**
 * A stored run as the runs table can trust it. Rows come from IndexedDB, written by this or another version of the
 * app, by a run cut off half-way, or imported from a backup: nothing in them is taken on faith.
 *
 *   unknown row ──► 1. envelope (id, status, config): without it the run cannot be opened ──► 'unreadable' + problem
 *               ──► 2. the stored shape (src/lib/storage/record-schemas.ts, checked as the row was read): a row that
 *                      fails it is quarantined, no stage may use it ──► 'unreadable' + what is wrong
 *               ──► 3. results (RunMetrics, src/lib/runs/types.ts), read field by field: a broken model is left out,
 *                      a broken number becomes null, results that are not results become null + a note
 * Before reading, the page drops each row's artifacts (withoutArtifacts) and puts the newest first (newestFirst),
 * both without trusting the row either.
 */
import { finiteOrNull } from '../core/finite';
import { runProblems } from '../messages/runs';
import { storedRunMessages } from '../messages/storage';
import type { BackendName } from '../models/train-types';
import { RUN_STATUSES, type JsonObject, type RunStatus } from '../storage/records';
import type { HeadlineKey, HeadlineMetrics } from './types';

/** 'unreadable' is not a stored status: it is how the table shows a stored row it cannot make sense of. */
export type RunRowStatus = RunStatus | 'unreadable';
export const RUN_ROW_STATUSES: readonly RunRowStatus[] = [...RUN_STATUSES, 'unreadable'];

export const HEADLINE_KEYS: readonly HeadlineKey[] = ['wape', 'mase', 'mae', 'rmse', 'smape', 'bias', 'coverage80', 'cost'];

/** One epoch of a training history; a loss that was not a finite number is null. */
export interface ReadEpoch {
  epoch: number;
  loss: number | null;
  valLoss: number | null;
}

export interface ReadWindow {
  window: string;
  history: ReadEpoch[];
}

export interface ReadModel {
  name: string;
  family: 'baseline' | 'neural' | null;
  backtest: HeadlineMetrics;
  windows: ReadWindow[];
}

export interface ReadMetrics {
  backend: BackendName | null;
  horizon: number | null;
  folds: number | null;
  models: ReadModel[];
  best: string | null;
  baseline: string | null;
}

export interface ReadRun {
  /** The row's key as text; '' when it has none. */
  id: string;
  created: string | null;
  updated: string | null;
  status: RunRowStatus;
  /** Null only when status is 'unreadable'. */
  config: JsonObject | null;
  dataHash: string | null;
  durationMs: number | null;
  appVersion: string | null;
  /** Null while a run has none, or when they could not be read (then `note` says so). */
  metrics: ReadMetrics | null;
  /** Why the run cannot be opened or compared; null when it can. */
  problem: string | null;
  /** A remark on a part that could not be read; null when none. */
  note: string | null;
}

const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** `damage`: why the row failed its stored shape (checkRecord), when it did. */
export function readRun(record: unknown, options: { damage?: string | null } = {}): ReadRun {
  // 1. Envelope.
  if (!isObject(record)) return unreadable('', runProblems.notAnObject, record);
  const id = typeof record.id === 'string' && record.id !== '' ? record.id : finiteOrNull(record.id)?.toString() ?? '';
  if (id === '') return unreadable('', runProblems.noId, record);
  const status = RUN_STATUSES.find((s) => s === record.status);
  if (status === undefined) return unreadable(id, runProblems.badStatus(describe(record.status)), record);
  if (!isObject(record.config)) return unreadable(id, runProblems.noConfig, record);

  // 2. Stored shape.
  if (options.damage) return unreadable(id, storedRunMessages.damaged(options.damage), record);

  // 3. Results.
  const metrics = record.metrics === null || record.metrics === undefined ? null : readMetrics(record.metrics);
  const broken = metrics === null && record.metrics !== null && record.metrics !== undefined;
  const notSaved = typeof record.notSaved === 'string' ? storedRunMessages.notSavedNote : null;
  return {
    ...basics(record),
    id,
    status,
    config: record.config,
    metrics,
    problem: null,
    note: broken ? runProblems.metricsUnreadable : notSaved,
  };
}

/**
 * A stored run without its artifacts (trained weights can be megabytes per run): the runs table and the comparison
 * need the config and the results only, so the weights of a long list of runs are not kept in memory.
 * Anything that is not an object is passed through for readRun to judge.
 */
export function withoutArtifacts<T>(record: T): T {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  return { ...record, artifacts: null };
}

/**
 * Stored runs newest first by their `created` timestamp (ISO text sorts by time); rows without a readable one go
 * last, in the order they came. Never drops a row, however malformed.
 */
export function newestFirst<T>(records: readonly T[]): T[] {
  const created = (record: T): string | null => {
    const value = typeof record === 'object' && record !== null ? (record as { created?: unknown }).created : undefined;
    return typeof value === 'string' ? value : null;
  };
  return records
    .map((record, index) => ({ record, index, created: created(record) }))
    .sort((a, b) => {
      if (a.created === b.created) return a.index - b.index;
      if (a.created === null || b.created === null) return a.created === null ? 1 : -1;
      return a.created < b.created ? 1 : -1;
    })
    .map(({ record }) => record);
}

function unreadable(id: string, problem: string, record: unknown): ReadRun {
  return {
    ...basics(isObject(record) ? record : {}),
    id,
    status: 'unreadable',
    config: null,
    metrics: null,
    problem,
    note: null,
  };
}

function basics(record: Record<string, unknown>): Pick<ReadRun, 'created' | 'updated' | 'dataHash' | 'durationMs' | 'appVersion'> {
  const duration = finiteOrNull(record.durationMs);
  return {
    created: text(record.created),
    updated: text(record.updated),
    dataHash: text(record.dataHash),
    durationMs: duration !== null && duration >= 0 ? duration : null,
    appVersion: text(record.appVersion),
  };
}

/** RunMetrics read leniently; null when `value` does not look like results at all (no list of models). */
export function readMetrics(value: unknown): ReadMetrics | null {
  if (!isObject(value) || !Array.isArray(value.models)) return null;
  return {
    backend: BACKENDS.find((b) => b === value.backend) ?? null,
    horizon: finiteOrNull(value.horizon),
    folds: finiteOrNull(value.folds),
    models: value.models.flatMap(readModel),
    best: text(value.best),
    baseline: text(value.baseline),
  };
}

function readModel(value: unknown): ReadModel[] {
  if (!isObject(value) || typeof value.name !== 'string' || value.name === '') return [];
  const backtest = isObject(value.backtest) ? value.backtest : {};
  const windows = Array.isArray(value.windows) ? value.windows : [];
  return [
    {
      name: value.name,
      family: value.family === 'baseline' || value.family === 'neural' ? value.family : null,
      backtest: Object.fromEntries(HEADLINE_KEYS.map((key) => [key, finiteOrNull(backtest[key])])) as unknown as HeadlineMetrics,
      windows: windows.flatMap((window, i) =>
        isObject(window) ? [{ window: text(window.window) ?? `window ${i + 1}`, history: readHistory(window.history) }] : [],
      ),
    },
  ];
}

function readHistory(value: unknown): ReadEpoch[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!isObject(entry)) return [];
    const epoch = finiteOrNull(entry.epoch);
    return epoch === null ? [] : [{ epoch, loss: finiteOrNull(entry.loss), valLoss: finiteOrNull(entry.valLoss) }];
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `“${value.slice(0, 40)}”`;
  if (value === undefined) return '(missing)';
  return String(value).slice(0, 40);
}
