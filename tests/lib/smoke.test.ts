import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';

describe('toolchain', () => {
  it('arquero sums a column in Node', () => {
    const t = aq.table({ x: [1, 2, 3] });
    expect(t.rollup({ s: aq.op.sum('x') }).get('s', 0)).toBe(6);
  });
});
