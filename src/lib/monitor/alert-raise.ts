import { alertMessages as M, type DriftText } from '../messages/alerts';
import type { Alert, AlertKind, AlertRules, AlertSeverity } from './alert-rules';
import type { DataQualityIssue } from './data-quality';
import type { PerformanceDecay } from './performance-decay';

/** What raiseAlerts reads of a drift test's result (a structural subset of ./column-drift's ColumnDrift). */
export interface DriftResult {
  drifted: boolean;
  /** The test's statistic: KS D, χ², or the distance. */
  statistic: number;
  /** A significance test's p-value, which its threshold applies to; null or absent for a distance. */
  pValue?: number | null;
  threshold: number;
  /** The test's name, e.g. 'ks' or 'psi'. */
  test: string;
}

export interface ColumnDriftResult extends DriftResult {
  column: string;
}

/** What raiseAlerts reads of a decay check: the verdict itself is taken again against the rules' tolerance. */
export type DecayResult = Pick<PerformanceDecay, 'metric' | 'current' | 'reference' | 'ratio'>;

/** The served forecasts' relative bias in one segment over the window: Σ(forecast − actual) / Σ actual. */
export interface SegmentBias {
  column: string;
  value: string;
  bias: number;
  /** WAPE of the segment's served forecasts over the window. */
  wape: number;
  rows: number;
  /** Σ actual and Σ forecast of the segment over the window (for the explanation chart). */
  actual: number;
  forecast: number;
}

export interface RaiseAlertsOptions {
  period: number;
  /** Day of the period. */
  date: number;
  /** Per-column data drift, thresholds as the drift tests applied them (with `rules.drift` overrides). */
  drift?: readonly ColumnDriftResult[];
  /** Share of the monitored columns that drifted, and which (else the drifted ones of `drift` are named). */
  datasetDrift?: { share: number; driftedColumns?: readonly string[] } | null;
  /** Drift of the served forecasts against the forecasts on the training test. */
  predictionDrift?: DriftResult | null;
  /** Drift of the actual sales against the training period's. */
  targetDrift?: DriftResult | null;
  /** Served accuracy against the test (metric 'wape' or 'mae'). */
  performance?: DecayResult | null;
  /** Served cost of error against the test (metric 'costPerRow'). */
  cost?: DecayResult | null;
  quality?: readonly DataQualityIssue[];
  /** Bias of the served forecasts per value of a key column (e.g. each store): a shift in one segment hides in the total. */
  segments?: readonly SegmentBias[];
  rules: AlertRules;
  /** Alerts raised so far, for the cooldown. */
  previous: readonly Alert[];
}

type Draft = Omit<Alert, 'id' | 'period' | 'date'>;

/**
 * The alerts a period raises, in a fixed order (dataset drift, column drift, prediction, target, performance, cost,
 * quality), leaving out every condition that already alerted within `rules.cooldown` periods (or in this very
 * period): an ongoing drift alerts once per cooldown, not every period.
 *
 * The rules decide where they cover a threshold (dataset drift share, tolerances), so an edited rule takes effect
 * at once; per-column drift verdicts come from the drift tests, which took `rules.drift` as their thresholds.
 */
export function raiseAlerts(options: RaiseAlertsOptions): Alert[] {
  const { period, date, rules, previous } = options;
  const drafts = [
    ...datasetDrift(options),
    ...(options.drift ?? []).filter((d) => d.drifted).map(columnDrift),
    ...testDrift('prediction-drift', options.predictionDrift, { title: M.predictionDriftTitle(), explain: M.predictionDrift }),
    ...testDrift('target-drift', options.targetDrift, { title: M.targetDriftTitle(), explain: M.targetDrift }),
    ...decay('performance', options.performance, rules.performanceTolerance),
    ...decay('cost', options.cost, rules.costTolerance),
    ...(options.segments ?? []).filter((g) => Math.abs(g.bias) > rules.segmentBias).map((g) => segment(g, rules.segmentBias)),
    ...(options.quality ?? []).map(quality),
  ];
  const last = new Map<string, number>();
  for (const alert of previous) if (alert.period <= period) last.set(alert.key, Math.max(alert.period, last.get(alert.key) ?? -Infinity));
  const raised: Alert[] = [];
  for (const draft of drafts) {
    const before = last.get(draft.key);
    if (before !== undefined && (before === period || period - before < rules.cooldown)) continue;
    last.set(draft.key, period);
    raised.push({ id: `${draft.key}@${period}`, period, date, ...draft });
  }
  return raised;
}

function datasetDrift({ datasetDrift, drift = [], rules }: RaiseAlertsOptions): Draft[] {
  if (!datasetDrift || !(datasetDrift.share >= rules.datasetDriftShare)) return [];
  const { share } = datasetDrift;
  const drifted = datasetDrift.driftedColumns ?? drift.filter((d) => d.drifted).map((d) => d.column);
  const explanation = M.datasetDrift(share, rules.datasetDriftShare, drifted);
  return [draft('data-drift', { severity: 'critical', title: M.datasetDriftTitle(share), explanation, statistic: share, threshold: rules.datasetDriftShare })];
}

function columnDrift(d: ColumnDriftResult): Draft {
  const measured = compared(d);
  const fields = { severity: 'warning' as const, title: M.dataDriftTitle(d.column), explanation: M.dataDrift(d.column, measured), statistic: measured.statistic, threshold: d.threshold };
  return { ...draft('data-drift', fields), key: `data-drift:${d.column}`, column: d.column };
}

function testDrift(kind: AlertKind, result: DriftResult | null | undefined, text: { title: string; explain: (d: DriftText) => string }): Draft[] {
  if (!result?.drifted) return [];
  const measured = compared(result);
  return [draft(kind, { severity: 'warning', title: text.title, explanation: text.explain(measured), statistic: measured.statistic, threshold: result.threshold })];
}

/** The number the threshold was applied to: a significance test's p-value, else the statistic (a distance). */
function compared(d: DriftResult): DriftText {
  const statistic = d.pValue === null || d.pValue === undefined ? d.statistic : d.pValue;
  return { test: d.test, statistic, threshold: d.threshold };
}

const DECAY_TEXTS = {
  wape: { title: M.performanceTitle, explain: M.performance },
  mae: { title: M.performanceMaeTitle, explain: M.performanceMae },
  costPerRow: { title: M.costTitle, explain: M.cost },
} as const;

/** Decay is judged here against the rule's tolerance, on the ratio the check measured. */
function decay(kind: 'performance' | 'cost', result: DecayResult | null | undefined, tolerance: number): Draft[] {
  if (!result || result.ratio === null || result.current === null || result.reference === null) return [];
  const limit = 1 + tolerance;
  if (!(result.ratio > limit)) return [];
  const text = DECAY_TEXTS[result.metric];
  const explanation = text.explain({ current: result.current, reference: result.reference, ratio: result.ratio, limit });
  return [draft(kind, { severity: 'critical', title: text.title(result.ratio), explanation, statistic: result.current, threshold: result.reference * limit })];
}

function segment(g: SegmentBias, limit: number): Draft {
  const fields = { severity: 'critical' as const, title: M.segmentTitle(g.column, g.value, g.bias), explanation: M.segment(g.column, g.value, g.bias, limit), statistic: g.bias, threshold: limit };
  return { ...draft('performance', fields), key: `performance:${g.column}=${g.value}`, column: g.column };
}

function quality(issue: DataQualityIssue): Draft {
  const severity: AlertSeverity = issue.kind === 'schema-change' ? 'critical' : 'warning';
  const fields = { severity, title: M.qualityTitle[issue.kind](issue.column), explanation: issue.message, statistic: issue.share, threshold: issue.threshold };
  return { ...draft('data-quality', fields), key: `data-quality:${issue.kind}:${issue.column}`, column: issue.column };
}

/** An alert without its period; keyed by its kind alone unless the caller narrows the key (per column, per issue). */
function draft(kind: AlertKind, fields: Omit<Draft, 'key' | 'kind'>): Draft {
  return { key: kind, kind, ...fields };
}
