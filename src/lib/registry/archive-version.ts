import { registryMessages as m } from '../messages/registry';
import { appendAudit, type AuditDraft } from './append-audit';
import { requireVersion } from './require-version';
import { versionLabel } from './version-label';
import type { ActionOptions, GateResult, Registry } from './types';

export interface ArchiveOptions extends ActionOptions {
  versionId: string;
  /** The gate results it was turned down on, when a challenger is archived for failing them. */
  gates?: GateResult[];
}

/**
 * Takes a version out of the running (a challenger that failed its gates, a dead end): it loses the challenger alias
 * and leaves the champion history, so no rollback lands on it. It stays registered, with its audit trail; the
 * champion cannot be archived, since serving would have nothing to use: promote or roll back first.
 */
export function archiveVersion(registry: Registry, options: ArchiveOptions): Registry {
  const { versionId, gates } = options;
  requireVersion(registry, versionId);
  if (registry.aliases.champion === versionId) throw new Error(m.archiveChampion(versionLabel(registry, versionId)));
  const wasChallenger = registry.aliases.challenger === versionId;
  // The alias on an archive entry is the one the version lost.
  const draft: AuditDraft = {
    action: 'archive',
    version: versionId,
    ...(wasChallenger && { alias: 'challenger' as const }),
    ...(gates && { gates: structuredClone(gates) }),
  };
  const next = appendAudit(registry, draft, options);
  const aliases = { ...registry.aliases };
  if (wasChallenger) delete aliases.challenger;
  return { ...next, aliases, championHistory: registry.championHistory.filter((id) => id !== versionId) };
}
