import { describe, expect, it } from 'vitest';
import { JsonSafeError, fromJsonSafe, toJsonSafe } from '../../../src/lib/storage/to-json-safe';

describe('toJsonSafe(value) / fromJsonSafe(json)', () => {
  it('round-trips typed arrays, ArrayBuffers and non-finite numbers through JSON text', () => {
    const value = {
      weights: new Float32Array([0.1, -2, 3e10]),
      ids: new BigInt64Array([1n, -2n]),
      raw: new Uint8Array([0, 255, 7]).buffer,
      metrics: { mape: Number.NaN, max: Number.POSITIVE_INFINITY, min: Number.NEGATIVE_INFINITY, mae: 1.5 },
      nested: [{ a: 'x' }, null, true],
    };
    const back = fromJsonSafe(JSON.parse(JSON.stringify(toJsonSafe(value))));
    expect(back).toEqual(value);
  });

  it('encodes a typed array view of part of a buffer by its own bytes', () => {
    const view = new Int16Array(new Int16Array([1, 2, 3, 4]).buffer, 2, 2);
    expect(fromJsonSafe(toJsonSafe(view))).toEqual(new Int16Array([2, 3]));
  });

  it('keeps a key named __proto__ as a plain key', () => {
    const back = fromJsonSafe(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__']);
  });

  it('names the path of a damaged binary value', () => {
    const damaged = { runs: [{ artifacts: { w: { $binary: 'AAA', $type: 'Float32Array' } } }] };
    expect(() => fromJsonSafe(damaged)).toThrow(JsonSafeError);
    expect(() => fromJsonSafe(damaged)).toThrow('runs[0].artifacts.w');
  });
});
