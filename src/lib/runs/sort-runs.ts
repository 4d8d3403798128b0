/**
 * The runs table's order: by any column, either way, with missing values (runs without results) always last so a
 * sort by WAPE puts the best finished run on top. Ties fall back to newest first, then id, so the order is stable.
 */
import { RUN_ROW_STATUSES } from './read-run';
import type { RunRow } from './summarize-run';

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
      return newestFirst(a.row, b.row);
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

function newestFirst(a: RunRow, b: RunRow): number {
  const ca = a.created ?? '';
  const cb = b.created ?? '';
  if (ca !== cb) return ca < cb ? 1 : -1;
  return a.id.localeCompare(b.id);
}
