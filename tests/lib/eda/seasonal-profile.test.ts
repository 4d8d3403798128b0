import { describe, expect, it } from 'vitest';
import { seasonalProfile } from '../../../src/lib/eda/seasonal-profile';
import { createRng } from '../../../src/lib/random/rng';
import { makeSales, simulateSales, type SalesRow } from './make-sales';

describe('seasonalProfile', () => {
  it('seasonalProfile(data, {period:"day-of-week"}) finds the weekly peak', () => {
    const data = makeSales(simulateSales({ rng: createRng(7), days: 28 * 8 }), { keys: ['store', 'product'] });
    const profile = seasonalProfile(data, { period: 'day-of-week' });
    expect(profile.slots.map((s) => s.label)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(profile.peakSlot).toBe(5);
    expect(profile.troughSlot).toBe(6);
    // weekly = [1, 1, 1, 1, 1.2, 1.5, 0.8]: the index is relative to the average day (7.5 / 7).
    expect(profile.slots[5]?.index).toBeCloseTo(1.5 / (7.5 / 7), 1);
    expect(profile.slots.reduce((sum, s) => sum + (s.index ?? 0), 0) / 7).toBeCloseTo(1, 10);
  });

  it('seasonalProfile(data, {period:"day-of-week"}) lets many small series outvote one big one', () => {
    const rows: SalesRow[] = [];
    for (let t = 0; t < 70; t++) {
      const day = 19_723 + t; // 2024-01-01, a Monday
      const dow = t % 7;
      rows.push({ date: day, sales: dow === 4 ? 2000 : 1000, shop: 'big' });
      for (const shop of ['a', 'b', 'c']) rows.push({ date: day, sales: dow === 5 ? 20 : 10, shop });
    }
    const profile = seasonalProfile(makeSales(rows, { keys: ['shop'] }), { period: 'day-of-week' });
    expect(profile.peakSlot).toBe(5);
    // The plain mean in sales units is still dominated by the big shop: it is for display, not for the peak.
    const friday = profile.slots[4]?.meanSales ?? 0;
    const saturday = profile.slots[5]?.meanSales ?? 0;
    expect(friday).toBeGreaterThan(saturday);
  });

  it('seasonalProfile(data, {period:"month"}) finds the December peak', () => {
    const rows: SalesRow[] = [];
    for (let t = 0; t < 730; t++) {
      const day = 19_358 + t; // 2023-01-01
      const month = new Date(day * 86_400_000).getUTCMonth();
      rows.push({ date: day, sales: month === 11 ? 300 : 100 });
    }
    const profile = seasonalProfile(makeSales(rows), { period: 'month' });
    expect(profile.slots[profile.peakSlot ?? -1]?.label).toBe('Dec');
    expect(profile.slots).toHaveLength(12);
  });

  it('seasonalProfile(data, {period:"week-of-year"}) labels ISO weeks and has no peak on one week of data', () => {
    const rows: SalesRow[] = Array.from({ length: 7 }, (_, t) => ({ date: 19_723 + t, sales: 5 }));
    const profile = seasonalProfile(makeSales(rows), { period: 'week-of-year' });
    expect(profile.slots[0]?.label).toBe('W01');
    expect(profile.slots[0]?.count).toBe(7);
    expect(profile.peakSlot).toBeNull();
  });

  it('seasonalProfile(data, {period:"day-of-week"}) on weekly data has one filled slot and no peak', () => {
    const rows: SalesRow[] = Array.from({ length: 20 }, (_, t) => ({ date: 19_723 + 7 * t, sales: 10 + t }));
    const profile = seasonalProfile(makeSales(rows, { frequency: 'weekly' }), { period: 'day-of-week' });
    expect(profile.slots.filter((s) => s.count > 0)).toHaveLength(1);
    expect(profile.peakSlot).toBeNull();
  });
});
