import { describe, expect, it } from 'vitest';
import { promoUplift } from '../../../src/lib/eda/promo-uplift';
import { createRng } from '../../../src/lib/random/rng';
import { makeSales, simulateSales, type SalesRow } from './make-sales';

describe('promoUplift', () => {
  const rows = simulateSales({ rng: createRng(11), days: 364, stores: 3, products: 2, promoUplift: 1.4 });
  const data = makeSales(rows, { keys: ['store', 'product'], covariates: ['promo'] });

  it('promoUplift(data, {flag:"promo"}) recovers a ×1.4 uplift within 5% despite the promotion mix', () => {
    const result = promoUplift(data, { flag: 'promo' });
    expect(result?.within).toBe('series × day-of-week');
    expect(result?.uplift).toBeGreaterThan(1.4 * 0.95);
    expect(result?.uplift).toBeLessThan(1.4 * 1.05);
    // Big series and weekends get most promotions, so the plain ratio of means is far off.
    expect(Math.abs((result?.naiveUplift ?? 0) - 1.4)).toBeGreaterThan(0.3);
    expect((result?.flaggedMean ?? 0) / (result?.baselineMean ?? 1)).toBeCloseTo(result?.uplift ?? 0, 10);
    expect((result?.flaggedRows ?? 0) + (result?.unflaggedRows ?? 0)).toBe(rows.length);
  });

  it('promoUplift(data, {flag}) finds the column whatever its case', () => {
    const renamed = makeSales(
      rows.map(({ promo, ...rest }) => ({ ...rest, Promo: promo as number })),
      { keys: ['store', 'product'], covariates: ['Promo'] },
    );
    expect(promoUplift(renamed, { flag: 'promo' })?.flag).toBe('Promo');
  });

  it('promoUplift(data, {flag}) is null when there is no such covariate', () => {
    expect(promoUplift(makeSales([{ date: 1, sales: 1 }]), { flag: 'promo' })).toBeNull();
  });

  it('promoUplift(data, {flag}) explains a missing estimate when no series has both kinds of day', () => {
    const split: SalesRow[] = [
      { date: 1, sales: 5, shop: 'a', promo: 1 },
      { date: 2, sales: 5, shop: 'a', promo: 1 },
      { date: 1, sales: 3, shop: 'b', promo: 0 },
    ];
    const result = promoUplift(makeSales(split, { keys: ['shop'], covariates: ['promo'] }));
    expect(result?.uplift).toBeNull();
    expect(result?.naiveUplift).toBeCloseTo(5 / 3, 10);
    expect(result?.reason).toMatch(/promo/);
  });

  it('promoUplift(data, {flag, exclude}) leaves out stock-out rows and compares within series on weekly data', () => {
    const weekly: SalesRow[] = [];
    for (let t = 0; t < 40; t++) {
      const promo = t % 4 === 0 ? 1 : 0;
      const stockout = t % 10 === 5 ? 1 : 0;
      weekly.push({ date: 19_723 + 7 * t, sales: stockout ? 0 : promo ? 150 : 100, promo, stockout });
    }
    const weeklyData = makeSales(weekly, { frequency: 'weekly', covariates: ['promo', 'stockout'] });
    const result = promoUplift(weeklyData, { flag: 'promo', exclude: ['stockout'] });
    expect(result?.within).toBe('series');
    expect(result?.uplift).toBeCloseTo(1.5, 10);
    expect(promoUplift(weeklyData, { flag: 'promo' })?.uplift).toBeGreaterThan(1.5);
  });
});
