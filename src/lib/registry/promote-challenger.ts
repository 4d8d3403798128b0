import { registryMessages as m } from '../messages/registry';
import { appendAudit } from './append-audit';
import { gatesPass } from './gates-pass';
import { pointAlias } from './point-alias';
import type { ActionOptions, GateResult, Registry } from './types';

export interface PromoteOptions extends ActionOptions {
  /** The gate results the decision was made on (evaluateGates); kept in the audit entry. */
  gates?: GateResult[];
}

/**
 * The challenger becomes champion: the challenger alias is cleared and the old champion goes to the champion history
 * (a rollback brings it back). The retrain policy ('auto') may only promote through passing gates; a person may
 * promote through failing ones, and the failed gates stay in the audit entry beside their reason.
 */
export function promoteChallenger(registry: Registry, options: PromoteOptions): Registry {
  const challenger = registry.aliases.challenger;
  if (challenger === undefined) throw new Error(m.noChallenger());
  const gates = options.gates;
  if (gates && options.actor === 'auto' && !gatesPass(gates)) {
    throw new Error(m.gatesFailed(gates.filter((g) => !g.pass).map((g) => g.label)));
  }
  const previous = registry.aliases.champion ?? null;
  const draft = { action: 'promote' as const, version: challenger, alias: 'champion' as const, previous };
  const next = appendAudit(registry, gates ? { ...draft, gates: structuredClone(gates) } : draft, options);
  return {
    ...next,
    aliases: pointAlias(registry.aliases, 'champion', challenger),
    championHistory: previous === null ? registry.championHistory : [...registry.championHistory, previous],
  };
}
