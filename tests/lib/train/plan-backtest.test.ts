import { describe, expect, it } from 'vitest';
import { planBacktest } from '../../../src/lib/train/plan-backtest';
import { selectRows } from '../../../src/lib/train/select-rows';
import { isoDay, makeSales, type SalesRow } from '../eda/make-sales';

function daily(days: number, series = 2): SalesRow[] {
  const rows: SalesRow[] = [];
  for (let s = 0; s < series; s++) {
    for (let d = 0; d < days; d++) rows.push({ date: isoDay('2023-01-01') + d, store: `s${s}`, sales: 10 + (d % 7) });
  }
  return rows;
}

describe('planBacktest(data, {horizon, folds})', () => {
  const data = makeSales(daily(200), { keys: ['store'] });
  const last = isoDay('2023-01-01') + 199;

  it('ends with the test window: the cutoff is H periods before the end, training V periods before that', () => {
    const plan = planBacktest(data, { horizon: 14, folds: 1 });
    expect(plan.windows.at(-1)).toEqual({ label: 'test', cutoff: last - 14, trainEnd: last - 28, trainStart: null });
  });

  it('always plans one selection fold before the test window, even when asked for none', () => {
    const plan = planBacktest(data, { horizon: 14, folds: 0 });
    expect(plan.windows.map((w) => [w.label, last - w.cutoff])).toEqual([
      ['fold 1', 28],
      ['test', 14],
    ]);
  });

  it('takes one short fold, with a warning, when no fold has two seasons of history before it', () => {
    // 18 days of history, daily (season 7): the first fold's cutoff leaves 12 days, fewer than two weeks.
    const plan = planBacktest(makeSales(daily(18), { keys: ['store'] }), { horizon: 3, folds: 2 });
    expect(plan.windows.map((w) => w.label)).toEqual(['fold 1', 'test']);
    expect(plan.warnings.join(' ')).toContain('one shorter fold');
  });

  it('places fold cutoffs one period apart going back from the test cutoff, oldest first', () => {
    const plan = planBacktest(data, { horizon: 14, folds: 2, period: 7 });
    expect(plan.windows.map((w) => [w.label, last - w.cutoff])).toEqual([
      ['fold 1', 28],
      ['fold 2', 21],
      ['test', 14],
    ]);
    for (const w of plan.windows) expect(w.trainEnd).toBe(w.cutoff - 14);
  });

  it('drops folds that would leave less than two seasons of training, and says so', () => {
    const plan = planBacktest(makeSales(daily(60), { keys: ['store'] }), { horizon: 14, folds: 5, period: 7 });
    expect(plan.windows.at(-1)?.label).toBe('test');
    expect(plan.windows.length).toBeLessThan(6);
    expect(plan.warnings.join(' ')).toContain('backtest folds fit');
  });
});

describe('selectRows(matrix, {after, upTo})', () => {
  it('copies exactly the rows whose target date lies in (after, upTo]', () => {
    const matrix = {
      names: ['a', 'b'],
      x: new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]),
      y: new Float32Array([10, 20, 30, 40]),
      rows: 4,
      series: new Int32Array([0, 0, 1, 1]),
      date: new Int32Array([5, 6, 5, 7]),
    };
    const picked = selectRows(matrix, { after: 5, upTo: 6 });
    expect(picked.rows).toBe(1);
    expect([...picked.x]).toEqual([3, 4]);
    expect([...picked.y]).toEqual([20]);
    expect([...picked.index]).toEqual([1]);
    expect(picked.x.buffer).not.toBe(matrix.x.buffer);
  });
});
