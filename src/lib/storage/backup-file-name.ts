import { localDate } from './format-timestamp';

/** `forecast-lab-backup-2024-05-01.json`, dated in the user's time zone. */
export function backupFileName(date: Date): string {
  return `forecast-lab-backup-${localDate(date)}.json`;
}

/** `forecast-lab-run-1a2b3c4d-2024-05-01.json`: one run that could not be stored, as a backup file of its own. */
export function runFileName(runId: string, date: Date): string {
  return `forecast-lab-run-${runId.slice(0, 8)}-${localDate(date)}.json`;
}
