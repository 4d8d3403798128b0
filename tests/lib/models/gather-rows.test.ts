import { describe, expect, it } from 'vitest';
import { gatherRows } from '../../../src/lib/models/gather-rows';

describe('gatherRows({ source, width, order, from, to })', () => {
  const source = new Float32Array([0, 1, 10, 11, 20, 21, 30, 31]); // 4 rows × 2

  it('copies rows order[from…to) into a dense batch, in that order', () => {
    const order = new Uint32Array([3, 0, 2, 1]);
    expect(Array.from(gatherRows({ source, width: 2, order, from: 1, to: 3 }))).toEqual([0, 1, 20, 21]);
    expect(Array.from(gatherRows({ source, width: 2, order, from: 0, to: 4 }))).toEqual([30, 31, 0, 1, 20, 21, 10, 11]);
  });

  it('returns a new array each time (a batch never aliases the source or another batch)', () => {
    const order = new Uint32Array([0, 1]);
    const batch = gatherRows({ source, width: 2, order, from: 0, to: 2 });
    batch[0] = 99;
    expect(source[0]).toBe(0);
    expect(gatherRows({ source, width: 2, order, from: 0, to: 2 })[0]).toBe(0);
  });

  it('gathers a target column with width 1', () => {
    const y = new Float32Array([5, 6, 7]);
    expect(Array.from(gatherRows({ source: y, width: 1, order: new Uint32Array([2, 0]), from: 0, to: 2 }))).toEqual([7, 5]);
  });
});
