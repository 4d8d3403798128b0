import { runsLabels } from '../messages/runs';

/** A run's wall time for a table: "42 s", "3 min 5 s", "1 h 2 min"; "–" when unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return runsLabels.noValue;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return runsLabels.durationSeconds(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return runsLabels.durationMinutes(minutes, seconds % 60);
  return runsLabels.durationHours(Math.floor(minutes / 60), minutes % 60);
}
