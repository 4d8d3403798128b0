/**
 * Reading a registry: an empty one to start from, a version by id or by alias, the label people see for it, and its
 * audit trail as rows of text. Nothing here changes a registry; the actions that do are in ./registry-actions.ts.
 */
import { formatStamp } from '../format/format-stamp';
import { auditTexts as t, registryMessages as m } from '../messages/registry';
import type { Alias, ModelVersion, Registry } from './types';

/** An empty registered model: no versions, no aliases, nothing in the audit trail yet. */
export function createRegistry(name: string): Registry {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error(m.emptyName());
  return { name: trimmed, versions: [], aliases: {}, audit: [], championHistory: [] };
}

/** The version with this id; null when the registry has none. */
export function findVersion(registry: Registry, versionId: string): ModelVersion | null {
  return registry.versions.find((v) => v.id === versionId) ?? null;
}

/** The version with this id, for actions that cannot go on without it: throws when the registry has none. */
export function requireVersion(registry: Registry, versionId: string): ModelVersion {
  const version = findVersion(registry, versionId);
  if (version === null) throw new Error(m.unknownVersion(versionId, registry.name));
  return version;
}

/** The version an alias points at; null when the alias is not set. */
export function versionByAlias(registry: Registry, alias: Alias): ModelVersion | null {
  const id = registry.aliases[alias];
  return id === undefined ? null : findVersion(registry, id);
}

export interface VersionLabelOptions {
  /** Add the model's name ("v3 ridge"), where versions of different models are told apart (the ops timeline). */
  model?: boolean;
}

/** "v3" for people; the id itself for a version the registry does not have (a damaged audit entry still reads). */
export function versionLabel(registry: Registry, versionId: string, options: VersionLabelOptions = {}): string {
  const version = findVersion(registry, versionId);
  if (version === null) return versionId;
  return options.model ? `v${version.version} ${version.model}` : `v${version.version}`;
}

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
