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
}

/** "Drift → alert → retrain → recovery" in four numbers, for the Retrain stage's headline. */
export function recoverySummary(snapshot: Pick<SimulationSnapshot, 'timeline' | 'events' | 'alerts'>): RecoverySummary {
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
  };
}
