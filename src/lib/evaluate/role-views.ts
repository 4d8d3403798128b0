import { finiteOrNull, meanOfFinite } from '../core/finite';
import type { MetricFormat } from '../format/format-metric';
import { evaluateMessages, evaluatePanelMessages, type EvaluationMetricKey } from '../messages/evaluate';
import type { ModelName, RunMetrics } from '../runs/types';
import type { ForecastEvaluation } from './evaluate-forecast';
import { REFERENCE_MODEL, TEST_WINDOW, testWindow } from './leaderboard';
import type { ValueEstimate } from './value-estimate';

/**
 * One model of a run read by three people, each with their own questions: the data scientist (accuracy, intervals),
 * the demand planner (stock-outs, service, bias on flagged rows) and the business (cost of error, savings, value).
 * Each role's rows are defined once here, as a metric key and a reader of a ForecastEvaluation; the page's views and the
 * CSV download (metrics-downloads.ts) both read through them, so a metric sits under the same role in both.
 */

/** Whose questions a metric answers: the three views of the Evaluate stage. */
export type EvaluationRole = 'dataScientist' | 'expert' | 'business';

export const ROLES: readonly EvaluationRole[] = ['dataScientist', 'expert', 'business'];

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
export function roleRowDefs(role: EvaluationRole, flags: string[]): (RowDef & { key: string; label: string; help: string })[] {
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
