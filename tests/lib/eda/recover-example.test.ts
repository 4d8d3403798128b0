import { describe, expect, it } from 'vitest';
import type { SalesData } from '../../../src/lib/data/types';
import { generateSales, type GeneratedSales } from '../../../src/lib/data/generate-sales';
import { exploreSales } from '../../../src/lib/eda/explore-sales';

/**
 * SalesData straight from the generator's columns (rows come sorted by store, product, date: one series per
 * store × product, in order). The CSV round trip belongs to ingest's tests; here the question is only whether the
 * Explore numbers find what the simulation put in.
 */
function toSalesData(g: GeneratedSales): SalesData {
  const { columns, storeIds, productIds } = g;
  const series = Int32Array.from(columns.store, (s, i) => s * productIds.length + (columns.product[i] as number));
  const keyValues = storeIds.flatMap((s) => productIds.map((p) => [s, p]));
  return {
    date: columns.date,
    series,
    sales: Float64Array.from(columns.sales),
    covariates: {
      price: columns.price,
      promo: Float64Array.from(columns.promo),
      holiday: Float64Array.from(columns.holiday),
      stockout: Float64Array.from(columns.stockout),
    },
    seriesKeys: ['store', 'product'],
    seriesKeyValues: keyValues,
    seriesLabels: keyValues.map(([s, p]) => `store ${s} · product ${p}`),
    frequency: 'daily',
    mapping: { date: 'date', sales: 'sales', keys: ['store', 'product'], covariates: ['price', 'promo', 'holiday', 'stockout'] },
  };
}

describe('exploreSales on the generated example (src/lib/data/generate-sales.ts)', () => {
  const example = generateSales();
  const result = exploreSales(toSalesData(example));

  it('exploreSales(example) finds the true peak weekday', () => {
    // truth.peakWeekday counts from Sunday (Date#getUTCDay); seasonal slots count from Monday.
    const truePeak = (example.truth.peakWeekday + 6) % 7;
    expect(result.seasonality.find((p) => p.period === 'day-of-week')?.peakSlot).toBe(truePeak);
  });

  it('exploreSales(example) recovers the promotion uplift within 5% when promotions carry no discount', () => {
    // By default a promotion also cuts the price, so sales rise by promoUplift × (1 − discount)^elasticity, not by
    // promoUplift alone; without the discount the two are the same number.
    const plain = generateSales({ promoDiscount: [0, 0] });
    const uplift = exploreSales(toSalesData(plain)).promo;
    expect(uplift?.flag).toBe('promo');
    expect(uplift?.uplift).toBeGreaterThan(plain.truth.promoUplift * 0.95);
    expect(uplift?.uplift).toBeLessThan(plain.truth.promoUplift * 1.05);
  });

  it('exploreSales(example) sees the discount on top of the uplift, and leaves stock-outs out', () => {
    expect(result.promo?.uplift).toBeGreaterThan(example.truth.promoUplift * 1.1);
    expect(result.price?.excluded).toEqual(['promo', 'stockout']);
  });

  it('exploreSales(example) estimates a price elasticity near the products’ average', () => {
    const truth = example.truth.elasticity.reduce((a, b) => a + b, 0) / example.truth.elasticity.length;
    expect(result.price?.elasticity).toBeGreaterThan(truth - 0.2);
    expect(result.price?.elasticity).toBeLessThan(truth + 0.2);
  });
});
