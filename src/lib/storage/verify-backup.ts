import { backupMessages } from '../messages/storage';
import { backupContentBytes } from './backup-content';
import type { Backup } from './backup-format';
import { sha256Hex } from './sha256-hex';

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/**
 * Check what parseBackup cannot without hashing: each dataset's content has the SHA-256 its key claims,
 * so a damaged or edited file is caught before it replaces anything. Datasets without content pass.
 */
export async function verifyBackup(backup: Backup): Promise<VerifyResult> {
  for (const [index, dataset] of backup.datasets.entries()) {
    if (dataset.content === null) continue;
    const actual = await sha256Hex(backupContentBytes(dataset.content));
    if (actual !== dataset.hash) return { ok: false, reason: backupMessages.hashMismatch(`datasets[${index}].content`) };
  }
  return { ok: true };
}
