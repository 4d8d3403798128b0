import { describe, expect, it } from 'vitest';
import { gateTexts } from '../../../src/lib/messages/registry';
import { evaluateGates } from '../../../src/lib/registry/evaluate-gates';
import { gatesPass } from '../../../src/lib/registry/gates-pass';
import { DEFAULT_GATES } from '../../../src/lib/registry/parse-promotion-gates';
import type { PromotionGates, VersionMetrics } from '../../../src/lib/registry/types';
import { METRICS } from './fixtures';

const NONE: PromotionGates = { maxWape: null, minImprovementOverBaseline: null, maxCost: null, minImprovementOverChampion: null };
const only = (gates: Partial<PromotionGates>): PromotionGates => ({ ...NONE, ...gates });
const withMetrics = (metrics: Partial<VersionMetrics>): VersionMetrics => ({ ...METRICS, ...metrics });

describe('evaluateGates(metrics, gates, options)', () => {
  it('checks no gate when all are null, and gatesPass([]) is true', () => {
    expect(evaluateGates(METRICS, NONE)).toEqual([]);
    expect(gatesPass([])).toBe(true);
  });

  it('gives one result per set gate, in a fixed order, with label and threshold', () => {
    const results = evaluateGates(METRICS, { maxWape: 0.25, minImprovementOverBaseline: 0.1, maxCost: 5000, minImprovementOverChampion: 0 }, {
      championRecentWape: 0.22,
      challengerRecentWape: 0.2,
    });
    expect(results.map((r) => [r.gate, r.label, r.threshold, r.pass])).toEqual([
      ['maxWape', gateTexts.label.maxWape, 0.25, true],
      ['minImprovementOverBaseline', gateTexts.label.minImprovementOverBaseline, 0.1, true],
      ['maxCost', gateTexts.label.maxCost, 5000, true],
      ['minImprovementOverChampion', gateTexts.label.minImprovementOverChampion, 0, true],
    ]);
    expect(gatesPass(results)).toBe(true);
  });

  it('maxWape passes at the limit and fails just above it', () => {
    const [atLimit] = evaluateGates(withMetrics({ wape: 0.2 }), only({ maxWape: 0.2 }));
    expect(atLimit).toMatchObject({ value: 0.2, pass: true, message: 'Test WAPE 20.0% is within the limit of 20.0%.' });
    const [above] = evaluateGates(withMetrics({ wape: 0.2001 }), only({ maxWape: 0.2 }));
    expect(above).toMatchObject({ pass: false, message: 'Test WAPE 20.0% is above the limit of 20.0%.' });
  });

  it('maxCost passes at the limit and fails above it', () => {
    expect(evaluateGates(withMetrics({ cost: 4600 }), only({ maxCost: 4600 }))[0]!.pass).toBe(true);
    const [above] = evaluateGates(withMetrics({ cost: 4601 }), only({ maxCost: 4600 }));
    expect(above).toMatchObject({ value: 4601, pass: false, message: 'Cost of forecast error 4,601 is above the limit of 4,600.' });
  });

  it('minImprovementOverBaseline measures 1 − WAPE / seasonal naive’s WAPE and passes at the boundary', () => {
    // 1 − 0.19 / 0.2 is 0.04999999999999993 in floating point: still meets a 5 % bar.
    const [boundary] = evaluateGates(withMetrics({ wape: 0.19, baselineWape: 0.2 }), only({ minImprovementOverBaseline: 0.05 }));
    expect(boundary!.pass).toBe(true);
    expect(boundary!.value).toBeCloseTo(0.05, 12);
    const [short] = evaluateGates(withMetrics({ wape: 0.191, baselineWape: 0.2 }), only({ minImprovementOverBaseline: 0.05 }));
    expect(short).toMatchObject({ pass: false, message: 'WAPE is 4.5% lower than seasonal naive’s; the gate asks for at least 5.0% lower, so it fails.' });
    const [worse] = evaluateGates(withMetrics({ wape: 0.33, baselineWape: 0.3 }), only({ minImprovementOverBaseline: 0 }));
    expect(worse!.message).toContain('10.0% higher');
    expect(worse!.pass).toBe(false);
  });

  it('a null or NaN metric fails its gate with a sentence saying what is missing', () => {
    const gates = { maxWape: 0.3, minImprovementOverBaseline: 0.05, maxCost: 9000, minImprovementOverChampion: null };
    const results = evaluateGates(withMetrics({ wape: null, cost: Number.NaN }), gates);
    expect(results.map((r) => [r.value, r.pass, r.message])).toEqual([
      [null, false, gateTexts.missingWape('30.0%')],
      [null, false, gateTexts.missingBaseline()],
      [null, false, gateTexts.missingCost('9,000')],
    ]);
    expect(gatesPass(results)).toBe(false);
  });

  it('a seasonal naive WAPE of 0 (or none) leaves the improvement over it undefined: the gate fails', () => {
    expect(evaluateGates(withMetrics({ baselineWape: 0 }), only({ minImprovementOverBaseline: 0 }))[0]!.pass).toBe(false);
    expect(evaluateGates(withMetrics({ baselineWape: null }), only({ minImprovementOverBaseline: 0 }))[0]!.pass).toBe(false);
  });

  it('minImprovementOverChampion compares both on the newest actuals; a tie passes a 0 bar', () => {
    const gates = only({ minImprovementOverChampion: 0 });
    expect(evaluateGates(METRICS, gates, { championRecentWape: 0.25, challengerRecentWape: 0.25 })[0]).toMatchObject({ value: 0, pass: true });
    expect(evaluateGates(METRICS, gates, { championRecentWape: 0.25, challengerRecentWape: 0.26 })[0]!.pass).toBe(false);
    const [tenPercent] = evaluateGates(METRICS, only({ minImprovementOverChampion: 0.1 }), { championRecentWape: 0.3, challengerRecentWape: 0.27 });
    expect(tenPercent!.pass).toBe(true);
  });

  it('minImprovementOverChampion passes without a champion, and fails when a champion’s or challenger’s WAPE is unknown', () => {
    const gates = only({ minImprovementOverChampion: 0 });
    expect(evaluateGates(METRICS, gates)[0]).toMatchObject({ value: null, pass: true, message: gateTexts.noChampion() });
    expect(evaluateGates(METRICS, gates, { championRecentWape: null, challengerRecentWape: 0.2 })[0]).toMatchObject({
      pass: false,
      message: gateTexts.missingChampion(),
    });
    expect(evaluateGates(METRICS, gates, { championRecentWape: 0.2 })[0]!.pass).toBe(false);
  });

  it('DEFAULT_GATES pass the fixture version (20% vs 30% for seasonal naive) with no champion yet', () => {
    const results = evaluateGates(METRICS, DEFAULT_GATES);
    expect(results.map((r) => r.gate)).toEqual(['minImprovementOverBaseline', 'minImprovementOverChampion']);
    expect(gatesPass(results)).toBe(true);
  });
});
