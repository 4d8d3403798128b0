import type { ModelVersion, Registry } from './types';

/** The version with this id; null when the registry has none. */
export function findVersion(registry: Registry, versionId: string): ModelVersion | null {
  return registry.versions.find((v) => v.id === versionId) ?? null;
}
