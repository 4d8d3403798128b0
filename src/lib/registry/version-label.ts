import { findVersion } from './find-version';
import type { Registry } from './types';

/** "v3" for people; the id itself for a version the registry does not have (a damaged audit entry still reads). */
export function versionLabel(registry: Registry, versionId: string): string {
  const version = findVersion(registry, versionId);
  return version === null ? versionId : `v${version.version}`;
}
