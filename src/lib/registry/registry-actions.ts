/**
 * Every change to a registry, each a pure function from one registry to the next:
 *   register a version ──► set an alias on it ──► promote the challenger / roll the champion back ──► archive.
 * Each writes one audit entry, with the reason and the actor its ActionOptions carry (appendAudit refuses a blank
 * reason), so the trail says not only what changed but why, and who decided.
 */
import { registryMessages as m } from '../messages/registry';
import { gatesPass } from './gates';
import { requireVersion, versionLabel } from './registry';
import type { ActionOptions, Alias, AuditEntry, GateResult, ModelVersion, Registry, VersionDraft } from './types';

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

export interface SetAliasOptions extends ActionOptions {
  alias: Alias;
  versionId: string;
  /** The gate results the decision was made on (a champion set on registering); kept in the audit entry. */
  gates?: GateResult[];
}

/**
 * Points an alias at a version, by hand (the first champion, a challenger picked from the runs). A champion it
 * replaces goes to the champion history, so a rollback can bring it back; a challenger made champion this way stops
 * being challenger. Refused: an unknown version, the alias already there, and the champion as its own challenger.
 */
export function setAlias(registry: Registry, options: SetAliasOptions): Registry {
  const { alias, versionId } = options;
  requireVersion(registry, versionId);
  const previous = registry.aliases[alias] ?? null;
  if (previous === versionId) throw new Error(m.aliasAlreadySet(alias, versionLabel(registry, versionId)));
  if (alias === 'challenger' && registry.aliases.champion === versionId) {
    throw new Error(m.championAsChallenger(versionLabel(registry, versionId)));
  }
  const draft = { action: 'set-alias' as const, version: versionId, alias, previous };
  const next = appendAudit(registry, options.gates ? { ...draft, gates: structuredClone(options.gates) } : draft, options);
  const history = alias === 'champion' && previous !== null ? [...registry.championHistory, previous] : registry.championHistory;
  return { ...next, aliases: pointAlias(registry.aliases, alias, versionId), championHistory: history };
}

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

/**
 * The champion goes back to the one before it (the last of the champion history), which leaves the history: rolling
 * back again goes further back, rather than to and fro. The champion rolled back from keeps no alias; it stays
 * registered and can be made challenger again.
 */
export function rollbackChampion(registry: Registry, options: ActionOptions): Registry {
  const restored = registry.championHistory.at(-1);
  if (restored === undefined) throw new Error(m.noPreviousChampion());
  const previous = registry.aliases.champion ?? null;
  const next = appendAudit(registry, { action: 'rollback', version: restored, alias: 'champion', previous }, options);
  return {
    ...next,
    aliases: pointAlias(registry.aliases, 'champion', restored),
    championHistory: registry.championHistory.slice(0, -1),
  };
}

export interface ArchiveOptions extends ActionOptions {
  versionId: string;
  /** The gate results it was turned down on, when a challenger is archived for failing them. */
  gates?: GateResult[];
}

/**
 * Takes a version out of the running (a challenger that failed its gates, a dead end): it loses the challenger alias
 * and leaves the champion history, so no rollback lands on it. It stays registered, with its audit trail; the
 * champion cannot be archived, since serving would have nothing to use: promote or roll back first.
 */
export function archiveVersion(registry: Registry, options: ArchiveOptions): Registry {
  const { versionId, gates } = options;
  requireVersion(registry, versionId);
  if (registry.aliases.champion === versionId) throw new Error(m.archiveChampion(versionLabel(registry, versionId)));
  const wasChallenger = registry.aliases.challenger === versionId;
  // The alias on an archive entry is the one the version lost.
  const draft: AuditDraft = {
    action: 'archive',
    version: versionId,
    ...(wasChallenger && { alias: 'challenger' as const }),
    ...(gates && { gates: structuredClone(gates) }),
  };
  const next = appendAudit(registry, draft, options);
  const aliases = { ...registry.aliases };
  if (wasChallenger) delete aliases.challenger;
  return { ...next, aliases, championHistory: registry.championHistory.filter((id) => id !== versionId) };
}

/** What an action says about itself; when, why and who come from its ActionOptions. */
type AuditDraft = Omit<AuditEntry, 'when' | 'why' | 'actor'>;

/**
 * The registry with one more audit entry. Every action goes through here, so none can skip its reason: an audit
 * trail with blank "why"s would say what changed but not whether it should have.
 */
function appendAudit(registry: Registry, draft: AuditDraft, options: ActionOptions): Registry {
  const why = options.why.trim();
  if (why === '') throw new Error(m.noReason());
  const entry: AuditEntry = { when: isoTime(options.now), ...draft, why, actor: options.actor ?? 'you' };
  return { ...registry, audit: [...registry.audit, entry] };
}

/** The audit trail's timestamp. An invalid Date would throw a bare RangeError from toISOString; say what it was for. */
function isoTime(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new Error(m.invalidTime());
  return now.toISOString();
}

/**
 * The aliases with `alias` on `versionId`, and no other alias left on that version: a version is champion or
 * challenger, never both, since a challenger is measured against the champion.
 */
function pointAlias(aliases: Registry['aliases'], alias: Alias, versionId: string): Registry['aliases'] {
  const next: Registry['aliases'] = {};
  for (const [name, id] of Object.entries(aliases) as [Alias, string][]) if (id !== versionId) next[name] = id;
  next[alias] = versionId;
  return next;
}
