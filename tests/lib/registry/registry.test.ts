import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../src/lib/format/format-stamp';
import { auditTexts, registryMessages as m } from '../../../src/lib/messages/registry';
import { auditRows, createRegistry, findVersion, requireVersion, versionByAlias, versionLabel } from '../../../src/lib/registry/registry';
import { setAlias } from '../../../src/lib/registry/registry-actions';
import { minute, promotedRegistry, registryWith } from './fixtures';

describe('createRegistry(name)', () => {
  it('createRegistry("sales") is empty: no versions, aliases, audit or champion history', () => {
    expect(createRegistry(' sales ')).toEqual({ name: 'sales', versions: [], aliases: {}, audit: [], championHistory: [] });
  });

  it('createRegistry("  ") throws: a registered model needs a name', () => {
    expect(() => createRegistry('  ')).toThrow(m.emptyName());
  });
});

describe('findVersion(registry, id) and versionByAlias(registry, alias)', () => {
  it('find a version by id or alias, and give null for none', () => {
    const registry = setAlias(registryWith(2), { alias: 'challenger', versionId: 'sales:v2', now: minute(3), why: 'x' });
    expect(findVersion(registry, 'sales:v1')?.version).toBe(1);
    expect(findVersion(registry, 'sales:v9')).toBeNull();
    expect(versionByAlias(registry, 'challenger')?.id).toBe('sales:v2');
    expect(versionByAlias(registry, 'champion')).toBeNull();
  });
});

describe('requireVersion(registry, id) and versionLabel(registry, id, { model })', () => {
  it('requireVersion gives the version, and throws naming the id and the registry when there is none', () => {
    expect(requireVersion(registryWith(2), 'sales:v2').version).toBe(2);
    expect(() => requireVersion(registryWith(2), 'sales:v9')).toThrow(m.unknownVersion('sales:v9', 'sales'));
  });

  it('versionLabel is "v2" (with the model: "v2 mlp"), and the id itself for a version the registry does not have', () => {
    const registry = registryWith(2);
    expect(versionLabel(registry, 'sales:v2')).toBe('v2');
    expect(versionLabel(registry, 'sales:v2', { model: true })).toBe('v2 mlp');
    expect(versionLabel(registry, 'other:v1')).toBe('other:v1');
    expect(versionLabel(registry, 'other:v1', { model: true })).toBe('other:v1');
  });
});

describe('auditRows(registry, { versionId })', () => {
  it('renders every entry in order: time, action, version, reason, actor and gates', () => {
    const rows = auditRows(promotedRegistry());
    expect(rows.map((r) => [r.action, r.version, r.why, r.actor, r.gates])).toEqual([
      ['registered', 'v1', 'run 1', 'you', ''],
      ['set as champion', 'v1', 'first | model\nbeats naive', 'you', ''],
      ['registered', 'v2', 'drift on price', auditTexts.actor.auto, ''],
      ['set as challenger', 'v2', 'retrained', auditTexts.actor.auto, ''],
      ['promoted to champion (was v1)', 'v2', 'gates pass', auditTexts.actor.auto, '1 of 1 passed'],
    ]);
    expect(rows[0]!.iso).toBe('2024-07-01T09:00:00.000Z');
    expect(rows[0]!.when).toBe(formatStamp('2024-07-01T09:00:00.000Z'));
  });

  it('with a versionId keeps the entries about it, including the one that replaced it', () => {
    expect(auditRows(promotedRegistry(), { versionId: 'sales:v1' }).map((r) => r.action)).toEqual([
      'registered',
      'set as champion',
      'promoted to champion (was v1)',
    ]);
    expect(auditRows(registryWith(0))).toEqual([]);
  });
});
