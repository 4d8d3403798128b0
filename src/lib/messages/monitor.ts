// User-facing texts for drift monitoring (src/lib/monitor).
import { formatNumber } from '../format/format-number';
import type { DriftTestName } from '../monitor/choose-drift-test';
import type { AlertRules } from '../monitor/alert-rules';

export const monitorMessages = {
  /** Why a column's drift could not be measured. */
  emptySample: (column: string, sides: ('reference' | 'current')[]) =>
    `“${column}” has no values in the ${sides.join(' or the ')} data (all missing), so its drift cannot be measured.`,
  numericTestOnCategories: (test: DriftTestName, column: string) =>
    `The ${driftTestLabels[test]} test needs numbers, but “${column}” is categorical. Choose chi-square, Z-test, Jensen–Shannon or PSI for it.`,
  /** Labels of the bins of the "which bins moved" chart. */
  binBelow: (edge: number) => `< ${formatNumber(edge)}`,
  binBetween: (from: number, to: number) => `${formatNumber(from)} – ${formatNumber(to)}`,
  binFrom: (edge: number) => `≥ ${formatNumber(edge)}`,
  binValue: (value: number) => formatNumber(value),
};

export const driftTestLabels: Record<DriftTestName, string> = {
  ks: 'Kolmogorov–Smirnov',
  chisquare: 'chi-square',
  z: 'Z-test',
  wasserstein: 'Wasserstein distance (normed)',
  jensenshannon: 'Jensen–Shannon distance',
  psi: 'PSI',
};

/** The Monitor stage's labels: the alert thresholds, the window's summary, the drift table and the alert list. */
export const monitorPanelTexts = {
  rulesLegend: 'Alert thresholds (a change restarts the simulation from the start: same seed, same story)',
  performance: 'Performance: alert when WAPE is more than … above the test (%)',
  segment: 'One store or product off by more than (%)',
  datasetDrift: 'Dataset drift: share of drifting columns (%)',
  numericTest: 'Numeric drift test',
  numericTestHelp: (smallReference: number) => `Evidently's default: KS up to ${smallReference} reference rows, the Wasserstein distance above`,
  numericTests: { default: "Evidently's default", psi: 'PSI (population stability)' } satisfies Record<NonNullable<AlertRules['numericTest']>, string>,
  pValue: (fallback: number) => `p-value threshold (KS, χ², Z; empty = ${fallback})`,
  distance: (fallback: number) => `Distance threshold (Wasserstein, JS, PSI; empty = ${fallback})`,
  missing: 'Missing values allowed above training (%)',
  outOfRange: 'Out-of-range values allowed (%)',
  cooldown: 'Cooldown (periods)',
  empty: 'Nothing is monitored yet: start the simulation on the Deploy stage.',
  waiting: 'Monitoring starts once a whole window of actuals has arrived.',
  servedWape: 'Served WAPE (current window)',
  testWape: (wape: string, ratio: string | null) => `test: ${wape}${ratio === null ? '' : ` · ×${ratio}`}`,
  bias: 'Bias (forecast − actual, per row)',
  cost: 'Cost of error (window)',
  drifting: 'Columns drifting',
  datasetDriftAt: (share: string) => `dataset drift at ≥ ${share}`,
  windows: (o: { current: string; currentRows: number; reference: string | null; referenceRows: number; smallReference: number }) =>
    `Current window ${o.current} (${o.currentRows} rows) against the same weeks a year earlier, before deployment (${o.reference ?? 'none'}, ${o.referenceRows} rows). Tests as Evidently chooses them: KS / χ² / Z up to ${o.smallReference} reference rows, Wasserstein ÷ std / Jensen–Shannon above.`,
  range: (start: string, end: string) => `${start} … ${end}`,
  columns: { column: 'Column', role: 'Role', test: 'Test', statistic: 'Statistic', driftWhen: 'Drift when', rows: 'Rows (ref / current)', verdict: 'Verdict' },
  roles: { input: 'input', target: 'target (actual sales)', prediction: 'prediction' },
  driftTable: 'Drift per column',
  pValueStatistic: (p: string) => `p = ${p}`,
  driftWhen: (kind: 'p-value' | 'distance', threshold: number) => (kind === 'p-value' ? `p ≤ ${threshold}` : `≥ ${threshold}`),
  verdict: (drifted: boolean) => (drifted ? 'drift' : 'ok'),
  costChart: 'Cost of forecast error per simulated period',
  quality: 'Data quality',
  alerts: (count: number) => `Alerts (${count})`,
  noAlerts: 'No alert so far.',
  alertItem: (date: string, title: string) => `${date} · ${title}`,
  alertFigures: (statistic: string, threshold: string, period: number, date: string) => `Statistic ${statistic}, threshold ${threshold}; period ${period} (${date}).`,
} as const;
