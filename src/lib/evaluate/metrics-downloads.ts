import { dayToIso } from '../core/days';
import { finiteOrNull } from '../core/finite';
import type { ModelName, RunMetrics } from '../runs/types';
import { csvField, type CsvCell } from '../format/csv';
import { localDate } from '../storage/format-timestamp';
import { kindOf, type ModelKindLabel } from './leaderboard';
import { roleRowDefs, ROLES, type EvaluationRole } from './role-views';

/**
 * The Evaluate stage's downloads of one run:
 *   1. CSV   metricsTableRows (model × window × metric, the rows the role views show, then the Scope's custom
 *            metrics) written by metricsToCsv;
 *   2. JSON  metricsToJson: the RunMetrics as stored, with dates for day numbers;
 *   3. name  metricsFileName, dated in the user's time zone.
 */

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
 * Rows of metrics as CSV for the download: one column per key (in the order keys first appear), numbers at full
 * precision, an undefined metric (null, NaN, ±Infinity) as an empty cell, text quoted as RFC 4180 has it (csvField).
 */
export function metricsToCsv<T extends { [K in keyof T]: CsvCell }>(rows: readonly T[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField((row as Record<string, CsvCell>)[c])).join(','));
  return lines.join('\n') + '\n';
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
