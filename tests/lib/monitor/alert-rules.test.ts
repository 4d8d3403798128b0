import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AlertRulesSchema, DEFAULT_ALERT_RULES, type Alert, type AlertRules } from '../../../src/lib/monitor/alert-rules';
import { raiseAlerts } from '../../../src/lib/monitor/alert-raise';
import type { RaiseAlertsOptions } from '../../../src/lib/monitor/alert-raise';
import type { DataQualityIssue } from '../../../src/lib/monitor/data-quality';

const rules: AlertRules = { ...DEFAULT_ALERT_RULES, cooldown: 3 };
const priceDrift = { column: 'price', drifted: true, statistic: 0.003, threshold: 0.05, test: 'ks' };
const base = { date: 18262, rules, previous: [] as Alert[] };

/** Run periods 0 … n − 1 with the same findings every period, feeding each period's alerts to the next. */
function simulate(n: number, findings: Partial<RaiseAlertsOptions>, options: { rules?: AlertRules } = {}): Alert[] {
  let alerts: Alert[] = [];
  for (let period = 0; period < n; period++) alerts = [...alerts, ...raiseAlerts({ ...base, ...findings, rules: options.rules ?? rules, period, previous: alerts })];
  return alerts;
}

describe('AlertRulesSchema and DEFAULT_ALERT_RULES', () => {
  it('defaults to the usual thresholds, and validates edits', () => {
    expect(v.parse(AlertRulesSchema, DEFAULT_ALERT_RULES)).toEqual(DEFAULT_ALERT_RULES);
    expect(DEFAULT_ALERT_RULES).toMatchObject({ datasetDriftShare: 0.5, performanceTolerance: 0.3, missingShare: 0.05, outOfRangeShare: 0.01 });
    expect(v.safeParse(AlertRulesSchema, { ...DEFAULT_ALERT_RULES, drift: { pValue: 0.01, distance: 0.2 } }).success).toBe(true);
    expect(v.safeParse(AlertRulesSchema, { ...DEFAULT_ALERT_RULES, drift: { pValue: 1.5, distance: null } }).success).toBe(false);
    expect(v.safeParse(AlertRulesSchema, { ...DEFAULT_ALERT_RULES, cooldown: -1 }).success).toBe(false);
  });
});

describe('raiseAlerts(options)', () => {
  it('raises a drift alert that names the statistic and the threshold', () => {
    const [alert] = raiseAlerts({ ...base, period: 4, drift: [priceDrift, { ...priceDrift, column: 'promo', drifted: false }] });
    expect(alert).toEqual({
      id: 'data-drift:price@4',
      key: 'data-drift:price',
      period: 4,
      date: 18262,
      kind: 'data-drift',
      severity: 'warning',
      title: 'Data drift in “price”',
      explanation: 'The values of “price” the endpoint receives no longer look like the training data: the Kolmogorov–Smirnov p-value 0.003 is below the threshold 0.05.',
      statistic: 0.003,
      threshold: 0.05,
      column: 'price',
    });
    const psi = raiseAlerts({ ...base, period: 0, drift: [{ column: 'price', drifted: true, statistic: 0.31, threshold: 0.2, test: 'psi' }] });
    expect(psi[0]!.explanation).toContain('population stability index 0.31 is above the threshold 0.2');
  });

  it('reads a ColumnDrift-shaped result: the p-value, not the KS statistic, is what crossed the threshold', () => {
    const ks = { column: 'price', kind: 'numeric', test: 'ks', statistic: 0.41, pValue: 0.0002, threshold: 0.05, thresholdKind: 'p-value', drifted: true, bins: [] };
    const [alert] = raiseAlerts({ ...base, period: 0, drift: [ks], datasetDrift: { share: 1, driftedColumns: ['price'] } }).filter((a) => a.column);
    expect(alert).toMatchObject({ statistic: 0.0002, threshold: 0.05 });
    expect(alert!.explanation).toContain('Kolmogorov–Smirnov p-value 2.00e-4 is below the threshold 0.05');
    const js = { ...ks, test: 'jensenshannon', statistic: 0.2, pValue: null, threshold: 0.1, thresholdKind: 'distance' };
    expect(raiseAlerts({ ...base, period: 0, drift: [js] })[0]!.explanation).toContain('Jensen–Shannon distance 0.2 is above the threshold 0.1');
  });

  it('honours the cooldown: an ongoing condition alerts once every `cooldown` periods', () => {
    expect(simulate(10, { drift: [priceDrift] }).map((a) => a.period)).toEqual([0, 3, 6, 9]);
    expect(simulate(4, { drift: [priceDrift] }, { rules: { ...rules, cooldown: 0 } }).map((a) => a.period)).toEqual([0, 1, 2, 3]);
    expect(simulate(10, { drift: [priceDrift] }, { rules: { ...rules, cooldown: 100 } })).toHaveLength(1);
  });

  it('keys the cooldown per condition: another column or kind alerts at once', () => {
    const previous = raiseAlerts({ ...base, period: 0, drift: [priceDrift] });
    const next = raiseAlerts({ ...base, period: 1, previous, drift: [priceDrift, { ...priceDrift, column: 'promo' }] });
    expect(next.map((a) => a.key)).toEqual(['data-drift:promo']);
  });

  it('never raises the same condition twice in one period, even without a cooldown', () => {
    const noCooldown = { ...rules, cooldown: 0 };
    const previous = raiseAlerts({ ...base, rules: noCooldown, period: 2, drift: [priceDrift] });
    expect(raiseAlerts({ ...base, rules: noCooldown, period: 2, previous, drift: [priceDrift] })).toEqual([]);
  });

  it('raises dataset drift from the share against the rule (at or above it), as critical', () => {
    const at = raiseAlerts({ ...base, period: 0, datasetDrift: { share: 0.5 }, drift: [priceDrift] });
    expect(at.map((a) => [a.key, a.severity])).toEqual([
      ['data-drift', 'critical'],
      ['data-drift:price', 'warning'],
    ]);
    expect(at[0]!.explanation).toContain('(“price”)');
    expect(raiseAlerts({ ...base, period: 0, datasetDrift: { share: 0.49 } })).toEqual([]);
    expect(raiseAlerts({ ...base, period: 0, datasetDrift: { share: 0.49 }, rules: { ...rules, datasetDriftShare: 0.4 } })).toHaveLength(1);
  });

  it('raises prediction and target drift only when their tests flag drift', () => {
    const test = { drifted: true, statistic: 0.001, threshold: 0.05, test: 'ks' };
    const alerts = raiseAlerts({ ...base, period: 0, predictionDrift: test, targetDrift: { ...test, drifted: false } });
    expect(alerts.map((a) => a.kind)).toEqual(['prediction-drift']);
  });

  it('raises performance and cost decay against the rules’ tolerance, with threshold = reference × (1 + tolerance)', () => {
    const performance = { metric: 'wape' as const, current: 0.2, reference: 0.125, ratio: 1.6 };
    const cost = { metric: 'costPerRow' as const, current: 3, reference: 2.5, ratio: 1.2 };
    const alerts = raiseAlerts({ ...base, period: 0, performance, cost });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'performance', severity: 'critical', statistic: 0.2 });
    expect(alerts[0]!.threshold).toBeCloseTo(0.1625, 12);
    expect(alerts[0]!.explanation).toBe(
      'The served forecasts’ WAPE is 20%, 1.60× the 12.5% measured on the test at training; the alert is set above 1.30× (WAPE 16.3%).',
    );
    // Exactly at the limit is not decay; a stricter rule turns the cost finding into an alert.
    expect(raiseAlerts({ ...base, period: 0, performance: { ...performance, ratio: 1.3 } })).toEqual([]);
    expect(raiseAlerts({ ...base, period: 0, cost, rules: { ...rules, costTolerance: 0.1 } }).map((a) => a.kind)).toEqual(['cost']);
    expect(raiseAlerts({ ...base, period: 0, performance: { ...performance, ratio: null } })).toEqual([]);
  });

  it('turns data-quality issues into alerts, one cooldown per column and issue, schema changes critical', () => {
    const issue = (kind: DataQualityIssue['kind'], column: string): DataQualityIssue => ({ kind, column, count: 3, rows: 10, share: 0.3, threshold: 0, message: `${kind} in ${column}`, examples: [] });
    const alerts = raiseAlerts({ ...base, period: 5, quality: [issue('new-category', 'store'), issue('schema-change', 'promo'), issue('missing', 'store')] });
    expect(alerts.map((a) => [a.key, a.severity, a.explanation])).toEqual([
      ['data-quality:new-category:store', 'warning', 'new-category in store'],
      ['data-quality:schema-change:promo', 'critical', 'schema-change in promo'],
      ['data-quality:missing:store', 'warning', 'missing in store'],
    ]);
    expect(alerts[0]!.title).toBe('New values of “store”');
  });

  it('raises nothing from nothing', () => {
    expect(raiseAlerts({ ...base, period: 0 })).toEqual([]);
  });
});

describe('raiseAlerts with segments (per-store bias)', () => {
  it('alerts on a store whose served forecasts are off by more than the rule, once per cooldown', () => {
    const segments = [
      { column: 'store', value: 'S1', bias: 0.6, wape: 0.6, rows: 140, actual: 100, forecast: 160 },
      { column: 'store', value: 'S2', bias: -0.1, wape: 0.1, rows: 140, actual: 100, forecast: 90 },
    ];
    const options = { period: 5, date: 20_005, segments, rules: DEFAULT_ALERT_RULES, previous: [] as Alert[] };
    const [alert, ...rest] = raiseAlerts(options);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ kind: 'performance', key: 'performance:store=S1', column: 'store', statistic: 0.6, threshold: DEFAULT_ALERT_RULES.segmentBias });
    expect(alert!.title).toBe('Forecasts for store S1 are 60% too high');
    expect(raiseAlerts({ ...options, period: 6, previous: [alert!] })).toEqual([]);
  });
});
