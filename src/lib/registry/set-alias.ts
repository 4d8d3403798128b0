import { registryMessages as m } from '../messages/registry';
import { appendAudit } from './append-audit';
import { pointAlias } from './point-alias';
import { requireVersion } from './require-version';
import { versionLabel } from './version-label';
import type { ActionOptions, Alias, GateResult, Registry } from './types';

export interface SetAliasOptions extends ActionOptions {
  alias: Alias;
  versionId: string;
  /** The gate results the decision was made on (a champion set on registering); kept in the audit entry. */
  gates?: GateResult[];
}

/**
 * Points an alias at a version, by hand (the first champion, a challenger picked from the runs). A champion it
 * replaces goes to the champion history, so a rollback can bring it back; a challenger made champion this way stops
 * being challenger. Refused: an unknown version, the alias already there, and the champion as its own challenger.
 */
export function setAlias(registry: Registry, options: SetAliasOptions): Registry {
  const { alias, versionId } = options;
  requireVersion(registry, versionId);
  const previous = registry.aliases[alias] ?? null;
  if (previous === versionId) throw new Error(m.aliasAlreadySet(alias, versionLabel(registry, versionId)));
  if (alias === 'challenger' && registry.aliases.champion === versionId) {
    throw new Error(m.championAsChallenger(versionLabel(registry, versionId)));
  }
  const draft = { action: 'set-alias' as const, version: versionId, alias, previous };
  const next = appendAudit(registry, options.gates ? { ...draft, gates: structuredClone(options.gates) } : draft, options);
  const history = alias === 'champion' && previous !== null ? [...registry.championHistory, previous] : registry.championHistory;
  return { ...next, aliases: pointAlias(registry.aliases, alias, versionId), championHistory: history };
}
