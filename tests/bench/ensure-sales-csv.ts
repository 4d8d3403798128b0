import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateSales, type GenerateSalesOptions } from '../../src/lib/data/generate-sales';
import { salesToCsv } from '../../src/lib/data/sales-to-csv';

export type SalesCsvOptions = Pick<GenerateSalesOptions, 'seed' | 'stores' | 'products' | 'days'>;

export interface SalesCsv {
  path: string;
  rows: number;
  bytes: number;
  /** Time spent generating and writing it, or null when an earlier run's file was reused. */
  generatedMs: number | null;
}

/**
 * The bench's CSV, written by the app's own seeded generator (the same rows as the in-app example with these
 * options). A file from an earlier run is reused when its sidecar names the same options and its size matches;
 * a new one is written under a temporary name and renamed, so an interrupted run never leaves a half file behind.
 */
export function ensureSalesCsv(dir: string, options: SalesCsvOptions): SalesCsv {
  const name = `sales-seed${options.seed}-s${options.stores}-p${options.products}-d${options.days}`;
  const path = resolve(dir, `${name}.csv`);
  const metaPath = resolve(dir, `${name}.json`);
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { options: SalesCsvOptions; rows: number; bytes: number };
    if (JSON.stringify(meta.options) === JSON.stringify(options) && statSync(path).size === meta.bytes) {
      return { path, rows: meta.rows, bytes: meta.bytes, generatedMs: null };
    }
  }
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  const sales = generateSales(options);
  const text = salesToCsv(sales);
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  const bytes = statSync(path).size;
  writeFileSync(metaPath, JSON.stringify({ options, rows: sales.rowCount, bytes }, null, 2));
  return { path, rows: sales.rowCount, bytes, generatedMs: performance.now() - started };
}
