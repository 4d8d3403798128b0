import { findVersion } from './find-version';
import type { Alias, ModelVersion, Registry } from './types';

/** The version an alias points at; null when the alias is not set. */
export function versionByAlias(registry: Registry, alias: Alias): ModelVersion | null {
  const id = registry.aliases[alias];
  return id === undefined ? null : findVersion(registry, id);
}
