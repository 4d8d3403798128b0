/**
 * About how many bytes a value takes in storage: strings as UTF-8, numbers as 8 bytes, binary and Blobs by their
 * length, objects as the sum of their keys and values. Good enough for a "size" column and for choosing what to
 * delete, not an exact account of the browser's on-disk format.
 */
export function estimateSize(value: unknown): number {
  return _estimateSize(value, new Set());
}

function _estimateSize(value: unknown, seen: Set<object>): number {
  switch (typeof value) {
    case 'string':
      return utf8Length(value);
    case 'number':
    case 'bigint':
      return 8;
    case 'boolean':
      return 4;
    case 'object':
      break;
    default:
      return 0;
  }
  if (value === null || seen.has(value)) return 0;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return value.size;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof Date) return 8;
  seen.add(value);
  let total = 0;
  if (value instanceof Map) {
    for (const [key, item] of value) total += _estimateSize(key, seen) + _estimateSize(item, seen);
  } else if (value instanceof Set || Array.isArray(value)) {
    for (const item of value) total += _estimateSize(item, seen);
  } else {
    for (const [key, item] of Object.entries(value)) total += utf8Length(key) + _estimateSize(item, seen);
  }
  seen.delete(value);
  return total;
}

/** Bytes of a string in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
