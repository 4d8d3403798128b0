import { describe, expect, it } from 'vitest';
import { registryMessages as m } from '../../../src/lib/messages/registry';
import { auditRows, createRegistry, versionByAlias } from '../../../src/lib/registry/registry';
import { archiveVersion, promoteChallenger, registerVersion, rollbackChampion, setAlias } from '../../../src/lib/registry/registry-actions';
import type { GateResult, Registry } from '../../../src/lib/registry/types';
import { deepFreeze, makeDraft, minute, registryWith } from './fixtures';

const failing: GateResult = { gate: 'maxWape', label: 'Test WAPE at most', value: 0.3, threshold: 0.25, pass: false, message: 'too high' };

describe('registerVersion(registry, draft, { now, why, actor })', () => {
  it('numbers versions 1, 2, 3 with deterministic ids and the ISO time', () => {
    const registry = registryWith(3);
    expect(registry.versions.map((v) => [v.version, v.id, v.created])).toEqual([
      [1, 'sales:v1', '2024-07-01T09:00:00.000Z'],
      [2, 'sales:v2', '2024-07-01T09:01:00.000Z'],
      [3, 'sales:v3', '2024-07-01T09:02:00.000Z'],
    ]);
    expect(registryWith(3)).toEqual(registry);
  });

  it('returns the new version, keeps the draft’s fields and writes a register entry', () => {
    const draft = makeDraft({ description: 'first MLP' });
    const { registry, version } = registerVersion(createRegistry('sales'), draft, { now: minute(5), why: 'best of run 1', actor: 'auto' });
    expect(version).toEqual({ ...draft, id: 'sales:v1', version: 1, created: '2024-07-01T09:05:00.000Z' });
    expect(registry.versions).toEqual([version]);
    expect(registry.aliases).toEqual({});
    expect(registry.audit).toEqual([{ when: '2024-07-01T09:05:00.000Z', action: 'register', version: 'sales:v1', why: 'best of run 1', actor: 'auto' }]);
  });

  it('copies the draft: changing it afterwards leaves the registry as it was', () => {
    const draft = makeDraft();
    const { registry } = registerVersion(createRegistry('sales'), draft, { now: minute(0), why: 'r' });
    draft.metrics.wape = 0.9;
    (draft.featureSpec as { lags: number[] }).lags.push(99);
    expect(registry.versions[0]!.metrics.wape).toBe(0.2);
    expect((registry.versions[0]!.featureSpec as { lags: number[] }).lags).toEqual([1, 7, 14]);
  });

  it('accepts a retrain whose parent is registered, and refuses an unknown parent', () => {
    const registry = registryWith(1);
    const retrain = makeDraft({ source: 'retrain', runId: null, parent: 'sales:v1' });
    expect(registerVersion(registry, retrain, { now: minute(9), why: 'drift' }).version.parent).toBe('sales:v1');
    expect(() => registerVersion(registry, { ...retrain, parent: 'sales:v7' }, { now: minute(9), why: 'drift' })).toThrow(
      m.unknownVersion('sales:v7', 'sales'),
    );
  });

  it('refuses a blank reason and an invalid time', () => {
    const registry = createRegistry('sales');
    expect(() => registerVersion(registry, makeDraft(), { now: minute(0), why: '   ' })).toThrow(m.noReason());
    expect(() => registerVersion(registry, makeDraft(), { now: new Date('not a date'), why: 'r' })).toThrow(m.invalidTime());
  });
});

describe('setAlias(registry, { alias, versionId, now, why, actor })', () => {
  it('points an alias at a version and records the previous holder', () => {
    const one = setAlias(registryWith(2), { alias: 'champion', versionId: 'sales:v1', now: minute(10), why: 'first model' });
    const two = setAlias(one, { alias: 'champion', versionId: 'sales:v2', now: minute(11), why: 'better', actor: 'auto' });
    expect(one.aliases).toEqual({ champion: 'sales:v1' });
    expect(two.aliases).toEqual({ champion: 'sales:v2' });
    expect(two.championHistory).toEqual(['sales:v1']);
    expect(two.audit.slice(-2)).toEqual([
      { when: '2024-07-01T09:10:00.000Z', action: 'set-alias', version: 'sales:v1', alias: 'champion', previous: null, why: 'first model', actor: 'you' },
      { when: '2024-07-01T09:11:00.000Z', action: 'set-alias', version: 'sales:v2', alias: 'champion', previous: 'sales:v1', why: 'better', actor: 'auto' },
    ]);
  });

  it('making the challenger champion by hand clears the challenger alias (a version holds one alias)', () => {
    let registry = setAlias(registryWith(2), { alias: 'challenger', versionId: 'sales:v2', now: minute(10), why: 'try it' });
    registry = setAlias(registry, { alias: 'champion', versionId: 'sales:v2', now: minute(11), why: 'go' });
    expect(registry.aliases).toEqual({ champion: 'sales:v2' });
    expect(registry.championHistory).toEqual([]);
  });

  it('refuses an unknown version, the alias already there, and the champion as challenger', () => {
    const registry = setAlias(registryWith(1), { alias: 'champion', versionId: 'sales:v1', now: minute(10), why: 'first' });
    const options = { now: minute(11), why: 'again' };
    expect(() => setAlias(registry, { ...options, alias: 'challenger', versionId: 'nope' })).toThrow(m.unknownVersion('nope', 'sales'));
    expect(() => setAlias(registry, { ...options, alias: 'champion', versionId: 'sales:v1' })).toThrow(m.aliasAlreadySet('champion', 'v1'));
    expect(() => setAlias(registry, { ...options, alias: 'challenger', versionId: 'sales:v1' })).toThrow(m.championAsChallenger('v1'));
  });
});

describe('promoteChallenger and rollbackChampion', () => {
  /** v1 → champion, v2 → challenger, promote, rollback: the sequence the Registry stage walks through. */
  function lifecycle() {
    const registered = registryWith(2);
    const champion = setAlias(registered, { alias: 'champion', versionId: 'sales:v1', now: minute(10), why: 'first model' });
    const challenged = setAlias(champion, { alias: 'challenger', versionId: 'sales:v2', now: minute(11), why: 'retrained' });
    const promoted = promoteChallenger(challenged, { now: minute(12), why: 'beats the champion', actor: 'auto', gates: [] });
    const rolledBack = rollbackChampion(promoted, { now: minute(13), why: 'complaints from store 3' });
    return { registered, champion, challenged, promoted, rolledBack };
  }

  it('promoteChallenger makes the challenger champion, clears the challenger and remembers the old champion', () => {
    const { promoted } = lifecycle();
    expect(promoted.aliases).toEqual({ champion: 'sales:v2' });
    expect(promoted.championHistory).toEqual(['sales:v1']);
    expect(versionByAlias(promoted, 'champion')?.version).toBe(2);
    expect(versionByAlias(promoted, 'challenger')).toBeNull();
  });

  it('rollbackChampion returns the champion to v1 and empties the history', () => {
    const { rolledBack } = lifecycle();
    expect(rolledBack.aliases).toEqual({ champion: 'sales:v1' });
    expect(rolledBack.championHistory).toEqual([]);
    expect(() => rollbackChampion(rolledBack, { now: minute(14), why: 'again' })).toThrow(m.noPreviousChampion());
  });

  it('the audit trail has every step, in order, with its reason and actor', () => {
    const { rolledBack } = lifecycle();
    expect(rolledBack.audit.map((e) => [e.action, e.version, e.alias ?? null, e.previous ?? null, e.why, e.actor])).toEqual([
      ['register', 'sales:v1', null, null, 'run 1', 'you'],
      ['register', 'sales:v2', null, null, 'run 2', 'you'],
      ['set-alias', 'sales:v1', 'champion', null, 'first model', 'you'],
      ['set-alias', 'sales:v2', 'challenger', null, 'retrained', 'you'],
      ['promote', 'sales:v2', 'champion', 'sales:v1', 'beats the champion', 'auto'],
      ['rollback', 'sales:v1', 'champion', 'sales:v2', 'complaints from store 3', 'you'],
    ]);
    expect(rolledBack.audit[4]!.gates).toEqual([]);
  });

  it('rolling back twice goes two champions back, not to and fro', () => {
    let registry = registryWith(3);
    registry = setAlias(registry, { alias: 'champion', versionId: 'sales:v1', now: minute(10), why: 'a' });
    for (const [i, id] of ['sales:v2', 'sales:v3'].entries()) {
      registry = setAlias(registry, { alias: 'challenger', versionId: id, now: minute(11 + 2 * i), why: 'b' });
      registry = promoteChallenger(registry, { now: minute(12 + 2 * i), why: 'c' });
    }
    expect(registry.championHistory).toEqual(['sales:v1', 'sales:v2']);
    registry = rollbackChampion(registry, { now: minute(20), why: 'd' });
    expect(registry.aliases.champion).toBe('sales:v2');
    registry = rollbackChampion(registry, { now: minute(21), why: 'e' });
    expect(registry.aliases.champion).toBe('sales:v1');
  });

  it('promoteChallenger with no challenger throws', () => {
    expect(() => promoteChallenger(registryWith(1), { now: minute(1), why: 'x' })).toThrow(m.noChallenger());
  });

  it('promoteChallenger without a champion makes the first one and leaves the history empty', () => {
    const registry = setAlias(registryWith(1), { alias: 'challenger', versionId: 'sales:v1', now: minute(1), why: 'x' });
    const promoted = promoteChallenger(registry, { now: minute(2), why: 'y' });
    expect(promoted.aliases).toEqual({ champion: 'sales:v1' });
    expect(promoted.championHistory).toEqual([]);
    expect(promoted.audit.at(-1)).toMatchObject({ action: 'promote', previous: null });
  });

  it('failing gates stop the retrain policy, but a person may promote and the failed gate is kept', () => {
    const registry = setAlias(registryWith(1), { alias: 'challenger', versionId: 'sales:v1', now: minute(1), why: 'x' });
    expect(() => promoteChallenger(registry, { now: minute(2), why: 'auto', actor: 'auto', gates: [failing] })).toThrow(
      m.gatesFailed(['Test WAPE at most']),
    );
    const promoted = promoteChallenger(registry, { now: minute(2), why: 'Black Friday is unusual', gates: [failing] });
    expect(promoted.aliases.champion).toBe('sales:v1');
    expect(promoted.audit.at(-1)!.gates).toEqual([failing]);
  });

  it('rollbackChampion brings back a former champion that had become challenger, without a second alias', () => {
    let registry: Registry = setAlias(registryWith(2), { alias: 'champion', versionId: 'sales:v1', now: minute(1), why: 'a' });
    registry = setAlias(registry, { alias: 'challenger', versionId: 'sales:v2', now: minute(2), why: 'b' });
    registry = promoteChallenger(registry, { now: minute(3), why: 'c' });
    registry = setAlias(registry, { alias: 'challenger', versionId: 'sales:v1', now: minute(4), why: 'retry v1' });
    registry = rollbackChampion(registry, { now: minute(5), why: 'd' });
    expect(registry.aliases).toEqual({ champion: 'sales:v1' });
  });

  it('never changes its input registry (every step runs on deeply frozen input)', () => {
    const registered = deepFreeze(registryWith(2));
    const snapshot = structuredClone(registered);
    const champion = deepFreeze(setAlias(registered, { alias: 'champion', versionId: 'sales:v1', now: minute(10), why: 'a' }));
    const challenged = deepFreeze(setAlias(champion, { alias: 'challenger', versionId: 'sales:v2', now: minute(11), why: 'b' }));
    const promoted = deepFreeze(promoteChallenger(challenged, { now: minute(12), why: 'c', gates: [failing] }));
    rollbackChampion(promoted, { now: minute(13), why: 'd' });
    registerVersion(promoted, makeDraft(), { now: minute(14), why: 'e' });
    expect(registered).toEqual(snapshot);
    expect(challenged.aliases).toEqual({ champion: 'sales:v1', challenger: 'sales:v2' });
    expect(promoted.audit).toHaveLength(5);
  });
});

describe('archiveVersion(registry, { versionId, now, why, actor, gates })', () => {
  it('takes a failed challenger out of the running: no alias, out of the champion history, kept with its gates', () => {
    let registry = setAlias(registryWith(3), { alias: 'champion', versionId: 'sales:v1', now: minute(1), why: 'a' });
    registry = setAlias(registry, { alias: 'challenger', versionId: 'sales:v2', now: minute(2), why: 'b' });
    registry = promoteChallenger(registry, { now: minute(3), why: 'c' });
    registry = setAlias(registry, { alias: 'challenger', versionId: 'sales:v3', now: minute(4), why: 'd' });
    const frozen = deepFreeze(registry);
    const archived = archiveVersion(frozen, { versionId: 'sales:v3', now: minute(5), why: 'fails its gates', actor: 'auto', gates: [failing] });
    expect(archived.aliases).toEqual({ champion: 'sales:v2' });
    expect(archived.versions).toHaveLength(3);
    expect(archived.audit.at(-1)).toEqual({
      when: '2024-07-01T09:05:00.000Z', action: 'archive', version: 'sales:v3', alias: 'challenger', why: 'fails its gates', actor: 'auto', gates: [failing],
    });
    expect(auditRows(archived).at(-1)!.action).toBe('archived (was challenger)');
    const old = archiveVersion(archived, { versionId: 'sales:v1', now: minute(6), why: 'superseded' });
    expect(old.championHistory).toEqual([]);
    expect(old.audit.at(-1)).toEqual({ when: '2024-07-01T09:06:00.000Z', action: 'archive', version: 'sales:v1', why: 'superseded', actor: 'you' });
  });

  it('refuses the champion and an unknown version', () => {
    const registry = setAlias(registryWith(1), { alias: 'champion', versionId: 'sales:v1', now: minute(1), why: 'a' });
    expect(() => archiveVersion(registry, { versionId: 'sales:v1', now: minute(2), why: 'x' })).toThrow(m.archiveChampion('v1'));
    expect(() => archiveVersion(registry, { versionId: 'sales:v5', now: minute(2), why: 'x' })).toThrow(m.unknownVersion('sales:v5', 'sales'));
  });
});
