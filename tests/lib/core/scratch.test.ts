import { describe, expect, it } from 'vitest';
import { Scratch } from '../../../src/lib/core/scratch';

describe('Scratch', () => {
  it('scratch.take(n) and takeInt32(n) hand out views of the asked length that do not overlap until a reset', () => {
    const scratch = new Scratch(8);
    const a = scratch.take(3).fill(1);
    const b = scratch.take(5).fill(2);
    const c = scratch.takeInt32(4).fill(3);
    expect([a.length, b.length, c.length]).toEqual([3, 5, 4]);
    expect(Array.from(a)).toEqual([1, 1, 1]);
    expect(b.buffer).toBe(a.buffer);
  });

  it('scratch.take(n) grows into a new buffer, leaving the views already handed out as they were', () => {
    const scratch = new Scratch(4);
    const before = scratch.take(4).fill(9);
    const after = scratch.take(6).fill(5);
    expect(after.buffer).not.toBe(before.buffer);
    expect(Array.from(before)).toEqual([9, 9, 9, 9]);
  });

  it('scratch.reset() hands the same memory out again', () => {
    const scratch = new Scratch(16);
    const first = scratch.take(10).fill(4);
    scratch.reset();
    const again = scratch.take(10);
    expect(again.buffer).toBe(first.buffer);
    again[0] = 8;
    expect(first[0]).toBe(8);
  });
});
