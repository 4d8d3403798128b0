import { parseBackup, type BackupResult } from './parse-backup';
import { verifyBackup } from './verify-backup';

/** parseBackup, then verifyBackup: the one check to pass before a backup may touch stored data. */
export async function readBackup(text: string): Promise<BackupResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const verified = await verifyBackup(parsed.backup);
  return verified.ok ? parsed : verified;
}
