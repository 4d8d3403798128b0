import type { Frequency, SalesData } from '../../../src/lib/data/types';

/** One row as a test would write it: a date ('YYYY-MM-DD' or a day number), sales, key and covariate columns. */
export interface SalesRow {
  date: string | number;
  sales: number;
  [column: string]: string | number;
}

export interface MakeSalesOptions {
  keys?: string[];
  covariates?: string[];
  frequency?: Frequency;
}

/** Days since 1970-01-01 for an ISO date. */
export function isoDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/**
 * SalesData from rows, as the ingest step would build it: series numbered in order of first appearance,
 * rows sorted by (series, date), a missing covariate cell becomes NaN.
 */
export function makeSales(rows: SalesRow[], { keys = [], covariates = [], frequency = 'daily' }: MakeSalesOptions = {}): SalesData {
  const seriesIds = new Map<string, number>();
  const seriesKeyValues: string[][] = [];
  const tagged = rows.map((row, order) => {
    const values = keys.map((k) => String(row[k] ?? ''));
    const id = JSON.stringify(values);
    let series = seriesIds.get(id);
    if (series === undefined) {
      series = seriesIds.size;
      seriesIds.set(id, series);
      seriesKeyValues.push(values);
    }
    const day = typeof row.date === 'number' ? row.date : isoDay(row.date);
    return { row, series, day, order };
  });
  tagged.sort((a, b) => a.series - b.series || a.day - b.day || a.order - b.order);
  const covariateColumns: Record<string, Float64Array> = {};
  for (const c of covariates) {
    covariateColumns[c] = Float64Array.from(tagged, ({ row }) => (typeof row[c] === 'number' ? (row[c] as number) : NaN));
  }
  return {
    date: Int32Array.from(tagged, (t) => t.day),
    series: Int32Array.from(tagged, (t) => t.series),
    sales: Float64Array.from(tagged, (t) => t.row.sales),
    covariates: covariateColumns,
    seriesKeys: keys,
    seriesKeyValues,
    seriesLabels: seriesKeyValues.map((values) => (keys.length === 0 ? 'all' : keys.map((k, i) => `${k} ${values[i]}`).join(' · '))),
    frequency,
    mapping: { date: 'date', sales: 'sales', keys, covariates },
  };
}

export interface SimulateSalesOptions {
  rng: { next(): number; normal(): number };
  /** First day, 'YYYY-MM-DD'. Default 2024-01-01 (a Monday). */
  start?: string;
  days: number;
  /** Series as store × product. */
  stores?: number;
  products?: number;
  /** Multipliers Monday…Sunday. */
  weekly?: number[];
  /** Sales multiplier on promotion days; 1 = no promotions column at all. */
  promoUplift?: number;
  /** Price cut on promotion days (0.2 = 20% off). */
  promoPriceCut?: number;
  /** Log-log price elasticity; 0 = no price column. */
  elasticity?: number;
  /** Standard deviation of multiplicative log noise. */
  noise?: number;
}

/**
 * A store × product panel with a known weekly shape, promotion uplift and price elasticity, and the confounding
 * that fools naive estimates: bigger series are dearer and promoted more often, promotions cluster on weekends.
 */
export function simulateSales(options: SimulateSalesOptions): SalesRow[] {
  const { rng, start = '2024-01-01', days, stores = 2, products = 2, noise = 0.05 } = options;
  const { weekly = [1, 1, 1, 1, 1.2, 1.5, 0.8], promoUplift = 1, promoPriceCut = 0, elasticity = 0 } = options;
  const first = isoDay(start);
  const rows: SalesRow[] = [];
  for (let s = 0; s < stores; s++) {
    for (let p = 0; p < products; p++) {
      const series = s * products + p;
      const level = 20 * (1 + 3 * series);
      const basePrice = 2 + series;
      for (let t = 0; t < days; t++) {
        const day = first + t;
        const dow = (((day + 3) % 7) + 7) % 7;
        const promoChance = (0.05 + 0.05 * series) * (dow >= 5 ? 3 : 1);
        const promo = promoUplift !== 1 && rng.next() < promoChance ? 1 : 0;
        const price = basePrice * Math.exp(0.15 * (rng.next() - 0.5)) * (promo ? 1 - promoPriceCut : 1);
        const priceEffect = elasticity === 0 ? 1 : (price / basePrice) ** elasticity;
        const sales = level * (weekly[dow] as number) * priceEffect * (promo ? promoUplift : 1) * Math.exp(noise * rng.normal());
        const row: SalesRow = { date: day, sales, store: `S${s + 1}`, product: `P${p + 1}` };
        if (promoUplift !== 1) row.promo = promo;
        if (elasticity !== 0) row.price = price;
        rows.push(row);
      }
    }
  }
  return rows;
}
