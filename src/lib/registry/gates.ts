/**
 * The promotion gates, from the Scope's settings to a decision:
 *   PromotionGates (parsed from a link, bounded by GATE_LIMITS) ──► evaluateGates(metrics) ──► GateResult[]
 *     ──► gatesPass ──► the champion alias on registering (championOnRegister), a promotion or an archive.
 * A gate that could not be measured fails, with a sentence saying which number was missing.
 */
import * as v from 'valibot';
import { finiteOrNull } from '../core/finite';
import { formatMetric } from '../format/format-metric';
import { formatNumber } from '../format/format-number';
import { gateTexts as t, registryMessages as m } from '../messages/registry';
import type { Alias, GateResult, PromotionGates, VersionMetrics } from './types';

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
  // Written when a link breaks the bound, not when the module loads: the first toLocaleString sets up the number
  // formatting (~25 ms), which would otherwise land in the page's first task.
  const message = () => m.gateRange(name, min, max);
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

export interface EvaluateGatesOptions {
  /**
   * WAPE of the champion and of the challenger on the same newest actuals (the monitoring window). Leave the
   * champion's out (undefined) when there is no champion: the gate then passes, having nothing to beat. A null says
   * there is a champion whose WAPE is unknown, and fails the gate.
   */
  championRecentWape?: number | null;
  challengerRecentWape?: number | null;
}

/**
 * Ratios of rounded metrics land a hair beside a threshold (1 − 0.19 / 0.2 = 0.04999…): a version that meets the
 * bar to nine significant digits meets it.
 */
const TOLERANCE = 1e-9;

const GATE_ORDER: readonly (keyof PromotionGates)[] = ['maxWape', 'minImprovementOverBaseline', 'maxCost', 'minImprovementOverChampion'];

/**
 * Checks a version against the promotion gates, in a fixed order; a null gate is not checked (no result). A metric
 * that is missing fails its gate with a sentence saying which, rather than passing by default: an unmeasured model
 * should not reach customers.
 */
export function evaluateGates(metrics: VersionMetrics, gates: PromotionGates, options: EvaluateGatesOptions = {}): GateResult[] {
  const results: GateResult[] = [];
  for (const gate of GATE_ORDER) {
    const threshold = gates[gate];
    if (threshold !== null) results.push({ gate, label: t.label[gate], threshold, ...checkGate(gate, threshold, metrics, options) });
  }
  return results;
}

type Outcome = Pick<GateResult, 'value' | 'pass' | 'message'>;

function checkGate(gate: keyof PromotionGates, threshold: number, metrics: VersionMetrics, options: EvaluateGatesOptions): Outcome {
  if (gate === 'maxWape') {
    const value = finiteOrNull(metrics.wape);
    if (value === null) return missing(t.missingWape(percent(threshold)));
    const pass = value <= threshold + slack(threshold);
    return { value, pass, message: t.maxWape(percent(value), percent(threshold), pass) };
  }
  if (gate === 'maxCost') {
    const value = finiteOrNull(metrics.cost);
    if (value === null) return missing(t.missingCost(formatNumber(threshold)));
    const pass = value <= threshold + slack(threshold);
    return { value, pass, message: t.maxCost(formatNumber(value), formatNumber(threshold), pass) };
  }
  if (gate === 'minImprovementOverBaseline') {
    return improvementOutcome({ ours: metrics.wape, theirs: metrics.baselineWape, threshold, what: t.baseline, missing: t.missingBaseline() });
  }
  if (options.championRecentWape === undefined) return { value: null, pass: true, message: t.noChampion() };
  return improvementOutcome({
    ours: options.challengerRecentWape ?? null,
    theirs: options.championRecentWape,
    threshold,
    what: t.champion,
    missing: t.missingChampion(),
  });
}

/** 1 − ours / theirs: the fraction by which our WAPE is lower than theirs (negative: higher). */
function improvementOutcome(o: { ours: number | null; theirs: number | null; threshold: number; what: string; missing: string }): Outcome {
  const ours = finiteOrNull(o.ours);
  const theirs = finiteOrNull(o.theirs);
  if (ours === null || theirs === null || theirs <= 0) return missing(o.missing);
  const value = 1 - ours / theirs;
  const pass = value >= o.threshold - slack(o.threshold);
  const size = percent(Math.abs(value));
  return { value, pass, message: t.improvement(o.what, value >= 0 ? t.lower(size) : t.higher(size), percent(o.threshold), pass) };
}

function missing(message: string): Outcome {
  return { value: null, pass: false, message };
}

function slack(threshold: number): number {
  return TOLERANCE * Math.max(1, Math.abs(threshold));
}

function percent(fraction: number): string {
  return formatMetric(fraction, 'fraction');
}

/** True when every checked gate passed (no gate checked: nothing stands in the way). */
export function gatesPass(results: readonly GateResult[]): boolean {
  return results.every((r) => r.pass);
}

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
