import { describe, expect, it } from 'vitest';
import { closedMask, findClosedFlag, zeroClosedForecast } from '../../../src/lib/evaluate/closed-periods';
import { evaluateForecast } from '../../../src/lib/evaluate/evaluate-forecast';
import type { Forecast } from '../../../src/lib/models/types';
import { defaultCostModel } from '../../../src/lib/scope/cost-model';
import { isoDay, makeSales, type SalesRow } from '../eda/make-sales';
import { expectClose } from './expect-close';

const START = isoDay('2024-01-01');
const HISTORY = 28;
const HORIZON = 7;

/**
 * Two stores, 35 days: closed every seventh day (t % 7 === 6) with sales 0, and store B also on day 30 (a holiday).
 * `open` is the flag as Rossmann writes it; sales on open days are made up but never 0.
 */
function twoStores(): SalesRow[] {
  const rows: SalesRow[] = [];
  for (const store of ['A', 'B']) {
    for (let t = 0; t < HISTORY + HORIZON; t++) {
      const open = t % 7 === 6 || (store === 'B' && t === 30) ? 0 : 1;
      const sales = open ? (store === 'A' ? 100 : 40) + 10 * (t % 7) + 3 * t : 0;
      rows.push({ date: START + t, sales, store, open });
    }
  }
  return rows;
}

/** A forecast over the last 7 days of both stores that knows nothing of closures: never 0. */
function horizonForecast(): Forecast {
  const series: number[] = [];
  const date: number[] = [];
  const step: number[] = [];
  const p50: number[] = [];
  for (const s of [0, 1]) {
    for (let k = 0; k < HORIZON; k++) {
      series.push(s);
      date.push(START + HISTORY + k);
      step.push(k + 1);
      p50.push((s === 0 ? 190 : 130) + 5 * k);
    }
  }
  return {
    series: Int32Array.from(series),
    date: Int32Array.from(date),
    step: Int32Array.from(step),
    p50: Float64Array.from(p50),
    p10: Float64Array.from(p50, (v) => v - 20),
    p90: Float64Array.from(p50, (v) => v + 20),
  };
}

const withFlag = (name: string, rows: SalesRow[] = twoStores()) => {
  const renamed = rows.map(({ open, ...row }) => ({ ...row, [name]: open! }));
  return makeSales(renamed, { keys: ['store'], covariates: [name] });
};

describe('findClosedFlag(data)', () => {
  it.each(['Open', 'open', 'is_open', 'IsOpen', 'isopen', 'store_open', 'StoreOpen'])(
    'findClosedFlag(data) reads %s as closed when 0',
    (name) => {
      expect(findClosedFlag(withFlag(name))).toEqual({ name, closedWhen: 0 });
    },
  );

  it.each(['closed', 'Closed', 'is_closed', 'IsClosed', 'isclosed'])('findClosedFlag(data) reads %s as closed when 1', (name) => {
    const rows = twoStores().map((row) => ({ ...row, open: 1 - (row.open as number) }));
    expect(findClosedFlag(withFlag(name, rows))).toEqual({ name, closedWhen: 1 });
  });

  it.each(['opening_price', 'openness_score', 'reopened', 'open_orders_count', 'closed_deals', 'promo'])(
    'findClosedFlag(data) ignores a 0/1 column named %s',
    (name) => {
      expect(findClosedFlag(withFlag(name))).toBeNull();
    },
  );

  it('findClosedFlag(data) allows missing values but no value other than 0 and 1', () => {
    const gaps = twoStores().map((row, i) => (i % 5 === 0 ? { ...row, open: Number.NaN } : row));
    expect(findClosedFlag(withFlag('Open', gaps))).toEqual({ name: 'Open', closedWhen: 0 });
    const counts = twoStores().map((row, i) => (i === 3 ? { ...row, open: 2 } : row));
    expect(findClosedFlag(withFlag('Open', counts))).toBeNull();
  });

  it('findClosedFlag(data) rejects a flag whose "closed" rows mostly sold something, and one that never says closed', () => {
    // `closed` = 1 on half the days, sales or not: the name says one thing, the data another.
    const misleading = twoStores().map((row, t) => ({ ...row, open: t % 2, sales: 50 + t }));
    expect(findClosedFlag(withFlag('closed', misleading))).toBeNull();
    const alwaysOpen = twoStores().map((row) => ({ ...row, open: 1 }));
    expect(findClosedFlag(withFlag('Open', alwaysOpen))).toBeNull();
  });

  it('findClosedFlag(data) tolerates a few sales booked on closed days (under 10 %)', () => {
    // 11 closed rows in all (five Sundays per store, a holiday in B): one stray sale leaves 10 of 11 (91 %) at 0, two 9 of 11.
    const rows = twoStores();
    const closedRows = rows.filter((row) => row.open === 0);
    expect(closedRows).toHaveLength(11);
    closedRows[0]!.sales = 12;
    expect(findClosedFlag(withFlag('Open', rows))).toEqual({ name: 'Open', closedWhen: 0 });
    closedRows[1]!.sales = 12;
    expect(findClosedFlag(withFlag('Open', rows))).toBeNull();
  });

  it('findClosedFlag(data) is null without covariates', () => {
    expect(findClosedFlag(makeSales(twoStores(), { keys: ['store'] }))).toBeNull();
  });
});

describe('closedMask(data, flag)', () => {
  it('closedMask(data, flag) marks the rows the flag says closed, a missing value as open', () => {
    const rows = twoStores().map((row, i) => (i === 6 ? { ...row, open: Number.NaN } : row));
    const data = withFlag('Open', rows);
    const mask = closedMask(data, { name: 'Open', closedWhen: 0 });
    const expected = Array.from(data.covariates.Open!, (v) => (v === 0 ? 1 : 0));
    expect(Array.from(mask)).toEqual(expected);
    expect(mask[6]).toBe(0);
    expect(mask.reduce((a, b) => a + b, 0)).toBe(10);
  });
});

describe('zeroClosedForecast(forecast, data, flag)', () => {
  it('zeroClosedForecast(forecast, data, flag) sets P10, P50 and P90 to 0 on closed periods of each series, and only there', () => {
    const data = withFlag('Open');
    const forecast = horizonForecast();
    const before = forecast.p50.slice();
    const zeroed = zeroClosedForecast(forecast, data, { name: 'Open', closedWhen: 0 });
    // Closed in the horizon: day 34 (t % 7 === 6) in both stores, and day 30 in store B.
    const closed = (s: number, t: number): boolean => t === 34 || (s === 1 && t === 30);
    for (let i = 0; i < forecast.p50.length; i++) {
      const t = HISTORY + (forecast.step[i]! - 1);
      const want = closed(forecast.series[i]!, t) ? 0 : forecast.p50[i]!;
      expect(zeroed.p50[i]).toBe(want);
      expect(zeroed.p10![i]).toBe(closed(forecast.series[i]!, t) ? 0 : forecast.p10![i]!);
      expect(zeroed.p90![i]).toBe(closed(forecast.series[i]!, t) ? 0 : forecast.p90![i]!);
    }
    expect(Array.from(zeroed.p50).filter((v) => v === 0)).toHaveLength(3);
    expect(forecast.p50).toEqual(before);
    expect(Array.from(zeroed.series)).toEqual(Array.from(forecast.series));
  });

  it('zeroClosedForecast(forecast, data, flag) leaves a period without a data row open, and keeps absent quantiles absent', () => {
    const data = withFlag('Open');
    const forecast: Forecast = {
      series: Int32Array.of(0, 0),
      date: Int32Array.of(START + 34, START + 41),
      step: Int32Array.of(1, 2),
      p50: Float64Array.of(5, 6),
    };
    const zeroed = zeroClosedForecast(forecast, data, { name: 'Open', closedWhen: 0 });
    expect(Array.from(zeroed.p50)).toEqual([0, 6]);
    expect(zeroed.p10).toBeUndefined();
    expect(zeroed.p90).toBeUndefined();
  });
});

describe('evaluateForecast({ ..., exclude })', () => {
  const data = withFlag('Open');
  const forecast = horizonForecast();
  const cutoff = START + HISTORY - 1;
  const cost = defaultCostModel('daily');

  it('evaluateForecast({ exclude }) scores open periods only, as the plain formulas do on the open rows', () => {
    const exclude = closedMask(data, { name: 'Open', closedWhen: 0 });
    const e = evaluateForecast({ data, forecast, cutoff, cost, exclude });

    // Reference, computed here from the arrays: the forecast rows' actuals, split by the flag.
    const actualOf = (s: number, t: number): number => data.sales[s * (HISTORY + HORIZON) + t]!;
    const openOf = (s: number, t: number): boolean => data.covariates.Open![s * (HISTORY + HORIZON) + t] === 1;
    let absErrors = 0;
    let absActuals = 0;
    let errors = 0;
    let pairs = 0;
    const absErrorsBySeries = [0, 0];
    const pairsBySeries = [0, 0];
    for (let i = 0; i < forecast.p50.length; i++) {
      const s = forecast.series[i]!;
      const t = HISTORY + forecast.step[i]! - 1;
      if (!openOf(s, t)) continue;
      const y = actualOf(s, t);
      const f = forecast.p50[i]!;
      absErrors += Math.abs(f - y);
      absActuals += Math.abs(y);
      errors += f - y;
      pairs++;
      absErrorsBySeries[s]! += Math.abs(f - y);
      pairsBySeries[s]!++;
    }
    // MASE scale: mean |y_t − y_{t−7}| over the training days where both t and t − 7 are open.
    const scale = (s: number): number => {
      let sum = 0;
      let n = 0;
      for (let t = 7; t < HISTORY; t++) {
        if (!openOf(s, t) || !openOf(s, t - 7)) continue;
        sum += Math.abs(actualOf(s, t) - actualOf(s, t - 7));
        n++;
      }
      return sum / n;
    };
    const maseOf = (s: number): number => absErrorsBySeries[s]! / pairsBySeries[s]! / scale(s);

    expect(pairs).toBe(11);
    expect(e).toMatchObject({ rows: 14, matched: 11, excluded: 3 });
    expectClose(e.expert.wape!, absErrors / absActuals);
    expectClose(e.dataScientist.mae!, absErrors / pairs);
    expectClose(e.expert.bias!, errors / pairs);
    expectClose(e.bySeries[0]!.mase!, maseOf(0));
    expectClose(e.bySeries[1]!.mase!, maseOf(1));
    // Each error over its own series' scale, then averaged (see src/lib/evaluate/mase.ts).
    expectClose(
      e.dataScientist.mase!,
      (absErrorsBySeries[0]! / scale(0) + absErrorsBySeries[1]! / scale(1)) / pairs,
    );
    expect(e.business.periods).toBe(11);
    expect(e.byStep.reduce((sum, g) => sum + g.n, 0)).toBe(11);
  });

  it('evaluateForecast({ exclude }) with nothing to exclude gives what it gave without the option', () => {
    const plain = evaluateForecast({ data, forecast, cutoff, cost, flags: ['Open'] });
    const { excluded, ...rest } = evaluateForecast({ data, forecast, cutoff, cost, flags: ['Open'], exclude: new Uint8Array(data.sales.length) });
    expect(excluded).toBe(0);
    expect(rest).toEqual(plain);
    expect('excluded' in plain).toBe(false);
    expect(plain.matched).toBe(14);
  });

  it('evaluateForecast({ exclude }) scores a zeroed forecast on open periods exactly as the raw one', () => {
    // Zeroing only touches closed periods, which the exclusion leaves out: the two must score alike.
    const flag = findClosedFlag(data)!;
    const exclude = closedMask(data, flag);
    const raw = evaluateForecast({ data, forecast, cutoff, cost, exclude });
    const zeroed = evaluateForecast({ data, forecast: zeroClosedForecast(forecast, data, flag), cutoff, cost, exclude });
    expect(zeroed).toEqual(raw);
  });
});
