/**
 * A dataset's file in and out of a backup. Text stays readable in the JSON (UTF-8, a byte-order mark kept, so the
 * bytes and their hash are unchanged); anything that is not valid UTF-8 goes as base64.
 */
import type { BackupContent } from './backup-format';
import { decodeBase64, encodeBase64 } from './base64';

/** Content stored as a string (`blobType` null) or the bytes of a stored Blob (`blobType` its MIME type). */
export function toBackupContent(content: string | Uint8Array, blobType: string | null): BackupContent {
  if (typeof content === 'string') return { encoding: 'utf-8', data: content, blobType };
  try {
    const data = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
    return { encoding: 'utf-8', data, blobType };
  } catch {
    return { encoding: 'base64', data: encodeBase64(content), blobType };
  }
}

/** The content's bytes, exactly as they were stored. */
export function backupContentBytes(content: BackupContent): Uint8Array<ArrayBuffer> {
  return content.encoding === 'base64' ? decodeBase64(content.data) : new TextEncoder().encode(content.data);
}
