import * as v from 'valibot';
import type { Registry } from './types';

/**
 * A registry as stored and backed up, checked before any stage reads it: a backup holding `registry: {}` or a damaged
 * record would otherwise reach the Registry, Deploy and ops code, which take a Registry's shape for granted.
 * Loose objects, so a field added later does not make an older app refuse a newer record.
 */
const metric = v.nullable(v.number());
const alias = v.picklist(['champion', 'challenger']);
const actor = v.picklist(['you', 'auto']);

const VersionSchema = v.looseObject({
  id: v.string(),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  created: v.string(),
  source: v.picklist(['train', 'retrain']),
  runId: v.nullable(v.string()),
  model: v.string(),
  spec: v.unknown(),
  featureSpec: v.unknown(),
  dataHash: v.string(),
  seed: v.number(),
  backend: v.nullable(v.string()),
  trainEnd: v.number(),
  trainStart: v.nullable(v.number()),
  metrics: v.looseObject({
    wape: metric, mase: metric, mae: metric, rmse: metric, bias: metric, coverage80: metric, cost: metric,
    baselineWape: metric, baselineCost: metric, serviceLevel: metric, stockoutUnits: metric, overstockUnits: metric,
  }),
  description: v.string(),
  parent: v.nullable(v.string()),
});

const GateResultSchema = v.looseObject({
  gate: v.picklist(['maxWape', 'minImprovementOverBaseline', 'maxCost', 'minImprovementOverChampion']),
  label: v.string(),
  value: metric,
  threshold: v.number(),
  pass: v.boolean(),
  message: v.string(),
});

const AuditSchema = v.looseObject({
  when: v.string(),
  action: v.picklist(['register', 'set-alias', 'promote', 'rollback', 'archive']),
  version: v.string(),
  alias: v.optional(alias),
  previous: v.optional(v.nullable(v.string())),
  why: v.string(),
  actor,
  gates: v.optional(v.array(GateResultSchema)),
});

const RegistrySchema = v.pipe(
  v.looseObject({
    name: v.string(),
    versions: v.array(VersionSchema),
    aliases: v.looseObject({ champion: v.optional(v.string()), challenger: v.optional(v.string()) }),
    audit: v.array(AuditSchema),
    championHistory: v.array(v.string()),
  }),
  // An alias or a former champion naming no version would send serving looking for weights that are not there.
  v.check(
    (r) => [r.aliases.champion, r.aliases.challenger, ...r.championHistory].every((id) => id === undefined || r.versions.some((x) => x.id === id)),
    'an alias or a former champion names a version the registry does not have',
  ),
);

/** The stored value as a Registry, or the first reason it is not one ("versions.0.trainEnd: …"). */
export function parseRegistry(value: unknown): { ok: true; registry: Registry } | { ok: false; reason: string } {
  const result = v.safeParse(RegistrySchema, value);
  if (result.success) return { ok: true, registry: result.output as unknown as Registry };
  const [first] = result.issues;
  const path = first.path?.map((p) => String(p.key)).join('.') ?? '';
  // Said as a person would read it: "versions.0.trainEnd: expected number, got "soon"", "name: missing".
  const what =
    first.type === 'check' ? first.message : first.received === 'undefined' ? 'missing' : `expected ${first.expected ?? 'another value'}, got ${first.received}`;
  return { ok: false, reason: `${path ? `${path}: ` : ''}${what}` };
}
