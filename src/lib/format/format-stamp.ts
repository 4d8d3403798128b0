import { formatTimestamp } from '../storage/format-timestamp';

/** A timestamp as the tables show it (runs, the registry's audit trail): local "YYYY-MM-DD HH:MM"; "–" when there is none. */
export function formatStamp(iso: string | null): string {
  return iso === null ? '–' : formatTimestamp(iso);
}
