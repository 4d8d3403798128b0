import { dayToIso } from '../core/days';
import { finiteOrNull, meanOfFinite } from '../core/finite';
import { formatMetric, HEADLINE_FORMAT, type MetricFormat } from '../format/format-metric';
import { evaluateMessages, evaluatePanelMessages, type EvaluationMetricKey } from '../messages/evaluate';
import type { MetricName } from '../notebook/stage-configs';
import type { HeadlineKey, HeadlineMetrics, ModelFamily, ModelName, ModelResult, RunMetrics, WindowResult } from '../runs/types';
import { localDate } from '../storage/format-timestamp';
import type { ForecastEvaluation } from './evaluate-forecast';
import { headlineMetrics } from '../train/headline-metrics';
import type { ValueEstimate } from './value-estimate';

/**
 * The Evaluate stage reads one backtest (a RunMetrics) three ways:
 *   1. leaderboard      every model and baseline by the primary metric's backtest mean, against seasonal naive;
 *   2. testImprovement  the quality bar, stated on the test window: the best model's WAPE ≥ 25 % below seasonal naive's;
 *   3. roleViews        one model's numbers for the data scientist, the demand planner and the business, on the test
 *                       window beside their backtest mean;
 *   4. downloads        metricsTableRows (model × window × metric, for metricsToCsv) and metricsToJson.
 * Everything here is plain data in, plain data out; the panel only formats and lays it out.
 */

/** The model every other is measured against: the quality bar is stated against it. */
export const REFERENCE_MODEL: ModelName = 'seasonal-naive';
/** The quality bar: the best model's test WAPE at least this many percent lower than seasonal naive's. */
export const QUALITY_BAR_PERCENT = 25;
export const TEST_WINDOW = 'test';

/** Whose questions a metric answers: the three views of the Evaluate stage. */
export type EvaluationRole = 'dataScientist' | 'expert' | 'business';

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

// 3. Role views --------------------------------------------------------------------------------------------------

export interface RoleMetricRow {
  /** A stable key, as in evaluationRows: `mae`, `fillRate`, `biasOn:<flag>`, … */
  metric: string;
  label: string;
  /** What the metric means (the row's tooltip). */
  help: string;
  format: MetricFormat;
  /** Value on the test window. */
  test: number | null;
  /** Mean over the backtest windows that have it. */
  backtest: number | null;
}

export interface RoleView {
  role: EvaluationRole;
  rows: RoleMetricRow[];
}

export interface RoleViews {
  model: ModelName;
  /** The window the `test` column comes from. */
  window: string | null;
  /** Selection folds averaged in the `backtest` column (the test window is not among them). */
  windows: number;
  /** The baseline the business savings are measured against. */
  baseline: ModelName;
  dataScientist: RoleView;
  expert: RoleView;
  business: RoleView;
  /** The test window's yearly value estimate (business.value). */
  value: ValueEstimate | null;
}

type Reader = (e: ForecastEvaluation) => number | null;
type ExtraKey = keyof typeof evaluatePanelMessages.extraLabel;
interface RowDef {
  metric: EvaluationMetricKey | ExtraKey;
  format: MetricFormat;
  read: Reader;
}

const DATA_SCIENTIST: RowDef[] = [
  { metric: 'mae', format: 'number', read: (e) => e.dataScientist.mae },
  { metric: 'rmse', format: 'number', read: (e) => e.dataScientist.rmse },
  { metric: 'wape', format: 'fraction', read: (e) => e.expert.wape },
  { metric: 'smape', format: 'percent', read: (e) => e.dataScientist.smape },
  { metric: 'mase', format: 'number', read: (e) => e.dataScientist.mase },
  { metric: 'bias', format: 'number', read: (e) => e.expert.bias },
  { metric: 'pinballP10', format: 'number', read: (e) => e.dataScientist.pinball.p10 },
  { metric: 'pinballP50', format: 'number', read: (e) => e.dataScientist.pinball.p50 },
  { metric: 'pinballP90', format: 'number', read: (e) => e.dataScientist.pinball.p90 },
  { metric: 'coverage80', format: 'fraction', read: (e) => e.dataScientist.coverage80 },
];
const EXPERT: RowDef[] = [
  { metric: 'stockoutUnits', format: 'count', read: (e) => e.business.stockoutUnits },
  { metric: 'stockoutPeriods', format: 'count', read: (e) => e.business.stockoutPeriods },
  { metric: 'overstockUnits', format: 'count', read: (e) => e.business.overstockUnits },
  { metric: 'serviceLevel', format: 'fraction', read: (e) => e.business.serviceLevel },
  { metric: 'fillRate', format: 'fraction', read: (e) => e.business.fillRate },
  { metric: 'mape', format: 'percent', read: (e) => e.expert.mape },
  { metric: 'biasPercent', format: 'percent', read: (e) => e.expert.biasPercent },
];
const BUSINESS: RowDef[] = [
  { metric: 'errorCost', format: 'money', read: (e) => e.business.errorCost },
  { metric: 'holdingCost', format: 'money', read: (e) => e.business.holdingCost },
  { metric: 'lostMargin', format: 'money', read: (e) => e.business.lostMargin },
  { metric: 'stockoutPenalty', format: 'money', read: (e) => e.business.stockoutPenalty },
  { metric: 'baselineErrorCost', format: 'money', read: (e) => e.business.baselineErrorCost },
  { metric: 'savings', format: 'money', read: (e) => e.business.savings },
  { metric: 'valuePerPeriod', format: 'money', read: (e) => e.business.value?.perPeriod ?? null },
  { metric: 'valuePerYear', format: 'money', read: (e) => e.business.value?.perYear ?? null },
];

const ROLE_ROWS: Record<EvaluationRole, RowDef[]> = { dataScientist: DATA_SCIENTIST, expert: EXPERT, business: BUSINESS };

/** A role's rows for evaluations that hold these flags: the fixed rows, then (demand planner) bias on and off each flag. */
function roleRowDefs(role: EvaluationRole, flags: string[]): (RowDef & { key: string; label: string; help: string })[] {
  const fixed = ROLE_ROWS[role].map((def) => ({
    ...def,
    key: def.metric,
    label: def.metric in evaluateMessages.metricLabel ? evaluateMessages.metricLabel[def.metric as EvaluationMetricKey] : evaluatePanelMessages.extraLabel[def.metric as ExtraKey],
    help: evaluatePanelMessages.help[def.metric],
  }));
  if (role !== 'expert') return fixed;
  const byFlag = flags.flatMap((flag) =>
    [true, false].map((on) => ({
      metric: 'biasPercent' as const,
      format: 'percent' as const,
      read: (e: ForecastEvaluation) => flagBiasPercent(e, flag, on),
      key: `${on ? 'biasOn' : 'biasOff'}:${flag}`,
      label: evaluatePanelMessages.biasPercentWithFlag(flag, on),
      help: evaluatePanelMessages.biasFlagHelp(flag, on),
    })),
  );
  return [...fixed, ...byFlag];
}

/**
 * One model's three role views: the test window beside the mean over the selection folds (the windows the pick was
 * made on, as the leaderboard's selection column; the test window is not in that mean). null when the run has no such
 * model.
 */
export function roleViews(metrics: RunMetrics, model: ModelName): RoleViews | null {
  const result = metrics.models.find((m) => m.name === model);
  if (!result) return null;
  const test = testWindow(result);
  const evaluations = result.windows.filter((w) => w.window !== TEST_WINDOW).map((w) => w.evaluation);
  const view = (role: EvaluationRole): RoleView => ({
    role,
    rows: roleRowDefs(role, flagNames(evaluations)).map(({ key, label, help, format, read }) => ({
      metric: key,
      label,
      help,
      format,
      test: test ? finiteOrNull(read(test.evaluation)) : null,
      backtest: meanOfFinite(evaluations.map(read)),
    })),
  });
  return {
    model,
    window: test?.window ?? null,
    windows: evaluations.length,
    baseline: metrics.baseline,
    dataScientist: view('dataScientist'),
    expert: view('expert'),
    business: view('business'),
    value: test?.evaluation.business.value ?? null,
  };
}

/** The model the panel shows: the one asked for when the run has it, else the best, else the first. */
export function defaultModel(metrics: RunMetrics, wanted: ModelName | null): ModelName | null {
  const has = (name: ModelName | null) => name !== null && metrics.models.some((m) => m.name === name);
  if (has(wanted)) return wanted;
  if (has(metrics.best)) return metrics.best;
  return metrics.models[0]?.name ?? null;
}

/** The models a chart compares: the one inspected, and seasonal naive beside it (when the run has it). */
export function comparisonModels(metrics: RunMetrics, model: ModelName): ModelName[] {
  const names = metrics.models.map((m) => m.name);
  return [model, REFERENCE_MODEL].filter((name, i, all) => names.includes(name) && all.indexOf(name) === i);
}

function flagNames(evaluations: ForecastEvaluation[]): string[] {
  const names = new Set<string>();
  for (const e of evaluations) for (const { flag } of e.expert.byFlag) names.add(flag);
  return [...names];
}

function flagBiasPercent(e: ForecastEvaluation, flag: string, on: boolean): number | null {
  const breakdown = e.expert.byFlag.find((b) => b.flag === flag);
  return (on ? breakdown?.on : breakdown?.off)?.biasPercent ?? null;
}

// 4. Downloads ---------------------------------------------------------------------------------------------------

/** One number of the CSV download: a model's metric on one window. */
export interface MetricsTableRow {
  model: ModelName;
  family: ModelKindLabel;
  window: string;
  /** The window's last training day, 'YYYY-MM-DD'. */
  cutoff: string;
  /** The Evaluate view that shows the metric; 'custom' for the Scope's own metrics. */
  role: EvaluationRole | 'custom';
  /** A stable key, as in the role views (`wape`, `biasOn:<flag>`, …); a custom metric's name. */
  metric: string;
  label: string;
  value: number | null;
}

const ROLES: EvaluationRole[] = ['dataScientist', 'expert', 'business'];

/**
 * Every model × window × metric, for metricsToCsv: the rows each Evaluate view shows (so a metric sits under the role
 * the page shows it for), then the Scope's custom metrics of that window.
 */
export function metricsTableRows(metrics: RunMetrics): MetricsTableRow[] {
  return metrics.models.flatMap((model) =>
    model.windows.flatMap((w) => {
      const at = { model: model.name, family: kindOf(model), window: w.window, cutoff: dayToIso(w.cutoff) };
      const flags = w.evaluation.expert.byFlag.map((b) => b.flag);
      const shown = ROLES.flatMap((role) =>
        roleRowDefs(role, flags).map(({ key, label, read }) => ({ ...at, role, metric: key, label, value: finiteOrNull(read(w.evaluation)) })),
      );
      const custom = (w.custom ?? []).map((c) => ({ ...at, role: 'custom' as const, metric: c.name, label: c.name, value: finiteOrNull(c.value) }));
      return [...shown, ...custom];
    }),
  );
}

/**
 * The JSON download: the RunMetrics as stored, pretty-printed (an undefined metric is already null), with each
 * window's days written as dates ('YYYY-MM-DD') rather than the day numbers the app counts in.
 */
export function metricsToJson(metrics: RunMetrics): string {
  const day = (value: number | null | undefined) => (typeof value === 'number' ? dayToIso(value) : value);
  const dated = {
    ...metrics,
    models: metrics.models.map((model) => ({
      ...model,
      windows: model.windows.map((w) => ({ ...w, cutoff: dayToIso(w.cutoff), trainEnd: day(w.trainEnd), trainStart: day(w.trainStart) })),
    })),
  };
  return `${JSON.stringify(dated, null, 2)}\n`;
}

/** `forecast-lab-metrics-2024-05-01.csv`, dated in the user's time zone. */
export function metricsFileName(extension: 'csv' | 'json', date: Date): string {
  return `forecast-lab-metrics-${localDate(date)}.${extension}`;
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
