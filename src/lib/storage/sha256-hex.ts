/**
 * Lower-case hex SHA-256 of some bytes (a string counts as its UTF-8 bytes), through Web Crypto
 * (`globalThis.crypto.subtle`: browsers, workers and Node ≥ 20). A dataset's key is this hash of its content.
 */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
