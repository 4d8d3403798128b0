/**
 * Storage failures as one typed error the UI can show: `kind` says what happened, `message` what to do.
 *
 *   DOMException / Dexie error (possibly wrapped: .inner, .cause, BulkError.failures) ──► toStorageError ──► StorageError
 *
 * Pure: it reads error names, so it needs neither Dexie nor the DOM.
 */
import { storageErrorMessages } from '../messages/storage';

export type StorageErrorKind =
  /** The browser's quota for this site is used up; nothing was written. */
  | 'quota'
  /** An upgrade waits for another tab holding an older version of the database. */
  | 'blocked'
  /** Another tab upgraded (or deleted) the database; this connection was closed. */
  | 'version-change'
  /** IndexedDB cannot be used here (private mode, disabled, broken); the app runs in memory. */
  | 'unavailable'
  /** The stored database is newer than this app; the app runs in memory. */
  | 'newer-version'
  /** The connection was closed (after a version change or a failed open). */
  | 'closed'
  | 'unknown';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly kind: StorageErrorKind;

  constructor(kind: StorageErrorKind, options: { cause?: unknown; message?: string } = {}) {
    super(options.message ?? defaultMessage(kind, options.cause), { cause: options.cause });
    this.kind = kind;
  }
}

function defaultMessage(kind: StorageErrorKind, cause: unknown): string {
  if (kind !== 'unknown') return storageErrorMessages[kind];
  return storageErrorMessages.unknown(describe(cause));
}

function describe(error: unknown): string {
  if (error && typeof error === 'object') {
    const { name, message } = error as { name?: unknown; message?: unknown };
    const text = [name, message].filter((part) => typeof part === 'string' && part !== '').join(': ');
    if (text) return text;
  }
  return String(error);
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** DOMException.QUOTA_EXCEEDED_ERR, for old engines that set only the legacy code. */
const QUOTA_CODE = 22;
const UNAVAILABLE_NAMES = new Set(['MissingAPIError', 'OpenFailedError', 'SecurityError']);

/** Map any error thrown by storage code to a StorageError (a StorageError is returned as is). */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const chain = errorChain(error);
  const names = chain.map((item) => item.name);
  if (chain.some((item) => QUOTA_NAMES.has(item.name) || item.code === QUOTA_CODE)) {
    return new StorageError('quota', { cause: error });
  }
  if (names.includes('VersionError')) return new StorageError('newer-version', { cause: error });
  if (names.some((name) => UNAVAILABLE_NAMES.has(name))) return new StorageError('unavailable', { cause: error });
  if (names.includes('DatabaseClosedError')) return new StorageError('closed', { cause: error });
  return new StorageError('unknown', { cause: error });
}

interface ErrorLike {
  name: string;
  code: unknown;
}

/** The error and everything it wraps (Dexie's `inner`, standard `cause`, a BulkError's `failures`), outermost first. */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 32) {
    const item = queue.shift();
    if (!item || typeof item !== 'object' || seen.has(item)) continue;
    seen.add(item);
    const { name, code, inner, cause, failures } = item as Record<string, unknown>;
    chain.push({ name: typeof name === 'string' ? name : '', code });
    queue.push(inner, cause);
    if (Array.isArray(failures)) queue.push(...failures);
    else if (failures && typeof failures === 'object') queue.push(...Object.values(failures));
  }
  return chain;
}
