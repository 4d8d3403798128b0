import { formatMetric } from '../format/format-metric';
import { formatNumber } from '../format/format-number';
import { gateTexts as t } from '../messages/registry';
import { knownNumber } from './known-number';
import type { GateResult, PromotionGates, VersionMetrics } from './types';

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
    const value = knownNumber(metrics.wape);
    if (value === null) return missing(t.missingWape(percent(threshold)));
    const pass = value <= threshold + slack(threshold);
    return { value, pass, message: t.maxWape(percent(value), percent(threshold), pass) };
  }
  if (gate === 'maxCost') {
    const value = knownNumber(metrics.cost);
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
  const ours = knownNumber(o.ours);
  const theirs = knownNumber(o.theirs);
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
