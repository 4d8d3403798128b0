import { registryMessages as m } from '../messages/registry';
import { appendAudit } from './append-audit';
import { pointAlias } from './point-alias';
import type { ActionOptions, Registry } from './types';

/**
 * The champion goes back to the one before it (the last of the champion history), which leaves the history: rolling
 * back again goes further back, rather than to and fro. The champion rolled back from keeps no alias; it stays
 * registered and can be made challenger again.
 */
export function rollbackChampion(registry: Registry, options: ActionOptions): Registry {
  const restored = registry.championHistory.at(-1);
  if (restored === undefined) throw new Error(m.noPreviousChampion());
  const previous = registry.aliases.champion ?? null;
  const next = appendAudit(registry, { action: 'rollback', version: restored, alias: 'champion', previous }, options);
  return {
    ...next,
    aliases: pointAlias(registry.aliases, 'champion', restored),
    championHistory: registry.championHistory.slice(0, -1),
  };
}
