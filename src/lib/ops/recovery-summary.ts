import type { SimulationSnapshot } from './types';

export interface RecoverySummary {
  /** Mean rolling WAPE of the served forecasts before the drift began (null: no drift, or nothing measured yet). */
  before: number | null;
  /** The worst rolling WAPE from the drift's onset on. */
  peak: number | null;
  /** The newest rolling WAPE. */
  latest: number | null;
  /** Promotions since the onset (by the policy or by hand). */
  promotions: number;
  alerts: number;
  /**
   * Periods from the onset until the served forecasts were back within the alert rules: up to the period after the
   * last performance alert (the overall WAPE, or one store's bias) since the onset, counted once a whole monitoring
   * window has passed without another. 0: no such alert since the onset. null: not recovered yet, or no drift.
   */
  recoveryPeriods: number | null;
}

/** "Drift → alert → retrain → recovery" in a few numbers, for the Retrain stage's headline. */
export function recoverySummary(snapshot: Pick<SimulationSnapshot, 'timeline' | 'events' | 'alerts' | 'monitor' | 'dates'>): RecoverySummary {
  const onset = snapshot.events.find((e) => e.kind === 'onset')?.period ?? Infinity;
  const measured = snapshot.timeline.filter((p): p is typeof p & { rollingWape: number } => p.rollingWape !== null);
  const early = measured.filter((p) => p.period < onset).map((p) => p.rollingWape);
  const late = measured.filter((p) => p.period >= onset).map((p) => p.rollingWape);
  return {
    before: early.length === 0 || !Number.isFinite(onset) ? null : early.reduce((a, b) => a + b, 0) / early.length,
    peak: late.length === 0 ? null : Math.max(...late),
    latest: measured.at(-1)?.rollingWape ?? null,
    promotions: snapshot.events.filter((e) => e.kind === 'promote' && e.period >= onset).length,
    alerts: snapshot.alerts.filter((a) => a.period >= onset).length,
    recoveryPeriods: Number.isFinite(onset) ? recoveryPeriods(snapshot, onset) : null,
  };
}

/**
 * Alerts rather than a WAPE target: a store that lost half its sales has a larger WAPE at its new level however well
 * it is forecast (fewer units, relatively more noise), so "back to the WAPE before" may never come, while its bias
 * alert says plainly whether its forecasts are off. A whole window of quiet: the rolling figures an alert is raised
 * on then hold no period from before the last alert. That assumes the cooldown is shorter than the window (7 periods
 * against 7–28 by default), so a condition still holding has fired again within it.
 */
function recoveryPeriods(snapshot: Pick<SimulationSnapshot, 'timeline' | 'alerts' | 'monitor' | 'dates'>, onset: number): number | null {
  const last = snapshot.alerts.reduce((latest, a) => (a.kind === 'performance' && a.period >= onset ? Math.max(latest, a.period) : latest), -Infinity);
  if (!Number.isFinite(last)) return 0;
  const now = snapshot.timeline.at(-1)?.period ?? -Infinity;
  return now - last >= monitoredPeriods(snapshot) ? last + 1 - onset : null;
}

/** Periods in the monitoring window: the simulated dates the newest report's current window spans. */
function monitoredPeriods({ monitor, dates }: Pick<SimulationSnapshot, 'monitor' | 'dates'>): number {
  if (!monitor) return Infinity;
  const { start, end } = monitor.current;
  return dates.filter((d) => d >= start && d <= end).length;
}
