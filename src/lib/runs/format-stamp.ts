import { formatTimestamp } from '../storage/format-timestamp';

/** A run's timestamp as local "YYYY-MM-DD HH:MM"; "–" when it has none. */
export function formatStamp(iso: string | null): string {
  return iso === null ? '–' : formatTimestamp(iso);
}
