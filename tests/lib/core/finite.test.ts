import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { finiteOrNull, meanOfFinite, sortFinite } from '../../../src/lib/core/finite';

describe('finiteOrNull(value) and meanOfFinite(values)', () => {
  it('finiteOrNull(value) keeps finite numbers and makes everything else null', () => {
    expect([finiteOrNull(0), finiteOrNull(-2.5), finiteOrNull(NaN), finiteOrNull(-Infinity), finiteOrNull(null), finiteOrNull('3')])
      .toEqual([0, -2.5, null, null, null, null]);
  });

  it('meanOfFinite(values) averages the finite values only, null when there are none', () => {
    expect(meanOfFinite([1, null, NaN, 3])).toBe(2);
    expect(meanOfFinite([null, Infinity])).toBeNull();
    expect(meanOfFinite([])).toBeNull();
  });
});

describe('sortFinite(values)', () => {
  it('equals filtering out NaN then sorting, for integers (counting sort) and fractions alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: false, min: -1e6, max: 1e6 }), fc.constant(NaN))),
        (values) => {
          const { sorted: result, missing, distinct } = sortFinite(values);
          const expected = Float64Array.from(values.filter(Number.isFinite)).sort();
          expect(Array.from(result)).toEqual(Array.from(expected));
          expect(missing).toBe(values.length - expected.length);
          expect(distinct).toBe(new Set(Array.from(expected, (v) => (Object.is(v, -0) ? 0 : v))).size);
        },
      ),
      { seed: 20240611, numRuns: 300 },
    );
  });
});
