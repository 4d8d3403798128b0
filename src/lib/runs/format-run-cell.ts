/** The text of one cell of the runs table, for every sortable column; "–" where a run has no value. */
import { formatMetric, HEADLINE_FORMAT } from '../format/format-metric';
import { formatStamp } from './format-stamp';
import { formatDuration } from './format-duration';
import type { RunSortKey } from './sort-runs';
import type { RunRow } from './summarize-run';

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
