import { describe, expect, it } from 'vitest';
import { storageErrorMessages } from '../../../src/lib/messages/storage';
import { StorageError, toStorageError } from '../../../src/lib/storage/storage-error';

describe('toStorageError(error)', () => {
  it('maps a QuotaExceededError DOMException to kind "quota" with the message saying what to do', () => {
    const error = toStorageError(new DOMException('x', 'QuotaExceededError'));
    expect(error).toBeInstanceOf(StorageError);
    expect(error.kind).toBe('quota');
    expect(error.message).toBe(storageErrorMessages.quota);
    expect(error.message).toMatch(/^Your browser's storage for this site is full/);
  });

  it('finds a quota error wrapped in .inner, .cause or a bulk error\'s failures', () => {
    const quota = new DOMException('x', 'QuotaExceededError');
    expect(toStorageError({ name: 'AbortError', inner: quota }).kind).toBe('quota');
    expect(toStorageError(new Error('write failed', { cause: quota })).kind).toBe('quota');
    expect(toStorageError({ name: 'BulkError', failures: { 3: quota } }).kind).toBe('quota');
    expect(toStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' }).kind).toBe('quota');
  });

  it('maps open failures, newer databases and closed connections', () => {
    expect(toStorageError({ name: 'MissingAPIError' }).kind).toBe('unavailable');
    expect(toStorageError({ name: 'DatabaseClosedError', inner: { name: 'OpenFailedError' } }).kind).toBe('unavailable');
    expect(toStorageError({ name: 'DatabaseClosedError' }).kind).toBe('closed');
    expect(toStorageError({ name: 'VersionError' }).kind).toBe('newer-version');
  });

  it('keeps the detail of an unknown error and returns a StorageError as is', () => {
    const unknown = toStorageError(new TypeError('boom'));
    expect(unknown.kind).toBe('unknown');
    expect(unknown.message).toContain('TypeError: boom');
    const blocked = new StorageError('blocked');
    expect(toStorageError(blocked)).toBe(blocked);
    expect(blocked.message).toBe(storageErrorMessages.blocked);
  });
});
