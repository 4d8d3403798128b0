import { registryMessages as m } from '../messages/registry';
import type { Registry } from './types';

/** An empty registered model: no versions, no aliases, nothing in the audit trail yet. */
export function createRegistry(name: string): Registry {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error(m.emptyName());
  return { name: trimmed, versions: [], aliases: {}, audit: [], championHistory: [] };
}
