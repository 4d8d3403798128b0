import { applyFeatures } from '../../src/lib/features/apply-features';
import { defaultFeatureSpec } from '../../src/lib/features/default-feature-spec';
import { featureCorrelations } from '../../src/lib/features/feature-correlations';
import { fitFeatureState } from '../../src/lib/features/fit-feature-state';
import { exampleSales } from '../lib/features/example-sales';

export interface FeatureStepTime {
  step: 'fitFeatureState' | 'applyFeatures' | 'featureCorrelations';
  /** Wall time, and the process's CPU time over it (steadier on a shared machine), per round. */
  ms: number[];
  cpuMs: number[];
}

export interface FeatureTimes {
  rows: number;
  series: number;
  features: number;
  matrixRows: number;
  matrixBytes: number;
  generateMs: number;
  steps: FeatureStepTime[];
}

/**
 * The Features stage's pipeline on a million rows in Node (the data worker runs the same src/lib code): a SalesData
 * straight from the example generator (20 stores × 50 products × 1,000 days, 4 covariates), its default feature
 * spec, then fitFeatureState (up to 80 % of the days, as a training cutoff would) and applyFeatures over every row;
 * featureCorrelations after, since the Features stage draws them from the same matrix. `rounds` times, so the
 * first round's JIT warm-up shows apart.
 */
export function timeFeatures(options: { stores?: number; products?: number; days?: number; rounds?: number } = {}): FeatureTimes {
  const { stores = 20, products = 50, days = 1000, rounds = 2 } = options;
  const generated = performance.now();
  const data = exampleSales({ stores, products, days });
  const generateMs = performance.now() - generated;
  const spec = defaultFeatureSpec(data);
  const trainEnd = (data.date[0] as number) + Math.floor(days * 0.8);
  const steps: FeatureStepTime[] = (['fitFeatureState', 'applyFeatures', 'featureCorrelations'] as const).map((step) => ({ step, ms: [], cpuMs: [] }));
  const time = <T>(index: number, work: () => T): T => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = work();
    const used = process.cpuUsage(cpu);
    steps[index]!.ms.push(performance.now() - started);
    steps[index]!.cpuMs.push((used.user + used.system) / 1000);
    return result;
  };
  // Only the last matrix's shape is kept: each round's ~110 MB matrix can go once the round is over.
  let shape = { features: 0, matrixRows: 0, matrixBytes: 0 };
  for (let round = 0; round < rounds; round++) {
    const state = time(0, () => fitFeatureState(data, spec, { trainEnd }));
    const matrix = time(1, () => applyFeatures(data, spec, state));
    time(2, () => featureCorrelations(matrix));
    shape = { features: matrix.names.length, matrixRows: matrix.rows, matrixBytes: matrix.x.byteLength + matrix.y.byteLength };
  }
  return { rows: data.date.length, series: data.seriesLabels.length, ...shape, generateMs, steps };
}
