import { columnDrift, type ColumnDrift, type ColumnDriftInput } from '../../src/lib/monitor/column-drift';
import { datasetDrift } from '../../src/lib/monitor/dataset-drift';
import { createRng, type Rng } from '../../src/lib/random/rng';

/** A kind of column in the workload, with the test columnDrift chose for it and how long it took (the best round). */
export interface DriftGroupTime {
  group: string;
  columns: number;
  /** The tests chosen (by chooseDriftTest, with Evidently's defaults), and how many columns came out drifted. */
  tests: string[];
  drifted: number;
  ms: number;
}

export interface DriftTimes {
  referenceRows: number;
  currentRows: number;
  columns: number;
  rounds: number;
  /** Every columnDrift call plus datasetDrift, per round. */
  roundMs: number[];
  /** The best round, split by column kind. */
  groups: DriftGroupTime[];
  datasetDrifted: boolean;
  datasetShare: number;
}

const ROWS = 100_000;
const ROUNDS = 3;
const SEED = 20240615;

interface WorkloadGroup {
  group: string;
  inputs: ColumnDriftInput[];
}

/**
 * The Monitor stage's drift tests at scale, in Node: columnDrift on 20 columns of 100,000 reference against 100,000
 * current rows, then datasetDrift over them, best of ROUNDS (the first carries the JIT's warm-up). Seeded columns:
 * 14 continuous numbers (the current side of 7 of them shifted by a quarter of a standard deviation), 3 numbers
 * with 5 values (tested like categories), 3 categories of 10 values (the current side of one reweighted).
 */
export function timeDriftTests(): DriftTimes {
  const workload = driftWorkload(createRng(SEED));
  const roundMs: number[] = [];
  let best: { ms: number; groups: DriftGroupTime[]; results: ColumnDrift[] } | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const groups: DriftGroupTime[] = [];
    const results: ColumnDrift[] = [];
    for (const { group, inputs } of workload) {
      const from = performance.now();
      const drifts = inputs.map(columnDrift);
      groups.push({ group, columns: inputs.length, tests: [...new Set(drifts.map((d) => d.test))], drifted: drifts.filter((d) => d.drifted).length, ms: performance.now() - from });
      results.push(...drifts);
    }
    datasetDrift(results);
    const ms = performance.now() - started;
    roundMs.push(ms);
    if (best === null || ms < best.ms) best = { ms, groups, results };
  }
  const dataset = datasetDrift(best!.results);
  return {
    referenceRows: ROWS,
    currentRows: ROWS,
    columns: workload.reduce((n, g) => n + g.inputs.length, 0),
    rounds: ROUNDS,
    roundMs,
    groups: best!.groups,
    datasetDrifted: dataset.drifted,
    datasetShare: dataset.share,
  };
}

function driftWorkload(rng: Rng): WorkloadGroup[] {
  const numbers = (draw: () => number) => Float64Array.from({ length: ROWS }, draw);
  const continuous = Array.from({ length: 14 }, (_, i): ColumnDriftInput => {
    const [mean, sd] = [10 * i, 1 + i];
    const shift = i < 7 ? 0.25 * sd : 0;
    return {
      column: `x${i + 1}`,
      kind: 'numeric',
      reference: numbers(() => mean + sd * rng.normal()),
      current: numbers(() => mean + shift + sd * rng.normal()),
    };
  });
  const few = Array.from({ length: 3 }, (_, i): ColumnDriftInput => ({
    column: `level${i + 1}`,
    kind: 'numeric',
    reference: numbers(() => rng.int(0, 4)),
    current: numbers(() => rng.int(0, 4)),
  }));
  const categories = Array.from({ length: 10 }, (_, i) => `category ${i + 1}`);
  const pick = (skew: number) => () => categories[Math.min(9, Math.floor(10 * rng.next() ** (1 + skew)))]!;
  const categorical = Array.from({ length: 3 }, (_, i): ColumnDriftInput => ({
    column: `group${i + 1}`,
    kind: 'categorical',
    reference: Array.from({ length: ROWS }, pick(0)),
    current: Array.from({ length: ROWS }, pick(i === 0 ? 1 : 0)),
  }));
  return [
    { group: '14 continuous numbers (7 shifted by ¼ sd)', inputs: continuous },
    { group: '3 numbers with 5 values', inputs: few },
    { group: '3 categories of 10 values (1 reweighted)', inputs: categorical },
  ];
}
