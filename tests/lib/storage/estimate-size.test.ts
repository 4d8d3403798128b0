import { describe, expect, it } from 'vitest';
import { estimateSize, utf8Length } from '../../../src/lib/storage/estimate-size';

describe('estimateSize(value)', () => {
  it('counts strings as UTF-8, numbers as 8 bytes and binary by its length', () => {
    expect(estimateSize('abc')).toBe(3);
    expect(estimateSize('é€😀')).toBe(2 + 3 + 4);
    expect(estimateSize(1.5)).toBe(8);
    expect(estimateSize(null)).toBe(0);
    expect(estimateSize(new Float32Array(10))).toBe(40);
    expect(estimateSize(new Blob(['hello']))).toBe(5);
  });

  it('sums keys and values of objects and arrays', () => {
    expect(estimateSize({ ab: 'cd', n: [1, 2] })).toBe(2 + 2 + 1 + 16);
  });

  it('counts a shared object each time but does not loop on a cycle', () => {
    const shared = { x: 1 };
    expect(estimateSize([shared, shared])).toBe(2 * (1 + 8));
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(estimateSize(cyclic)).toBe(1 + 8 + 4);
  });
});

describe('utf8Length(text)', () => {
  it('agrees with TextEncoder, lone surrogates included', () => {
    for (const text of ['', 'plain', 'naïve café', '日本語', '😀 ok', '\ud800x']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
