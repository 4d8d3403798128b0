import { appendAudit } from './append-audit';
import { isoTime } from './iso-time';
import { requireVersion } from './require-version';
import type { ActionOptions, ModelVersion, Registry } from './types';

/** What the caller knows of a new version; the registry gives it its number, id and time. */
export type VersionDraft = Omit<ModelVersion, 'id' | 'version' | 'created'>;

export interface RegisteredVersion {
  registry: Registry;
  version: ModelVersion;
}

/**
 * Adds a version numbered one past the highest so far, with the id `${name}:v${number}` (deterministic, so a
 * replayed lifecycle names its versions the same), and writes the registration to the audit trail. No alias moves:
 * making it champion or challenger is a decision of its own. The draft is copied, so changing it later changes
 * nothing here.
 */
export function registerVersion(registry: Registry, draft: VersionDraft, options: ActionOptions): RegisteredVersion {
  if (draft.parent !== null) requireVersion(registry, draft.parent);
  const number = registry.versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
  const version: ModelVersion = {
    ...structuredClone(draft),
    id: `${registry.name}:v${number}`,
    version: number,
    created: isoTime(options.now),
  };
  const next = appendAudit(registry, { action: 'register', version: version.id }, options);
  return { registry: { ...next, versions: [...registry.versions, version] }, version };
}
