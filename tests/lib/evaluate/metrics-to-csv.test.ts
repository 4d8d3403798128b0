import { describe, expect, it } from 'vitest';
import { metricsToCsv } from '../../../src/lib/evaluate/metrics-to-csv';

describe('metricsToCsv(rows)', () => {
  it('writes one column per key in first-seen order, numbers at full precision, undefined metrics as empty cells', () => {
    const csv = metricsToCsv([
      { key: 1, mae: 0.1 + 0.2, mape: null },
      { key: 2, mae: NaN, label: 'store 1, "north"' },
    ]);
    expect(csv).toBe('key,mae,mape,label\n1,0.30000000000000004,,\n2,,,"store 1, ""north"""\n');
  });

  it('writes just the header line for no rows', () => {
    expect(metricsToCsv([])).toBe('\n');
  });
});
