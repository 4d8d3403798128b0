import { describe, expect, it } from 'vitest';
import { priceVsSales } from '../../../src/lib/eda/price-vs-sales';
import { createRng } from '../../../src/lib/random/rng';
import { makeSales, simulateSales } from './make-sales';

describe('priceVsSales', () => {
  const rows = simulateSales({
    rng: createRng(3),
    days: 364,
    stores: 3,
    products: 3,
    elasticity: -1.5,
    promoUplift: 1.3,
    promoPriceCut: 0.25,
  });
  const data = makeSales(rows, { keys: ['store', 'product'], covariates: ['price', 'promo'] });

  it('priceVsSales(data, {price:"price"}) recovers an elasticity of -1.5 on non-promotion rows', () => {
    const result = priceVsSales(data, { price: 'price' });
    expect(result?.excluded).toEqual(['promo']);
    expect(result?.elasticity).toBeGreaterThan(-1.5 - 0.1);
    expect(result?.elasticity).toBeLessThan(-1.5 + 0.1);
    expect(result?.seriesUsed).toBe(9);
    expect(result?.reason).toBeNull();
  });

  it('priceVsSales(data, {price, exclude: []}) is biased by promotion days, which is why they are left out', () => {
    const biased = priceVsSales(data, { price: 'price', exclude: [] });
    // Promotions cut the price *and* lift sales on their own, so their price looks more powerful than it is.
    expect(biased?.elasticity).toBeLessThan(-1.7);
  });

  it('priceVsSales(data, {maxPoints}) samples at most that many points, the same ones for the same seed', () => {
    const a = priceVsSales(data, { maxPoints: 500, seed: 9 });
    const b = priceVsSales(data, { maxPoints: 500, seed: 9 });
    expect(a?.points).toHaveLength(500);
    expect(a?.points).toEqual(b?.points);
    expect(a?.points.some((p) => p.excludedBy === 'promo')).toBe(true);
    expect(priceVsSales(data)?.points).toHaveLength(2000);
  });

  it('priceVsSales(data, {price}) is null without a price column and explains a constant price', () => {
    expect(priceVsSales(makeSales([{ date: 1, sales: 1 }]))).toBeNull();
    const flat = makeSales(
      Array.from({ length: 30 }, (_, t) => ({ date: t, sales: 10 + (t % 3), price: 4 })),
      { covariates: ['price'] },
    );
    const result = priceVsSales(flat);
    expect(result?.elasticity).toBeNull();
    expect(result?.reason).toMatch(/does not change/);
  });
});
