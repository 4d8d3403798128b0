/**
 * Two to four runs side by side, the first one being the reference:
 *   1. read each stored run (readRun), name it by its short id;
 *   2. metric deltas: every model's backtest metrics in every run, against the same model in the reference;
 *   3. parameters: only the config values that differ from the reference (diffConfigs, one row per path);
 *   4. learning curves: each run's per-epoch losses, for learningCurvesSpec (src/lib/charts).
 */
import { runCompareLabels } from '../messages/runs';
import { diffConfigs, sameValue, valueAtPath, type ConfigPath } from './diff-configs';
import { judgeDelta, type MetricDelta } from './judge-delta';
import { learningCurves, type LearningCurveRun } from './learning-curves';
import { HEADLINE_KEYS, readRun, type ReadRun, type RunRowStatus } from './read-run';
import { shortId } from './short-id';
import type { HeadlineKey } from './types';

export const MIN_COMPARED_RUNS = 2;
export const MAX_COMPARED_RUNS = 4;

/** Config fields that say how the notebook looked, not how the run trained: never listed as differences. */
export const NON_TRAINING_PATHS: readonly string[] = ['stage', 'explore'];

export interface ComparedRun {
  id: string;
  label: string;
  created: string | null;
  status: RunRowStatus;
  reference: boolean;
}

export interface MetricDeltaRow {
  model: string;
  metric: HeadlineKey;
  /** The reference run's value (null when it lacks the model or the metric). */
  reference: number | null;
  /** One per run after the reference, in order. */
  others: MetricDelta[];
}

export interface ParamDiffRow {
  path: string;
  /** One per run, reference first; undefined where the run's config does not set it. */
  values: unknown[];
  /** One per run: whether its value differs from the reference's (always false for the reference). */
  changed: boolean[];
}

export interface RunComparison {
  runs: ComparedRun[];
  metrics: MetricDeltaRow[];
  params: ParamDiffRow[];
  curves: LearningCurveRun[];
}

export function compareRuns(records: readonly unknown[]): RunComparison {
  if (records.length < MIN_COMPARED_RUNS || records.length > MAX_COMPARED_RUNS) {
    throw new RangeError(`compareRuns needs ${MIN_COMPARED_RUNS} to ${MAX_COMPARED_RUNS} runs, got ${records.length}`);
  }
  // 1. Runs.
  const read = records.map(readRun);
  const labels = read.map((run, i) => runCompareLabels.runLabel(run.id === '' ? `#${i + 1}` : shortId(run.id)));
  const runs = read.map((run, i) => ({
    id: run.id,
    label: labels[i] as string,
    created: run.created,
    status: run.status,
    reference: i === 0,
  }));
  return {
    runs,
    metrics: metricDeltas(read), // 2.
    params: paramDifferences(read), // 3.
    curves: read.map((run, i) => learningCurves(run, labels[i] as string)), // 4.
  };
}

function metricDeltas(runs: readonly ReadRun[]): MetricDeltaRow[] {
  const [reference, ...others] = runs;
  const models = [...new Set(runs.flatMap((run) => run.metrics?.models.map((m) => m.name) ?? []))];
  const score = (run: ReadRun | undefined, model: string, metric: HeadlineKey): number | null =>
    run?.metrics?.models.find((m) => m.name === model)?.backtest[metric] ?? null;
  const rows: MetricDeltaRow[] = [];
  for (const model of models) {
    for (const metric of HEADLINE_KEYS) {
      const base = score(reference, model, metric);
      const cells = others.map((run) => judgeDelta(metric, base, score(run, model, metric)));
      if (base === null && cells.every((cell) => cell.value === null)) continue;
      rows.push({ model, metric, reference: base, others: cells });
    }
  }
  return rows;
}

function paramDifferences(runs: readonly ReadRun[]): ParamDiffRow[] {
  const [reference, ...others] = runs;
  const paths = new Map<string, ConfigPath>();
  for (const run of others) {
    for (const difference of diffConfigs(reference?.config ?? {}, run.config ?? {}, { ignore: NON_TRAINING_PATHS })) {
      if (!paths.has(difference.path)) paths.set(difference.path, difference.segments);
    }
  }
  return [...paths].map(([path, segments]) => {
    const values = runs.map((run) => valueAtPath(run.config, segments));
    return { path, values, changed: values.map((value) => !sameValue(value, values[0])) };
  });
}

/** The comparison's metrics as a matrix for a table: a column per metric, a row per model × run (reference first). */
export interface MetricMatrix {
  /** The metrics any run has a value for, in HEADLINE_KEYS order. */
  metrics: HeadlineKey[];
  models: { model: string; runs: { run: ComparedRun; cells: MetricDelta[] }[] }[];
}

/**
 * Regroups `comparison.metrics` by model, then run. The reference run's cells carry its values only (no delta); a
 * run with no value at all for a model (interrupted, failed, or without that model) is left out of that model's rows.
 */
export function metricMatrix(comparison: RunComparison): MetricMatrix {
  const metrics = HEADLINE_KEYS.filter((key) => comparison.metrics.some((row) => row.metric === key));
  const modelNames = [...new Set(comparison.metrics.map((row) => row.model))];
  const empty: MetricDelta = { value: null, delta: null, relative: null, verdict: null };
  const models = modelNames.map((model) => {
    const rows = metrics.map((metric) => comparison.metrics.find((row) => row.model === model && row.metric === metric));
    const runs = comparison.runs.map((run, i) => ({
      run,
      cells: rows.map((row): MetricDelta => {
        if (row === undefined) return empty;
        return i === 0 ? { ...empty, value: row.reference } : (row.others[i - 1] ?? empty);
      }),
    }));
    return { model, runs: runs.filter((entry, i) => i === 0 || entry.cells.some((cell) => cell.value !== null)) };
  });
  return { metrics, models };
}
