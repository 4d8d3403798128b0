import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/lib/monitor/alert-rules';
import { recoverySummary } from '../../../src/lib/ops/recovery-summary';
import type { MonitorReport } from '../../../src/lib/monitor/monitor-period';
import type { OpsEvent, PeriodRecord } from '../../../src/lib/ops/types';

const DAY = 20_000;

function point(period: number, overrides: Partial<PeriodRecord> = {}): PeriodRecord {
  return { period, date: DAY + period, champion: 'f:v1', challenger: null, rollingWape: 0.3, periodWape: 0.3, periodCost: 10, driftShare: 0, latency: { p50: 2, p95: 3, p99: 4 }, alerts: [], ...overrides };
}

const onset = (period: number): OpsEvent => ({ period, date: DAY + period, kind: 'onset', version: null, text: '' });
const alert = (kind: Alert['kind'], period: number) => ({ kind, period }) as Alert;
/** The newest report, as far as the summary reads it: a monitoring window of `periods` periods ending at `end`. */
const monitorOf = (end: number, periods: number) => ({ current: { start: DAY + end - periods + 1, end: DAY + end, rows: 0 } }) as MonitorReport;

describe('recoverySummary(snapshot)', () => {
  it('gives the WAPE before the onset, its worst since, the newest, and what was done about it', () => {
    const timeline = [point(0, { rollingWape: null }), point(1, { rollingWape: 0.2 }), point(2, { rollingWape: 0.4 }), point(3, { rollingWape: 0.5 }), point(4, { rollingWape: 0.25 })];
    const events = [onset(2), { period: 3, date: DAY + 3, kind: 'promote' as const, version: 'f:v2', text: '' }];
    const alerts = [alert('data-drift', 3), alert('data-drift', 1)];
    const dates = timeline.map((p) => p.date);
    expect(recoverySummary({ timeline, events, alerts, monitor: monitorOf(4, 2), dates })).toEqual({ before: 0.2, peak: 0.5, latest: 0.25, promotions: 1, alerts: 1, recoveryPeriods: 0 });
    expect(recoverySummary({ timeline, events: [], alerts: [], monitor: null, dates })).toMatchObject({ before: null, recoveryPeriods: null });
  });

  it('recoveryPeriods: from the onset to the period after the last performance alert, once a whole monitoring window passed without one', () => {
    // Onset at 2; a store's bias alert at 5 and again at 12; a data-drift alert later does not count; a 7-period window.
    const alerts = [alert('performance', 5), alert('performance', 12), alert('target-drift', 15)];
    const upTo = (last: number) => {
      const timeline = Array.from({ length: last + 1 }, (_, t) => point(t));
      return recoverySummary({ timeline, events: [onset(2)], alerts, monitor: monitorOf(last - 1, 7), dates: timeline.map((p) => p.date) });
    };
    expect(upTo(18).recoveryPeriods).toBeNull(); // six quiet periods: the window still holds days from before the alert
    expect(upTo(19).recoveryPeriods).toBe(11); // periods 2 … 12 were off; from 13 on the forecasts are within the rules
    expect(upTo(40).recoveryPeriods).toBe(11);
  });
});
