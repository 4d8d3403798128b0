/**
 * Which runs the table shows: every word of the filter text must appear in one of a run's fields (id, dataset,
 * data hash, status, backend, models, seed), case-insensitively; a status and a dataset narrow it further.
 */
import { runStatusLabels } from '../messages/runs';
import type { RunRowStatus } from './read-run';
import type { RunRow } from './summarize-run';

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
