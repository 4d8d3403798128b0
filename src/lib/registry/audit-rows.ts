import { auditTexts as t } from '../messages/registry';
import { formatStamp } from '../runs/format-stamp';
import { versionLabel } from './version-label';
import type { Registry } from './types';

/** One audit entry as a table shows it: text only, in the trail's order (oldest first). */
export interface AuditRow {
  /** The entry's ISO timestamp (for sorting, and for the model card, which reads the same in every time zone). */
  iso: string;
  /** Local "YYYY-MM-DD HH:MM". */
  when: string;
  action: string;
  version: string;
  why: string;
  actor: string;
  /** "3 of 4 passed" for a promotion decided on gates; '' otherwise. */
  gates: string;
}

export interface AuditRowsOptions {
  /** Only the entries about this version: acted on, or replaced by the action (an alias's previous holder). */
  versionId?: string;
}

export function auditRows(registry: Registry, options: AuditRowsOptions = {}): AuditRow[] {
  const { versionId } = options;
  const entries = versionId === undefined ? registry.audit : registry.audit.filter((e) => e.version === versionId || e.previous === versionId);
  return entries.map((e) => {
    const previous = e.previous === undefined || e.previous === null ? null : versionLabel(registry, e.previous);
    return {
      iso: e.when,
      when: formatStamp(e.when),
      action: t.action(e.action, e.alias, previous),
      version: versionLabel(registry, e.version),
      why: e.why,
      actor: t.actor[e.actor],
      gates: e.gates ? t.gatesSummary(e.gates.filter((g) => g.pass).length, e.gates.length) : '',
    };
  });
}
