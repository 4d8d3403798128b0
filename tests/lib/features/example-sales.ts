import { generateSales, type GenerateSalesOptions } from '../../../src/lib/data/generate-sales';
import type { SalesData } from '../../../src/lib/data/types';

/**
 * SalesData straight from the example generator's columns (as the data worker would get it through ingest, minus
 * the CSV round trip): one series per store × product, in the generator's (store, product, date) order, which is
 * already (series, date) order. Covariates: price (currency units), promo, holiday, stockout.
 */
export function exampleSales(options: Partial<GenerateSalesOptions> = {}): SalesData {
  const { columns, storeIds, productIds } = generateSales(options);
  const products = productIds.length;
  const seriesKeyValues = storeIds.flatMap((store) => productIds.map((product) => [store, product]));
  return {
    date: columns.date,
    series: Int32Array.from(columns.store, (store, i) => store * products + (columns.product[i] as number)),
    sales: Float64Array.from(columns.sales),
    covariates: {
      price: Float64Array.from(columns.price, (cents) => cents / 100),
      promo: Float64Array.from(columns.promo),
      holiday: Float64Array.from(columns.holiday),
      stockout: Float64Array.from(columns.stockout),
    },
    seriesKeys: ['store', 'product'],
    seriesKeyValues,
    seriesLabels: seriesKeyValues.map(([store, product]) => `store ${store} · product ${product}`),
    frequency: 'daily',
    mapping: { date: 'date', sales: 'sales', keys: ['store', 'product'], covariates: ['price', 'promo', 'holiday', 'stockout'] },
  };
}
