import { registryMessages as m } from '../messages/registry';
import { isoTime } from './iso-time';
import type { ActionOptions, AuditEntry, Registry } from './types';

/** What an action says about itself; when, why and who come from its ActionOptions. */
export type AuditDraft = Omit<AuditEntry, 'when' | 'why' | 'actor'>;

/**
 * The registry with one more audit entry. Every action goes through here, so none can skip its reason: an audit
 * trail with blank "why"s would say what changed but not whether it should have.
 */
export function appendAudit(registry: Registry, draft: AuditDraft, options: ActionOptions): Registry {
  const why = options.why.trim();
  if (why === '') throw new Error(m.noReason());
  const entry: AuditEntry = { when: isoTime(options.now), ...draft, why, actor: options.actor ?? 'you' };
  return { ...registry, audit: [...registry.audit, entry] };
}
