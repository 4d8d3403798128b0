import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Files the end-to-end tests import as a user would: shipped fixtures, the real datasets, and ones made here. */
const ROOT = resolve(import.meta.dirname, '../..');

/** Hand-written broken CSVs, one problem each (their README lists file → expected issue). */
export const BROKEN_DIR = resolve(ROOT, 'tests/fixtures/broken');

/**
 * The real public datasets, read-only, from the shared folder the project was given; the app ships the same bytes
 * in datasets/ (checked with cmp), which stand in on a machine without the shared folder.
 */
const SHARED_DATASETS = '/work/shared/datasets';
export const REAL_DIR = existsSync(SHARED_DATASETS) ? SHARED_DATASETS : resolve(ROOT, 'datasets');

/** Files made by the tests (large CSVs, downloaded backups): git-ignored, like the screenshots. */
export const OUTPUT_DIR = resolve(ROOT, 'test-output/e2e');

export function outputPath(name: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return resolve(OUTPUT_DIR, name);
}

/**
 * A valid daily CSV of at least `megabytes` MB (date, store, item, sales), deterministic, written once and reused.
 * Big enough that loading it takes a few seconds, so a test can act while the progress bar is up.
 */
export function ensureLargeCsv(megabytes: number): string {
  const path = outputPath(`large-${megabytes}mb.csv`);
  const target = megabytes * 1024 * 1024;
  if (existsSync(path) && statSync(path).size >= target) return path;
  const days = 1000;
  const start = Date.UTC(2015, 0, 1);
  const dates = Array.from({ length: days }, (_, d) => new Date(start + d * 86_400_000).toISOString().slice(0, 10));
  const parts: string[] = ['date,store,item,sales\n'];
  let size = parts[0]!.length;
  for (let store = 1; size < target; store++) {
    for (let item = 1; item <= 50 && size < target; item++) {
      const lines: string[] = [];
      for (let d = 0; d < days; d++) lines.push(`${dates[d]},${store},${item},${(d * 7 + store * 13 + item) % 97}\n`);
      const block = lines.join('');
      parts.push(block);
      size += block.length;
    }
  }
  writeFileSync(path, parts.join(''));
  return path;
}

/** Bytes that are not text at all (a seeded LCG, so every run imports the same garbage). */
export function garbageBytes(length: number, seed = 12_345): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) & 0x7fffffff;
    bytes[i] = (x >> 16) & 0xff;
  }
  return bytes;
}
