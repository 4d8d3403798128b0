import * as v from 'valibot';
import { registryMessages as m } from '../messages/registry';
import type { PromotionGates } from './types';

/**
 * The promotion gates the Scope stage sets (part of the notebook's URL state). By default a version must beat
 * seasonal naive's test WAPE by 5 % (a model that cannot beat "same as last season" is not worth its upkeep) and a
 * challenger must be no worse than the champion on the newest actuals; the WAPE and cost limits depend on the data, so
 * they start unchecked.
 */
export const DEFAULT_GATES: PromotionGates = {
  maxWape: null,
  minImprovementOverBaseline: 0.05,
  maxCost: null,
  minImprovementOverChampion: 0,
};

/** Bounds keep a tampered link to numbers that mean something: WAPE up to 1000 %, improvements from −100 % to 100 %. */
export const GATE_LIMITS: Readonly<Record<keyof PromotionGates, readonly [number, number]>> = {
  maxWape: [0, 10],
  minImprovementOverBaseline: [-1, 1],
  maxCost: [0, 1e12],
  minImprovementOverChampion: [-1, 1],
};

const gate = (name: keyof PromotionGates) => {
  const [min, max] = GATE_LIMITS[name];
  const message = m.gateRange(name, min, max);
  return v.nullable(v.pipe(v.number(message), v.finite(message), v.minValue(min, message), v.maxValue(max, message)));
};

export const PromotionGatesSchema = v.strictObject(
  {
    maxWape: gate('maxWape'),
    minImprovementOverBaseline: gate('minImprovementOverBaseline'),
    maxCost: gate('maxCost'),
    minImprovementOverChampion: gate('minImprovementOverChampion'),
  },
  m.gatesNotObject(),
);

export type PromotionGatesResult = { ok: true; gates: PromotionGates } | { ok: false; error: string };

/** Reads gates from an untrusted source (a link, a stored config): the gates, or the first problem as a sentence. */
export function parsePromotionGates(input: unknown): PromotionGatesResult {
  const result = v.safeParse(PromotionGatesSchema, input);
  if (result.success) return { ok: true, gates: result.output };
  return { ok: false, error: result.issues[0]?.message ?? m.gatesNotObject() };
}
