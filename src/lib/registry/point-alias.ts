import type { Alias, Registry } from './types';

/**
 * The aliases with `alias` on `versionId`, and no other alias left on that version: a version is champion or
 * challenger, never both, since a challenger is measured against the champion.
 */
export function pointAlias(aliases: Registry['aliases'], alias: Alias, versionId: string): Registry['aliases'] {
  const next: Registry['aliases'] = {};
  for (const [name, id] of Object.entries(aliases) as [Alias, string][]) if (id !== versionId) next[name] = id;
  next[alias] = versionId;
  return next;
}
