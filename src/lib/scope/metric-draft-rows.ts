import { scopePanelTexts } from '../messages/scope';
import type { ScopeConfig } from '../notebook/stage-configs';
import type { MetricExpressionError } from './metric-expression';
import { parseMetricExpression } from './parse-metric-expression';

export type CustomMetric = ScopeConfig['customMetrics'][number];

/** The notebook's link accepts at most this many user-defined metrics, with names of at most this many characters. */
export const MAX_CUSTOM_METRICS = 20;
export const MAX_METRIC_NAME = 80;

/** A metric as the editor holds it: what is typed, and what of it the notebook has (null: not yet saved). */
export interface MetricDraft {
  key: number;
  name: string;
  expression: string;
  committed: CustomMetric | null;
}

export interface MetricDraftRow extends MetricDraft {
  /** The name's problem, if any. */
  nameError: string | null;
  /** The formula's parse error, if any (with the offset of the bad token). */
  formulaError: MetricExpressionError | null;
  /** Name and formula are valid: the row can be saved. */
  valid: boolean;
  /** What is typed is what the notebook has. */
  saved: boolean;
}

/** The metrics the notebook should hold: the saved version of each row, in order. */
export function committedMetrics(drafts: readonly MetricDraft[]): CustomMetric[] {
  return drafts.flatMap((draft) => (draft.committed ? [draft.committed] : []));
}

/**
 * The editor's rows: the drafts while they agree with the notebook's metrics (the notebook only ever receives valid
 * ones, so a draft with a bad formula lives here alone), else the notebook's metrics afresh (a pasted link, an opened
 * notebook). Each row is checked: a name, unique, and a formula that parses.
 */
export function metricDraftRows(committed: readonly CustomMetric[], drafts: readonly MetricDraft[]): MetricDraftRow[] {
  const rows = sameMetrics(committedMetrics(drafts), committed)
    ? drafts
    : committed.map((metric, key) => ({ key, name: metric.name, expression: metric.expression, committed: metric }));
  return rows.map((draft) => {
    const nameError = checkName(draft, rows);
    const parsed = parseMetricExpression(draft.expression);
    const formulaError = 'error' in parsed ? parsed.error : null;
    const saved = draft.committed !== null && draft.committed.name === draft.name && draft.committed.expression === draft.expression;
    return { ...draft, nameError, formulaError, valid: nameError === null && formulaError === null, saved };
  });
}

function checkName(draft: MetricDraft, rows: readonly MetricDraft[]): string | null {
  const name = draft.name.trim();
  if (name === '') return scopePanelTexts.metricNameMissing();
  if (name.length > MAX_METRIC_NAME) return scopePanelTexts.metricNameTooLong(MAX_METRIC_NAME);
  if (rows.some((other) => other.key !== draft.key && other.name.trim() === name)) return scopePanelTexts.metricNameTaken(name);
  return null;
}

function sameMetrics(a: readonly CustomMetric[], b: readonly CustomMetric[]): boolean {
  return a.length === b.length && a.every((metric, i) => metric.name === b[i]!.name && metric.expression === b[i]!.expression);
}
