/**
 * Two to four runs side by side, the first one being the reference:
 *   1. read each stored run (readRun), name it by its short id;
 *   2. metric deltas: every model's backtest metrics in every run, against the same model in the reference;
 *   3. parameters: only the config values that differ from the reference (diffConfigs, one row per path);
 *   4. learning curves: each run's per-epoch losses, for learningCurvesSpec (src/lib/charts).
 * Then what the comparison table needs to show it: the metric matrix and the parameter values as text.
 */
import { runCompareLabels } from '../messages/runs';
import { diffConfigs, sameValue, valueAtPath, type ConfigPath } from './diff-configs';
import { HEADLINE_KEYS, readRun, type ReadEpoch, type ReadRun, type RunRowStatus } from './read-run';
import { shortId } from './summarize-run';
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
  const read = records.map((record) => readRun(record));
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

export type Verdict = 'better' | 'worse' | 'same';

export interface MetricDelta {
  value: number | null;
  /** value − reference; null when either is missing. */
  delta: number | null;
  /** delta / |reference|; null when either is missing or the reference is 0. */
  relative: number | null;
  /** Null when either is missing. */
  verdict: Verdict | null;
}

/** Differences smaller than this share of the values' size count as the same (floating-point noise). */
const TOLERANCE = 1e-9;
const COVERAGE_TARGET = 0.8;

/**
 * Whether a metric moved the right way against the reference run. Errors and cost: lower is better. Bias: closer
 * to 0 is better (either sign). P10–P90 coverage: closer to its nominal 80 % is better.
 */
export function judgeDelta(metric: HeadlineKey, reference: number | null, value: number | null): MetricDelta {
  if (reference === null || value === null || !Number.isFinite(reference) || !Number.isFinite(value)) {
    return { value, delta: null, relative: null, verdict: null };
  }
  const delta = value - reference;
  const relative = reference === 0 ? null : delta / Math.abs(reference);
  const loss = (x: number) => (metric === 'bias' ? Math.abs(x) : metric === 'coverage80' ? Math.abs(x - COVERAGE_TARGET) : x);
  const change = loss(value) - loss(reference);
  const scale = Math.max(Math.abs(value), Math.abs(reference), 1e-12);
  const verdict: Verdict = Math.abs(change) <= TOLERANCE * scale ? 'same' : change < 0 ? 'better' : 'worse';
  return { value, delta, relative, verdict };
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

export interface LearningCurveModel {
  model: string;
  window: string;
  epochs: ReadEpoch[];
}

export interface LearningCurveRun {
  /** How the chart names the run (its legend entry). */
  label: string;
  models: LearningCurveModel[];
}

/**
 * The training histories a comparison overlays: for each run, each trained model's per-epoch losses on its first
 * backtest window, the one trained from the seed (later windows continue from the previous window's weights, so
 * their curves start part-way; the test window trains for a count the folds chose, with no validation to plot).
 * Baselines have no epochs and are left out.
 */
export function learningCurves(run: ReadRun, label: string): LearningCurveRun {
  const models = (run.metrics?.models ?? []).flatMap((model) => {
    const window = model.windows.find((w) => w.history.length > 0);
    return window === undefined ? [] : [{ model: model.name, window: window.window, epochs: window.history }];
  });
  return { label, models };
}

/** The models that have curves in any of the runs, in order of first appearance (for a model picker). */
export function curveModels(runs: readonly LearningCurveRun[]): string[] {
  return [...new Set(runs.flatMap((run) => run.models.map((m) => m.model)))];
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

/** A relative difference: 0.051 → "+5.1%"; "" when missing (no percentage is better than a made-up one). */
export function formatRelative(relative: number | null): string {
  if (relative === null || !Number.isFinite(relative)) return '';
  const pct = relative * 100;
  const text = Math.abs(pct).toFixed(Math.abs(pct) < 10 ? 1 : 0);
  if (Number(text) === 0) return '0%';
  return `${pct > 0 ? '+' : '−'}${text}%`;
}

const MAX_LENGTH = 160;

/**
 * A configuration value for the "parameters that differ" table: numbers and text as they are, arrays and objects
 * as compact JSON (`[64, 32]`, `{window: 7, stats: ["mean"]}`), null as "null" (the config's "use the default"),
 * a value that is not set as "(not set)". Long values are cut with "…".
 */
export function formatParamValue(value: unknown): string {
  if (value === undefined) return runCompareLabels.absent;
  const text = compact(value);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

function compact(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${compact(v)}`).join(', ')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
