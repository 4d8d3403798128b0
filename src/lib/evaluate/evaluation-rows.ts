import { evaluateMessages, type EvaluationMetricKey } from '../messages/evaluate';
import type { ForecastEvaluation } from './evaluate-forecast';

export type EvaluationRole = 'dataScientist' | 'expert' | 'business';

/** One headline number of an evaluation, for the metric table and its CSV. */
export interface EvaluationRow {
  role: EvaluationRole;
  /** A stable key: the metric's name (`mae`, `fillRate`, …), or `biasOn:<flag>` / `biasOff:<flag>`. */
  metric: string;
  /** What the table shows (from messages/evaluate). */
  label: string;
  value: number | null;
}

/**
 * The three role views flattened to rows, in the order the table shows them. Feed the result to `metricsToCsv`.
 */
export function evaluationRows(evaluation: ForecastEvaluation): EvaluationRow[] {
  const { dataScientist: ds, expert, business } = evaluation;
  const rows: EvaluationRow[] = [];
  const add = (role: EvaluationRole, metric: EvaluationMetricKey, value: number | null) =>
    rows.push({ role, metric, label: evaluateMessages.metricLabel[metric], value });

  add('dataScientist', 'mae', ds.mae);
  add('dataScientist', 'rmse', ds.rmse);
  add('dataScientist', 'mase', ds.mase);
  add('dataScientist', 'smape', ds.smape);
  add('dataScientist', 'pinballP10', ds.pinball.p10);
  add('dataScientist', 'pinballP50', ds.pinball.p50);
  add('dataScientist', 'pinballP90', ds.pinball.p90);
  add('dataScientist', 'coverage80', ds.coverage80);

  add('expert', 'wape', expert.wape);
  add('expert', 'mape', expert.mape);
  add('expert', 'bias', expert.bias);
  add('expert', 'biasPercent', expert.biasPercent);
  for (const { flag, on, off } of expert.byFlag) {
    rows.push({ role: 'expert', metric: `biasOn:${flag}`, label: evaluateMessages.biasWithFlag(flag, true), value: on?.bias ?? null });
    rows.push({ role: 'expert', metric: `biasOff:${flag}`, label: evaluateMessages.biasWithFlag(flag, false), value: off?.bias ?? null });
  }

  add('business', 'stockoutUnits', business.stockoutUnits);
  add('business', 'stockoutPeriods', business.stockoutPeriods);
  add('business', 'overstockUnits', business.overstockUnits);
  add('business', 'serviceLevel', business.serviceLevel);
  add('business', 'fillRate', business.fillRate);
  add('business', 'errorCost', business.errorCost);
  add('business', 'baselineErrorCost', business.baselineErrorCost);
  add('business', 'savings', business.savings);
  add('business', 'valuePerYear', business.value?.perYear ?? null);
  return rows;
}
