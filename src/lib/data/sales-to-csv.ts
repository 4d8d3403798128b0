import { dayToIso } from '../core/days';
import type { GeneratedSales } from './generate-sales';

/** The columns of the example file, in order. */
export const SALES_CSV_HEADER = 'date,store,product,sales,price,promo,holiday,stockout';

/** What the writer reads: the rows and the id of each store and product index. */
export type SalesCsvInput = Pick<GeneratedSales, 'columns' | 'storeIds' | 'productIds'>;

/**
 * The CSV text of generated sales: a header, one line per row in the columns' order, `\n` line ends (also after the
 * last row). Dates are YYYY-MM-DD (UTC), prices have two decimals, flags are 0/1.
 *
 * The formatting is fixed on purpose (no toLocaleString, no locale-aware dates), because the shipped example file
 * must come out byte for byte the same from the same seed on any machine.
 */
export function salesToCsv(sales: SalesCsvInput): string {
  const { columns: c, storeIds, productIds } = sales;
  const n = c.sales.length;
  // Few distinct dates, prices, series and flag sets against many rows: format each once (a 1M-row file is a bench case).
  const dates = new Map<number, string>();
  const prices = new Map<number, string>();
  const keys = new Map<number, string>();
  const flags = Array.from({ length: 8 }, (_, f) => `${f >> 2},${(f >> 1) & 1},${f & 1}`);
  const lines = new Array<string>(n + 1);
  lines[0] = SALES_CSV_HEADER;
  for (let i = 0; i < n; i++) {
    const day = c.date[i]!;
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = dayToIso(day)));
    const cents = Math.round(c.price[i]! * 100);
    let price = prices.get(cents);
    if (price === undefined) prices.set(cents, (price = (cents / 100).toFixed(2)));
    const series = c.store[i]! * productIds.length + c.product[i]!;
    let key = keys.get(series);
    if (key === undefined) keys.set(series, (key = `${storeIds[c.store[i]!]},${productIds[c.product[i]!]}`));
    lines[i + 1] = `${date},${key},${c.sales[i]},${price},${flags[c.promo[i]! * 4 + c.holiday[i]! * 2 + c.stockout[i]!]}`;
  }
  return lines.join('\n') + '\n';
}
