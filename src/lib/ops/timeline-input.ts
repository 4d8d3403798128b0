import type { OpsTimelineInput } from '../charts/ops-timeline-spec';
import type { LatencyPoint } from '../charts/ops-latency-spec';
import { findVersion } from '../registry/find-version';
import type { SimulationSnapshot } from './types';

/** The one-picture timeline from a snapshot: served error, which version served when, alerts, retrains and promotions. */
export function timelineInput(snapshot: SimulationSnapshot): OpsTimelineInput {
  const { timeline, registry } = snapshot;
  const label = (id: string) => {
    const version = findVersion(registry, id);
    return version ? `v${version.version} ${version.model}` : id;
  };
  const versions: OpsTimelineInput['versions'][number][] = [];
  for (const point of timeline) {
    const last = versions.at(-1);
    const name = label(point.champion);
    if (last && last.version === name) last.end = point.date + 1;
    else versions.push({ version: name, start: point.date, end: point.date + 1 });
  }
  const first = timeline[0] ? findVersion(registry, timeline[0].champion) : null;
  return {
    error: timeline.map((p) => ({ date: p.date, wape: p.rollingWape })),
    versions,
    alerts: snapshot.alerts,
    events: snapshot.events.filter((e) => e.kind !== 'onset').map((e) => ({ date: e.date, kind: e.kind, text: e.text })),
    driftOnset: snapshot.onsetDate,
    reference: first?.metrics.wape ?? null,
  };
}

export function latencyPoints(snapshot: SimulationSnapshot): LatencyPoint[] {
  return snapshot.timeline.map((p) => ({ date: p.date, ...p.latency }));
}
