import { describe, expect, it } from 'vitest';
import { DataPipeline } from '../../../src/workers/data-pipeline';
import { dayOfWeek, dayToIso } from '../../../src/lib/core/days';
import { isoDay, makeSales, type SalesRow } from '../../lib/eda/make-sales';

const SPLIT = { validation: null, trainingWindow: null, folds: 1, period: null };
const start = isoDay('2024-01-01'); // a Monday

/** Two shops, closed on Sundays (Open = 0, no sales), open otherwise with a weekday shape and a little wobble. */
function shops(days = 140) {
  const rows: SalesRow[] = [];
  for (const store of ['a', 'b']) {
    for (let d = 0; d < days; d++) {
      const dow = dayOfWeek(start + d);
      const open = dow === 6 ? 0 : 1;
      rows.push({ date: start + d, store, Open: open, sales: open ? (store === 'a' ? 50 : 20) + 5 * dow + (d % 3) : 0 });
    }
  }
  return makeSales(rows, { keys: ['store'], covariates: ['Open'] });
}

const request = (model: string, window: number, extra: Record<string, unknown> = {}) =>
  ({ window, model, quantiles: null, cost: null, customMetrics: [], openOnly: true, ...extra }) as Parameters<DataPipeline['forecast']>[0];

describe('DataPipeline (the data worker’s modelling half)', () => {
  it('finds the Open column, forecasts 0 on closed days, and leaves them out of every metric', async () => {
    const pipeline = new DataPipeline();
    const prepared = pipeline.prepare(shops(), { spec: null, horizon: 14, split: SPLIT });
    expect(prepared.closedFlag).toBe('Open');
    const test = prepared.plan.windows.length - 1;
    const open = await pipeline.forecast(request('calendar', test));
    // Two Sundays × two shops in a 14-day window: forecast 0, scored nowhere.
    expect(open.evaluation.excluded).toBe(4);
    expect(open.evaluation.matched).toBe(24);
    const sundays = open.sample.rows.filter((r) => r.series === 'total' && dayOfWeek(isoDay(r.date)) === 6);
    expect(sundays).toHaveLength(2);
    for (const row of sundays) expect(row.p50).toBe(0);
    const all = await pipeline.forecast(request('calendar', test, { openOnly: false }));
    expect(all.evaluation.matched).toBe(28);
    expect(all.evaluation.excluded).toBeUndefined();
  });

  it('combines the members’ own forecasts of a window into an ensemble, and refuses one whose members were not forecast', async () => {
    const pipeline = new DataPipeline();
    const prepared = pipeline.prepare(shops(), { spec: null, horizon: 14, split: SPLIT });
    const w = prepared.plan.windows.length - 1;
    await expect(pipeline.forecast(request('ensemble-mean', w, { members: ['naive', 'theta'] }))).rejects.toThrow(/every member/);
    const naive = await pipeline.forecast(request('naive', w));
    const theta = await pipeline.forecast(request('theta', w));
    expect(theta.forms).toEqual(['Theta ×2']);
    const mean = await pipeline.forecast(request('ensemble-mean', w, { members: ['naive', 'theta'] }));
    // The total line sums P50 over the shops, so the mean's total is the mean of the members' totals.
    const totals = (result: typeof naive) => result.sample.rows.filter((r) => r.series === 'total').map((r) => r.p50);
    totals(mean).forEach((value, i) => expect(value).toBeCloseTo((totals(naive)[i]! + totals(theta)[i]!) / 2, 9));
  });

  it('a classical model carries its fitted parameters on the test window only, beside the forecast as scored (0 on closed days)', async () => {
    const pipeline = new DataPipeline();
    const prepared = pipeline.prepare(shops(), { spec: null, horizon: 14, split: SPLIT });
    const test = prepared.plan.windows.length - 1;
    expect((await pipeline.forecast(request('ets', 0))).fitted).toBeNull();
    expect((await pipeline.forecast(request('naive', test))).fitted).toBeNull();
    const ets = await pipeline.forecast(request('ets', test));
    const fitted = ets.fitted!;
    expect(fitted).toMatchObject({ model: 'ets', frequency: 'daily', season: 7, cutoff: dayToIso(prepared.plan.windows[test]!.cutoff) });
    expect(fitted.series.map((s) => s.label)).toEqual(['store a', 'store b']);
    for (const s of fitted.series) expect(s.params).toHaveProperty('alpha');
    // The biggest shop's forecast as the run's sample holds it (what Evaluate draws) is the one kept with the parameters.
    const top = ets.sample.rows.filter((r) => r.series === 'store a');
    const a = fitted.series[0]!;
    expect(top.map(({ date, p50, p10, p90 }) => ({ date, p50, p10, p90 }))).toEqual(a.dates.map((date, k) => ({ date, p50: a.p50[k], p10: a.p10[k], p90: a.p90[k] })));
    expect(a.dates.filter((date, k) => dayOfWeek(isoDay(date)) === 6 && a.p50[k] === 0)).toHaveLength(2);
    const calendar = (await pipeline.forecast(request('calendar', test))).fitted!;
    expect(calendar.shared).toHaveProperty('coefficients');
  });

  it('finalMatrix: every row up to the last day (the test window’s included), or the training window’s last days only', () => {
    const pipeline = new DataPipeline();
    const data = shops(140);
    const prepared = pipeline.prepare(data, { spec: null, horizon: 14, split: SPLIT });
    const testWindow = prepared.plan.windows.at(-1)!;
    const all = pipeline.finalMatrix(data, { spec: prepared.spec, trainingWindow: null });
    const lastDay = start + 139;
    expect(all.trainEnd).toBe(lastDay);
    expect(all.trainStart).toBeNull();
    // The final window's training rows stop a validation span and a horizon before the end: 2 shops × 28 days more here.
    expect(all.rows.rows).toBe(prepared.trainRows + 2 * 28);
    expect(all.rows.x.length).toBe(all.rows.rows * all.names.length);
    expect(testWindow.cutoff).toBe(lastDay - 14);
    const recent = pipeline.finalMatrix(data, { spec: prepared.spec, trainingWindow: 30 });
    expect(recent.trainStart).toBe(lastDay - 29);
    expect(recent.rows.rows).toBe(2 * 30);
  });
});
