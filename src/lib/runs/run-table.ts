/**
 * The runs table over the rows summarizeRun makes, in the order the page applies them:
 *   1. filter   every word of the filter text must appear in one of a run's fields (id, dataset, data hash, status,
 *               backend, models, seed), case-insensitively; a status and a dataset narrow it further;
 *   2. sort     by any column, either way, with missing values (runs without results) always last so a sort by WAPE
 *               puts the best finished run on top; ties fall back to newest first, then id, so the order is stable;
 *   3. columns  in one list shared by the header and the rows, so they never disagree;
 *   4. cells    each column's text, "–" where a run has no value.
 */
import { formatMetric, HEADLINE_FORMAT } from '../format/format-metric';
import { runsLabels, runStatusLabels } from '../messages/runs';
import { formatStamp } from '../format/format-stamp';
import { RUN_ROW_STATUSES, type RunRowStatus } from './read-run';
import type { RunRow } from './summarize-run';

// 1. Filter -------------------------------------------------------------------------------------------------------

export interface RunFilter {
  text: string;
  /** Null: every status. */
  status: RunRowStatus | null;
  /** Null: every dataset. */
  dataHash: string | null;
}

export const NO_RUN_FILTER: RunFilter = { text: '', status: null, dataHash: null };

export function filterRuns(rows: readonly RunRow[], filter: Partial<RunFilter>): RunRow[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  const status = filter.status ?? null;
  const dataHash = filter.dataHash ?? null;
  return rows.filter((row) => {
    if (status !== null && row.status !== status) return false;
    if (dataHash !== null && row.dataHash !== dataHash) return false;
    if (words.length === 0) return true;
    const haystack = searchText(row);
    return words.every((word) => haystack.includes(word));
  });
}

/** The datasets the runs trained on, for the dataset filter: one entry per data hash, named when a run names it. */
export function runDatasets(rows: readonly RunRow[]): { dataHash: string; label: string }[] {
  const labels = new Map<string, string>();
  for (const row of rows) {
    if (row.dataHash === null) continue;
    if (!labels.has(row.dataHash) || row.dataset !== null) {
      labels.set(row.dataHash, row.dataset === null ? (row.dataHashShort ?? row.dataHash) : `${row.dataset} (${row.dataHashShort})`);
    }
  }
  return [...labels].map(([dataHash, label]) => ({ dataHash, label })).sort((a, b) => a.label.localeCompare(b.label));
}

function searchText(row: RunRow): string {
  return [row.id, row.dataset, row.dataHash, row.status, runStatusLabels[row.status], row.backend, row.bestModel, row.baseline, row.seed]
    .filter((part) => part !== null)
    .join(' ')
    .toLowerCase();
}

// 2. Sort ---------------------------------------------------------------------------------------------------------

export type RunSortKey =
  | 'created' | 'id' | 'dataset' | 'status' | 'durationMs' | 'backend' | 'bestModel'
  | 'wape' | 'mase' | 'cost' | 'baselineWape' | 'seed' | 'horizon';
export type SortDirection = 'ascending' | 'descending';

export interface RunSort {
  key: RunSortKey;
  direction: SortDirection;
}

export const DEFAULT_RUN_SORT: RunSort = { key: 'created', direction: 'descending' };

export function sortRuns(rows: readonly RunRow[], sort: RunSort = DEFAULT_RUN_SORT): RunRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row) => ({ row, value: sortValue(row, sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) return a.value === null ? 1 : -1;
      } else {
        const order = compareValues(a.value, b.value);
        if (order !== 0) return sign * order;
      }
      return newestRowFirst(a.row, b.row);
    })
    .map(({ row }) => row);
}

/** Clicking a column: the same column flips its direction; another starts ascending (newest first for dates). */
export function nextRunSort(current: RunSort, key: RunSortKey): RunSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'created' ? 'descending' : 'ascending' };
}

function sortValue(row: RunRow, key: RunSortKey): string | number | null {
  switch (key) {
    case 'status':
      return RUN_ROW_STATUSES.indexOf(row.status);
    case 'dataset':
      return row.dataset ?? row.dataHash;
    case 'id':
      return row.id === '' ? null : row.id;
    default:
      return row[key];
  }
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

function newestRowFirst(a: RunRow, b: RunRow): number {
  const ca = a.created ?? '';
  const cb = b.created ?? '';
  if (ca !== cb) return ca < cb ? 1 : -1;
  return a.id.localeCompare(b.id);
}

// 3. Columns ------------------------------------------------------------------------------------------------------

export interface RunColumn {
  key: RunSortKey;
  numeric: boolean;
}

/** After the checkbox, the run's id (row header) and its date: status, then the rest. */
export const LEAD_COLUMNS: readonly RunColumn[] = [
  { key: 'id', numeric: false },
  { key: 'created', numeric: false },
  { key: 'status', numeric: false },
];

export const DATA_COLUMNS: readonly RunColumn[] = [
  { key: 'dataset', numeric: false },
  { key: 'durationMs', numeric: true },
  { key: 'backend', numeric: false },
  { key: 'bestModel', numeric: false },
  { key: 'wape', numeric: true },
  { key: 'mase', numeric: true },
  { key: 'cost', numeric: true },
  { key: 'baselineWape', numeric: true },
  { key: 'seed', numeric: true },
  { key: 'horizon', numeric: true },
];

// 4. Cells --------------------------------------------------------------------------------------------------------

export function formatRunCell(row: RunRow, key: RunSortKey): string {
  switch (key) {
    case 'created':
      return formatStamp(row.created);
    case 'id':
      return row.shortId || '–';
    case 'dataset':
      return row.dataset ?? row.dataHashShort ?? '–';
    case 'status':
      return row.status;
    case 'durationMs':
      return formatDuration(row.durationMs);
    case 'wape':
    case 'mase':
    case 'cost':
      return formatMetric(row[key], HEADLINE_FORMAT[key]);
    case 'baselineWape':
      return formatMetric(row.baselineWape, HEADLINE_FORMAT.wape);
    default: {
      const value = row[key];
      return value === null ? '–' : String(value);
    }
  }
}

/** A run's wall time for a table: "42 s", "3 min 5 s", "1 h 2 min"; "–" when unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return runsLabels.noValue;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return runsLabels.durationSeconds(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return runsLabels.durationMinutes(minutes, seconds % 60);
  return runsLabels.durationHours(Math.floor(minutes / 60), minutes % 60);
}
