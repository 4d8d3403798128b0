import { hashBytes, hashText } from '../data/hash-bytes';

/**
 * Lower-case hex SHA-256 of some bytes (a string counts as its UTF-8 bytes), through Web Crypto
 * (`globalThis.crypto.subtle`: browsers, workers and Node ≥ 20). A dataset's key is this hash of its content.
 */
export function sha256Hex(data: string | Uint8Array): Promise<string> {
  return typeof data === 'string' ? hashText(data) : hashBytes(data);
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
