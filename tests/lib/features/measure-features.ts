/**
 * Timings of the Features stage on a million rows, printed, never asserted (house rule: no timings in tests).
 * Run: npx tsx tests/lib/features/measure-features.ts [stores products days]   (default 20 × 50 × 1000 = 1M rows)
 * CPU time is printed beside wall time: on a shared machine it is the steadier number.
 */
import { applyFeatures } from '../../../src/lib/features/apply-features';
import { defaultFeatureSpec } from '../../../src/lib/features/default-feature-spec';
import { featureCorrelations } from '../../../src/lib/features/feature-correlations';
import { fitFeatureState } from '../../../src/lib/features/fit-feature-state';
import { forecastFromFeatures } from '../../../src/lib/features/forecast-from-features';
import { exampleSales } from './example-sales';

const [stores = 20, products = 50, days = 1000] = process.argv.slice(2).map(Number);

async function time<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const used = process.cpuUsage(cpu);
  console.log(`${label.padEnd(28)} wall ${(performance.now() - start).toFixed(0).padStart(6)} ms   cpu ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms`);
  return result;
}

const data = await time('generate (not features)', () => exampleSales({ stores, products, days }));
const spec = defaultFeatureSpec(data);
const trainEnd = (data.date[0] as number) + Math.floor(days * 0.8);
for (const round of [1, 2]) {
  console.log(`round ${round}: ${data.date.length.toLocaleString('en-US')} rows, ${data.seriesLabels.length} series`);
  const state = await time('fitFeatureState', () => fitFeatureState(data, spec, { trainEnd }));
  const matrix = await time('applyFeatures', () => applyFeatures(data, spec, state));
  console.log(`  matrix ${matrix.rows.toLocaleString('en-US')} × ${matrix.names.length}, ${(matrix.x.byteLength / 2 ** 20).toFixed(0)} MiB`);
  await time('featureCorrelations', () => featureCorrelations(matrix));
  await time('forecastFromFeatures (H = 28)', () =>
    forecastFromFeatures({ data, spec, state, cutoff: trainEnd, horizon: 28, predict: (_x, rows) => new Float32Array(rows).fill(1) }),
  );
}
