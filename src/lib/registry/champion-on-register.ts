import { registryMessages as m } from '../messages/registry';
import { evaluateGates } from './evaluate-gates';
import { gatesPass } from './gates-pass';
import type { Alias, GateResult, PromotionGates, VersionMetrics } from './types';

/**
 * Which alias a newly registered version gets, through the Scope's promotion gates. Becoming champion — asked for,
 * or implied for the first version of a registry — is what the gates guard: a version that fails one is not made
 * champion silently. Asked for, it is refused with the failed gates named, unless a person overrides them (the
 * reason and the gate results then go into the audit entry); implied, the version is registered without an alias.
 *
 * At registration the version is judged on its own test-window metrics; the gate against the champion compares
 * served WAPE on the newest actuals, which only monitoring has, so it is left to promotions while a champion exists.
 */
export function championOnRegister(options: {
  requested: Alias | null;
  hasChampion: boolean;
  metrics: VersionMetrics;
  gates: PromotionGates;
  override: boolean;
}): { alias: Alias | null; gates: GateResult[] } {
  const { requested, hasChampion } = options;
  const gates = evaluateGates(options.metrics, hasChampion ? { ...options.gates, minImprovementOverChampion: null } : options.gates);
  if (requested === 'champion') {
    if (!gatesPass(gates) && !options.override) throw new Error(m.championGatesFailed(gates.filter((g) => !g.pass).map((g) => g.message)));
    return { alias: 'champion', gates };
  }
  if (requested === null && !hasChampion) return { alias: gatesPass(gates) ? 'champion' : null, gates };
  return { alias: requested, gates };
}
