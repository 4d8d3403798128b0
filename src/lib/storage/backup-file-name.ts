import { localDate } from './format-timestamp';

/** `forecast-lab-backup-2024-05-01.json`, dated in the user's time zone. */
export function backupFileName(date: Date): string {
  return `forecast-lab-backup-${localDate(date)}.json`;
}
