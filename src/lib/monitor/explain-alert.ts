import { opsMessages as explain } from '../messages/ops';
import type { Alert } from './alert-rules';
import type { ColumnDrift } from './column-drift';
import type { DriftBin } from './drift-bins';
import type { MonitorReport } from './monitor-period';

/** The picture behind an alert: two distributions over the same bins (shares), and what the two sides are. */
export interface AlertExplanation {
  column: string;
  bins: DriftBin[];
  title: string;
  subtitle: string;
  reference: string;
  current: string;
}

/**
 * The distributions an alert was raised on: a drift alert's reference and current bins; a store's bias alert, each
 * store's share of the actual units against its share of the forecast units (the store that moved stands out).
 */
export function explainAlert(report: MonitorReport, alert: Alert): AlertExplanation | null {
  if (alert.kind === 'performance' && alert.column) {
    const segments = report.segments.filter((g) => g.column === alert.column);
    const actual = segments.reduce((sum, g) => sum + g.actual, 0);
    const forecast = segments.reduce((sum, g) => sum + g.forecast, 0);
    if (segments.length === 0 || actual <= 0 || forecast <= 0) return null;
    const bins = segments.map((g) => ({ label: g.value, reference: g.actual / actual, current: g.forecast / forecast }));
    return { column: alert.column, bins, title: explain.segmentChart(alert.column), subtitle: explain.segmentSubtitle, reference: explain.actualUnits, current: explain.forecastUnits };
  }
  const drift: ColumnDrift | null =
    alert.kind === 'target-drift' ? report.target
    : alert.kind === 'prediction-drift' ? report.prediction
    : alert.column ? (report.columns.find((c) => c.column === alert.column) ?? null)
    : null;
  return drift
    ? { column: drift.column, bins: drift.bins, title: explain.driftChart(drift.column), subtitle: explain.driftSubtitle(drift.test), reference: explain.referenceSample, current: explain.currentSample }
    : null;
}
