import type { ColumnDrift } from './column-drift';

export interface DatasetDrift {
  drifted: boolean;
  /** Share of the columns that drifted (0 when there are none). */
  share: number;
  driftedColumns: string[];
  /** The share at which the dataset counts as drifted. */
  threshold: number;
}

/**
 * Evidently's dataset drift: the dataset has drifted when at least `share` (half, by default) of its columns have.
 * A column whose drift could not be measured counts as not drifted. No columns: not drifted.
 */
export function datasetDrift(columns: readonly ColumnDrift[], { share = 0.5 }: { share?: number } = {}): DatasetDrift {
  const driftedColumns = columns.filter((c) => c.drifted).map((c) => c.column);
  const driftedShare = columns.length === 0 ? 0 : driftedColumns.length / columns.length;
  return { drifted: columns.length > 0 && driftedShare >= share, share: driftedShare, driftedColumns, threshold: share };
}
