import { finiteOrNull } from '../core/finite';
import { formatMetric, HEADLINE_FORMAT, type MetricFormat } from '../format/format-metric';
import { evaluateMessages, evaluatePanelMessages } from '../messages/evaluate';
import type { MetricName } from '../notebook/stage-configs';
import type { HeadlineKey, HeadlineMetrics, ModelFamily, ModelName, ModelResult, RunMetrics, WindowResult } from '../runs/types';
import { headlineMetrics } from '../train/headline-metrics';

/**
 * The Evaluate stage reads one backtest (a RunMetrics) three ways; this file is the first, the models side by side:
 *   1. leaderboard       every model and baseline by the primary metric's backtest mean, against seasonal naive;
 *   2. testImprovement   the quality bar, stated on the test window: the best model's WAPE ≥ 25 % below seasonal naive's;
 *      selectionSummary  why the winner won, from the run's selection record.
 * The other two: one model through three roles' eyes (role-views.ts), and the downloads (metrics-downloads.ts).
 * Everything here is plain data in, plain data out; the panel only formats and lays it out.
 */

/** The model every other is measured against: the quality bar is stated against it. */
export const REFERENCE_MODEL: ModelName = 'seasonal-naive';
/** The quality bar: the best model's test WAPE at least this many percent lower than seasonal naive's. */
export const QUALITY_BAR_PERCENT = 25;
export const TEST_WINDOW = 'test';

const METRIC_NAMES: readonly MetricName[] = ['wape', 'mae', 'rmse', 'smape', 'mase'];

/**
 * What kind of model a reader is told it is. Ridge trains in the same TF.js loop as the networks (its family in a run
 * is 'neural', which decides how it is served), but it is a linear model, and the page and the exports say so.
 */
export type ModelKindLabel = ModelFamily | 'linear';

export function kindOf(model: Pick<ModelResult, 'name' | 'family'>): ModelKindLabel {
  return model.name === 'ridge' ? 'linear' : model.family;
}

// 1. Leaderboard ------------------------------------------------------------------------------------------------

export interface LeaderboardOptions {
  primary: MetricName;
}

export interface LeaderboardRow {
  /** 1-based position by the primary metric; models without it come last, in run order. */
  rank: number;
  name: ModelName;
  label: string;
  family: ModelKindLabel;
  /** The selection score: each headline metric's mean over the selection folds (the test window left out). */
  backtest: HeadlineMetrics;
  /** The test window's metrics, reported after the pick; null when the model has no test window. */
  test: HeadlineMetrics | null;
  /** An ensemble's members, as labels. */
  members: string[];
  /** The forms a classical model's automatic choice settled on. */
  forms: string[];
  /** The primary metric's backtest value. */
  primary: number | null;
  /** How much lower the primary metric is than seasonal naive's, in percent (negative: higher); null when undefined. */
  improvement: number | null;
  /** The run's best model (RunMetrics.best). */
  best: boolean;
  /** Seasonal naive itself. */
  reference: boolean;
}

export function leaderboard(metrics: RunMetrics, { primary }: LeaderboardOptions): LeaderboardRow[] {
  const reference = metrics.models.find((m) => m.name === REFERENCE_MODEL)?.backtest[primary] ?? null;
  const sorted = metrics.models
    .map((model, order) => ({ model, order, value: finiteOrNull(model.backtest[primary]) }))
    .sort((a, b) => (a.value ?? Infinity) - (b.value ?? Infinity) || a.order - b.order);
  return sorted.map(({ model, value }, i) => ({
    rank: i + 1,
    name: model.name,
    label: modelLabel(model.name),
    family: kindOf(model),
    backtest: model.backtest,
    test: model.test ?? testHeadline(model),
    members: (model.members ?? []).map(modelLabel),
    forms: model.forms ?? [],
    primary: value,
    improvement: improvementPercent(value, reference),
    best: model.name === metrics.best,
    reference: model.name === REFERENCE_MODEL,
  }));
}

/** The leaderboard's metric columns: the primary metric first, then the other accuracy metrics, bias, coverage, cost. */
export function leaderboardColumns(primary: MetricName): { key: HeadlineKey; label: string; help: string; format: MetricFormat }[] {
  const keys: HeadlineKey[] = [primary, ...METRIC_NAMES.filter((m) => m !== primary), 'bias', 'coverage80', 'cost'];
  return keys.map((key) => ({
    key,
    label: key === 'cost' ? evaluatePanelMessages.leaderboard.cost : evaluateMessages.metricLabel[key],
    help: evaluatePanelMessages.help[key],
    format: HEADLINE_FORMAT[key],
  }));
}

/** (reference − value) / reference × 100: positive when the model's error is lower. */
export function improvementPercent(value: number | null, reference: number | null): number | null {
  if (value === null || reference === null || !Number.isFinite(value) || !Number.isFinite(reference) || reference <= 0) return null;
  return ((reference - value) / reference) * 100;
}

// 2. The quality bar on the test window --------------------------------------------------------------------------

export interface TestImprovement {
  /** The run's best model; null when it has none. */
  model: ModelName | null;
  modelWape: number | null;
  referenceWape: number | null;
  /** How much lower the best model's test WAPE is than seasonal naive's, in percent; null when undefined. */
  percent: number | null;
  /** Whether `percent` reaches the bar; null when it is undefined. */
  meetsBar: boolean | null;
  target: number;
}

export function testImprovement(metrics: RunMetrics): TestImprovement {
  const wapeOf = (name: ModelName | null): number | null => {
    const model = metrics.models.find((m) => m.name === name);
    return finiteOrNull(model && testWindow(model)?.evaluation.expert.wape);
  };
  const modelWape = wapeOf(metrics.best);
  const referenceWape = wapeOf(REFERENCE_MODEL);
  const percent = improvementPercent(modelWape, referenceWape);
  return { model: metrics.best, modelWape, referenceWape, percent, meetsBar: percent === null ? null : percent >= QUALITY_BAR_PERCENT, target: QUALITY_BAR_PERCENT };
}

/** A model's test-window headline metrics, from its test window's evaluation (runs stored before `test` was kept). */
function testHeadline(model: ModelResult): HeadlineMetrics | null {
  const test = testWindow(model);
  return test ? headlineMetrics(test.evaluation) : null;
}

/**
 * Why the winner won, in one sentence: its selection score, the folds it was measured on, and the runner-up's score;
 * for runs stored before honest selection, a note that their pick also saw the test window.
 */
export function selectionSummary(metrics: RunMetrics, primary: MetricName): string {
  const selection = metrics.selection;
  if (!selection) return evaluatePanelMessages.selection.legacy;
  const [winner, runnerUp] = selection.ranking;
  if (!winner) return evaluatePanelMessages.selection.none;
  const format = HEADLINE_FORMAT[selection.metric as HeadlineKey] ?? 'number';
  const model = metrics.models.find((m) => m.name === winner.name);
  const label = modelLabel(winner.name);
  const members = (model?.members ?? []).map(modelLabel);
  return evaluatePanelMessages.selection.won({
    model: members.length > 0 ? `${label} of ${members.join(', ')}` : label,
    metric: evaluateMessages.metricLabel[(selection.metric as MetricName) ?? primary] ?? selection.metric,
    score: formatMetric(winner.score, format),
    folds: selection.windows,
    runnerUp: runnerUp ? { model: modelLabel(runnerUp.name), score: formatMetric(runnerUp.score, format) } : null,
  });
}

/** The final test window of a model ('test'; the last window when none is named so). */
export function testWindow(model: ModelResult): WindowResult | null {
  return model.windows.find((w) => w.window === TEST_WINDOW) ?? model.windows.at(-1) ?? null;
}

// Formatting -----------------------------------------------------------------------------------------------------

export function modelLabel(name: ModelName): string {
  return evaluatePanelMessages.modelName[name];
}

/** "31.2% lower" / "4.0% higher" / "–". */
export function formatImprovement(percent: number | null): string {
  return percent === null ? '–' : evaluatePanelMessages.improvement(percent);
}

/** The sentence under the leaderboard that states the quality bar on the test window. */
export function testImprovementText(improvement: TestImprovement): string {
  const { model, percent, modelWape, referenceWape, target } = improvement;
  if (model === null || percent === null) return evaluatePanelMessages.testImprovementMissing;
  return evaluatePanelMessages.testImprovement(modelLabel(model), percent, formatMetric(modelWape, 'fraction'), formatMetric(referenceWape, 'fraction'), target);
}
