import { registryMessages as m } from '../messages/registry';
import { findVersion } from './find-version';
import type { ModelVersion, Registry } from './types';

/** The version with this id, for actions that cannot go on without it: throws when the registry has none. */
export function requireVersion(registry: Registry, versionId: string): ModelVersion {
  const version = findVersion(registry, versionId);
  if (version === null) throw new Error(m.unknownVersion(versionId, registry.name));
  return version;
}
