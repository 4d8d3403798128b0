import type { OpsTimelineInput } from '../charts/ops-timeline-spec';
import type { LatencyPoint } from '../charts/ops-latency-spec';
import { findVersion, versionLabel } from '../registry/registry';
import type { SimulationSnapshot } from './types';

/** The one-picture timeline from a snapshot: served error, which version served when, alerts, retrains and promotions. */
export function timelineInput(snapshot: SimulationSnapshot): OpsTimelineInput {
  const { timeline, registry } = snapshot;
  const versions: OpsTimelineInput['versions'][number][] = [];
  for (const point of timeline) {
    const last = versions.at(-1);
    const name = versionLabel(registry, point.champion, { model: true });
    if (last && last.version === name) last.end = point.date + 1;
    else versions.push({ version: name, start: point.date, end: point.date + 1 });
  }
  const first = timeline[0] ? findVersion(registry, timeline[0].champion) : null;
  // The stores a segment alert named get a line of their own: the story is often one store's, which the total hides.
  const alerted = new Set(snapshot.alerts.flatMap((a) => (segmentOf(a.key) ? [segmentOf(a.key)!] : [])));
  const segments = timeline.flatMap((p) =>
    (p.segments ?? []).filter((g) => alerted.has(`${g.column}=${g.value}`)).map((g) => ({ date: p.date, segment: `${g.column} ${g.value}`, wape: g.wape })),
  );
  return {
    error: timeline.map((p) => ({ date: p.date, wape: p.rollingWape })),
    segments,
    versions,
    alerts: snapshot.alerts,
    events: snapshot.events.filter((e) => e.kind !== 'onset').map((e) => ({ date: e.date, kind: e.kind, text: e.text })),
    driftOnset: snapshot.onsetDate,
    reference: first?.metrics.wape ?? null,
  };
}

/** `column=value` of a segment alert's key (`performance:store=S1`), else null. */
export function segmentOf(key: string): string | null {
  return /^performance:(.+=.+)$/.exec(key)?.[1] ?? null;
}

export function latencyPoints(snapshot: SimulationSnapshot): LatencyPoint[] {
  return snapshot.timeline.map((p) => ({ date: p.date, ...p.latency }));
}
