/**
 * Writes the shipped example, datasets/product-sales-example.csv, from the generator's default options.
 *
 *   npx tsx tests/tools/make-example.ts
 *
 * Run it after changing the generator on purpose, then update the file's sha256 in datasets/README.md (printed
 * below): tests/lib/data/generate-sales.test.ts fails while the shipped file and the generator disagree, and
 * tests/lib/data/shipped-datasets.test.ts while the README and the file do.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSales } from '../../src/lib/data/generate-sales';
import { salesToCsv } from '../../src/lib/data/sales-to-csv';

const target = fileURLToPath(new URL('../../datasets/product-sales-example.csv', import.meta.url));
const sales = generateSales();
const csv = salesToCsv(sales);
writeFileSync(target, csv);
const sha256 = createHash('sha256').update(csv).digest('hex');
console.log(`wrote ${target}: ${sales.rowCount} rows, ${csv.length} bytes, sha256 ${sha256}`);
