/**
 * JSON for values IndexedDB keeps but JSON does not: binary (trained weights) and non-finite numbers
 * (a metric that is NaN). They become tagged objects and come back on the way in:
 *
 *   Float32Array [1, 2]  ⇄  { "$binary": "AACAPwAAAEA=", "$type": "Float32Array" }
 *   NaN                  ⇄  { "$number": "NaN" }
 *
 * Everything else passes through as is (Dates become their ISO text, as JSON.stringify does).
 */
import { decodeBase64, encodeBase64 } from './base64';

const BINARY_TYPES = {
  ArrayBuffer: null,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type BinaryType = keyof typeof BINARY_TYPES;

const NON_FINITE = ['NaN', 'Infinity', '-Infinity'] as const;

export function toJsonSafe(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof ArrayBuffer) return { $binary: encodeBase64(new Uint8Array(value)), $type: 'ArrayBuffer' };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { $binary: encodeBase64(bytes), $type: value.constructor.name };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonSafe);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) setOwn(out, key, toJsonSafe(item));
  }
  return out;
}

/** Thrown by fromJsonSafe when a tagged binary value is damaged; `path` reads like `runs[0].artifacts.weights`. */
export class JsonSafeError extends Error {
  constructor(readonly path: string) {
    super(`damaged binary value at ${path}`);
  }
}

export function fromJsonSafe(value: unknown, path = ''): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, index) => fromJsonSafe(item, `${path}[${index}]`));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 2 && typeof record.$binary === 'string' && isBinaryType(record.$type)) {
    try {
      return revive(record.$binary, record.$type);
    } catch {
      throw new JsonSafeError(path);
    }
  }
  if (keys.length === 1 && NON_FINITE.includes(record.$number as (typeof NON_FINITE)[number])) {
    return Number(record.$number);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) setOwn(out, key, fromJsonSafe(record[key], path ? `${path}.${key}` : key));
  return out;
}

function isBinaryType(type: unknown): type is BinaryType {
  return typeof type === 'string' && Object.hasOwn(BINARY_TYPES, type);
}

function revive(base64: string, type: BinaryType): unknown {
  const bytes = decodeBase64(base64);
  const Type = BINARY_TYPES[type];
  return Type === null ? bytes.buffer : new Type(bytes.buffer);
}

/** Like `out[key] = value`, but a key named "__proto__" stays a plain key instead of replacing the prototype. */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
