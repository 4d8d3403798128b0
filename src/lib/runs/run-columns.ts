// The runs table's data columns, in order (shared by the header and the rows so they never disagree).
import type { RunSortKey } from './sort-runs';

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
