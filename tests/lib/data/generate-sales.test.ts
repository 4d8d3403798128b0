import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATE_OPTIONS, generateSales, type GeneratedSales } from '../../../src/lib/data/generate-sales';
import { SALES_CSV_HEADER, salesToCsv } from '../../../src/lib/data/sales-to-csv';

const EXAMPLE_PATH = fileURLToPath(new URL('../../../datasets/product-sales-example.csv', import.meta.url));
const SMALL = { stores: 2, products: 3, days: 120 };
// The default run (54,800 rows, well under a second) is shared by the tests that only read it.
const example = generateSales();

const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The rows of series (s, p) as plain arrays, to compare runs made with different options. */
function seriesRows(g: GeneratedSales, s: number, p: number, days: number) {
  const from = (s * g.options.products + p) * g.options.days;
  const c = g.columns;
  return [c.date, c.sales, c.price, c.promo, c.stockout].map((col) => Array.from(col.subarray(from, from + days)));
}

describe('generateSales(options)', () => {
  it('generateSales(options) is byte-identical for the same seed', () => {
    expect(salesToCsv(generateSales(SMALL))).toBe(salesToCsv(generateSales(SMALL)));
  });

  it('generateSales({ seed }) differs for a different seed', () => {
    expect(salesToCsv(generateSales({ ...SMALL, seed: 43 }))).not.toBe(salesToCsv(generateSales(SMALL)));
  });

  it('generateSales() with the defaults equals the shipped datasets/product-sales-example.csv', () => {
    const shipped = readFileSync(EXAMPLE_PATH, 'utf8').split('\n');
    const made = salesToCsv(example).split('\n');
    // Compare line by line so a failure names the first line that moved, not a 1.7 MB diff.
    // If the generator changed on purpose: npx tsx tests/tools/make-example.ts, then update datasets/README.md.
    const firstDifference = made.findIndex((line, i) => line !== shipped[i]);
    expect(firstDifference === -1 ? null : { line: firstDifference + 1, made: made[firstDifference], shipped: shipped[firstDifference] }).toBeNull();
    expect(made.length).toBe(shipped.length);
  });

  it('generateSales() has one row per store, product and day, sorted by store, product, date, with contiguous dates', () => {
    const { stores, products, days } = DEFAULT_GENERATE_OPTIONS;
    const c = example.columns;
    expect(example.rowCount).toBe(stores * products * days);
    expect(example.storeIds).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    expect(example.productIds).toEqual(['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08', 'P09', 'P10']);
    for (const column of Object.values(c)) expect(column.length).toBe(example.rowCount);
    let broken = 0;
    for (let i = 0; i < example.rowCount; i++) {
      const t = i % days;
      const series = Math.floor(i / days);
      if (c.store[i] !== Math.floor(series / products) || c.product[i] !== series % products) broken++;
      if (t > 0 && c.date[i] !== c.date[i - 1]! + 1) broken++;
      if (!Number.isInteger(c.sales[i]) || c.sales[i]! < 0 || !(c.price[i]! > 0)) broken++;
    }
    expect(broken).toBe(0);
    expect(c.date[0]).toBe(Date.UTC(2022, 0, 1) / 86_400_000);
    expect(c.date[days - 1]).toBe(Date.UTC(2024, 11, 31) / 86_400_000);
  });

  it('salesToCsv(generateSales()) writes the documented columns and formats', () => {
    const lines = salesToCsv(example).split('\n');
    expect(lines[0]).toBe(SALES_CSV_HEADER);
    expect(SALES_CSV_HEADER).toBe('date,store,product,sales,price,promo,holiday,stockout');
    expect(lines.at(-1)).toBe('');
    const row = /^\d{4}-\d{2}-\d{2},S\d+,P\d{2,},\d+,\d+\.\d\d,[01],[01],[01]$/;
    expect(lines.slice(1, -1).filter((line) => !row.test(line))).toEqual([]);
    expect(lines.length - 2).toBe(example.rowCount);
  });

  it('generateSales() censors sales on stockout rows only, below the expected demand', () => {
    const { columns: c, truth } = example;
    let stockouts = 0;
    const wrong: number[] = [];
    for (let i = 0; i < example.rowCount; i++) {
      const sales = c.sales[i]!;
      if (c.stockout[i] === 1) {
        stockouts++;
        if (!(sales < truth.demand[i]! && sales < truth.expectedDemand[i]!)) wrong.push(i);
      } else if (sales !== truth.demand[i]) {
        wrong.push(i);
      }
    }
    expect(wrong).toEqual([]);
    // "A few per cent of rows", as documented.
    expect(stockouts / example.rowCount).toBeGreaterThan(0.005);
    expect(stockouts / example.rowCount).toBeLessThan(0.06);
  });

  it('generateSales(options) keeps its invariants for any small configuration', () => {
    fc.assert(
      fc.property(
        fc.record({ seed: fc.integer(), stores: fc.integer({ min: 1, max: 3 }), products: fc.integer({ min: 1, max: 3 }), days: fc.integer({ min: 1, max: 60 }) }),
        (options) => {
          const g = generateSales({ ...options, promoShare: 0.2, shortageRate: 0.2, dispersion: 2 });
          const c = g.columns;
          expect(g.rowCount).toBe(options.stores * options.products * options.days);
          for (let i = 0; i < g.rowCount; i++) {
            expect(c.sales[i]).toBeGreaterThanOrEqual(0);
            expect(c.sales[i]).toBeLessThanOrEqual(g.truth.demand[i]!);
            if (c.stockout[i] === 1) expect(c.sales[i]).toBeLessThan(g.truth.expectedDemand[i]!);
            expect(Math.round(c.price[i]! * 100) / 100).toBe(c.price[i]);
          }
        },
      ),
      { seed: 20240601, numRuns: 25 },
    );
  });

  it('generateSales(options) leaves existing series unchanged when stores, products or days are added', () => {
    const before = generateSales({ stores: 2, products: 3, days: 100 });
    const after = generateSales({ stores: 3, products: 5, days: 150 });
    for (const [s, p] of [[0, 0], [0, 2], [1, 1], [1, 2]] as const) {
      expect(seriesRows(after, s, p, 100)).toEqual(seriesRows(before, s, p, 100));
    }
  });

  it('generateSales() sells most, on average, on the truth.peakWeekday', () => {
    const c = example.columns;
    const byWeekday = Array.from({ length: 7 }, () => [] as number[]);
    for (let i = 0; i < example.rowCount; i++) byWeekday[weekdayOf(c.date[i]!)]!.push(c.sales[i]!);
    const means = byWeekday.map(mean);
    expect(example.truth.peakWeekday).toBe(6);
    expect(means.indexOf(Math.max(...means))).toBe(example.truth.peakWeekday);
  });

  it('generateSales() sells more on promo days, by about truth.promoUplift once the discount is priced in', () => {
    const { columns: c, truth, options } = example;
    const uplifts: number[] = [];
    for (let p = 0; p < options.products; p++) {
      const promo = { sales: [] as number[], price: [] as number[] };
      const regular = { sales: [] as number[], price: [] as number[] };
      for (let i = 0; i < example.rowCount; i++) {
        if (c.product[i] !== p) continue;
        const into = c.promo[i] === 1 ? promo : regular;
        into.sales.push(c.sales[i]!);
        into.price.push(Math.pow(c.price[i]! / truth.basePrice[p]!, truth.elasticity[p]!));
      }
      const ratio = mean(promo.sales) / mean(regular.sales);
      expect(ratio).toBeGreaterThan(1);
      // Divide out the discount's own effect (price / base price)^elasticity to leave the promo uplift.
      uplifts.push(ratio / (mean(promo.price) / mean(regular.price)));
    }
    expect(Math.abs(median(uplifts) / truth.promoUplift - 1)).toBeLessThan(0.15);
  });

  it('generateSales() flags the documented holidays and sells more on them', () => {
    const { columns: c, truth, options } = example;
    const dates = truth.holidays.dates.map((h) => `${h.date} ${h.name}`);
    expect(dates).toHaveLength(18);
    expect(dates).toEqual(expect.arrayContaining(['2022-04-18 Easter Monday', '2023-11-24 Black Friday', '2024-12-25 Christmas Day']));
    const flagged = new Set<number>();
    for (let t = 0; t < options.days; t++) if (c.holiday[t] === 1) flagged.add(c.date[t]!);
    expect([...flagged]).toEqual(truth.holidays.dates.map((h) => h.day));
    const onHoliday = [] as number[];
    const otherwise = [] as number[];
    for (let i = 0; i < example.rowCount; i++) (c.holiday[i] === 1 ? onHoliday : otherwise).push(c.sales[i]!);
    expect(mean(onHoliday)).toBeGreaterThan(1.2 * mean(otherwise));
  });

  it('generateSales(options) rejects options it cannot honour', () => {
    expect(() => generateSales({ stores: 0 })).toThrow(RangeError);
    expect(() => generateSales({ days: 1.5 })).toThrow(RangeError);
    expect(() => generateSales({ start: '2022-02-30' })).toThrow(RangeError);
    expect(() => generateSales({ weekly: [1, 1, 1] })).toThrow(RangeError);
  });

  it('generateSales({ stores: 50, products: 20, days: 1000 }) makes the 1M-row benchmark file', { timeout: 60_000 }, () => {
    const big = generateSales({ stores: 50, products: 20, days: 1000 });
    expect(big.rowCount).toBe(1_000_000);
    const csv = salesToCsv(big);
    let lines = 0;
    for (let at = csv.indexOf('\n'); at !== -1; at = csv.indexOf('\n', at + 1)) lines++;
    expect(lines).toBe(1_000_001);
  });
});
