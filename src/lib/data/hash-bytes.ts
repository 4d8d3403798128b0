/**
 * The SHA-256 of a file's bytes as lower-case hex: the identity of an imported dataset in a run's lineage (the same
 * bytes give the same hash in any browser, worker or Node ≥ 20, through the standard `crypto.subtle`).
 */
export async function hashBytes(bytes: Uint8Array): Promise<string> {
  // subtle.digest wants a BufferSource over a plain ArrayBuffer; a view of a SharedArrayBuffer is copied first.
  const input = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', input);
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** `hashBytes` of a text's UTF-8 encoding (how a .csv file holds it, byte-order mark aside). */
export function hashText(text: string): Promise<string> {
  return hashBytes(new TextEncoder().encode(text));
}
