import { dayToIso } from '../core/days';
import type { SimulationSnapshot } from './types';

/**
 * What a version's model card says under "Drift history": the alerts raised while it served as champion, and what
 * the registry did about them, in simulated time.
 */
export function driftHistory(snapshot: Pick<SimulationSnapshot, 'timeline' | 'alerts' | 'events'>, versionId: string): { when: string; what: string }[] {
  const served = new Set(snapshot.timeline.filter((p) => p.champion === versionId).map((p) => p.period));
  const alerts = snapshot.alerts.filter((a) => served.has(a.period)).map((a) => ({ period: a.period, when: dayToIso(a.date), what: `${a.title}: ${a.explanation}` }));
  const events = snapshot.events
    .filter((e) => e.version === versionId || (served.has(e.period) && e.kind === 'onset'))
    .map((e) => ({ period: e.period, when: dayToIso(e.date), what: e.text }));
  return [...alerts, ...events].sort((a, b) => a.period - b.period).map(({ when, what }) => ({ when, what }));
}
