import { describe, expect, it } from 'vitest';
import { hashLabel } from '../../../src/lib/serving/hash-label';
import { routeSeries } from '../../../src/lib/serving/route-series';

const labels = Array.from({ length: 50 }, (_, i) => `store ${1 + (i % 5)} · product ${1 + Math.floor(i / 5)}`);
const routed = (seriesLabels: string[], canaryPercent: number, seed = 42) =>
  new Set(seriesLabels.filter((_, i) => routeSeries({ seriesLabels, canaryPercent, seed })[i] === 1));

describe('routeSeries({seriesLabels, canaryPercent, seed})', () => {
  it('routes exactly round(n · p / 100) series', () => {
    for (const percent of [0, 10, 20, 33, 50, 100]) expect(routed(labels, percent).size).toBe(Math.round((labels.length * percent) / 100));
    expect(routed(labels.slice(0, 10), 20).size).toBe(2);
  });

  it('depends on the labels and the seed, not on the order of the series', () => {
    const reversed = [...labels].reverse();
    expect(routed(reversed, 20)).toEqual(routed(labels, 20));
    expect(routed(labels, 20)).toEqual(routed(labels, 20));
    expect(routed(labels, 20, 7)).not.toEqual(routed(labels, 20, 42));
  });

  it('only adds series as the percentage grows (a canary ramp-up never moves one back)', () => {
    const steps = [5, 10, 20, 50, 80].map((p) => routed(labels, p));
    for (let i = 1; i < steps.length; i++) for (const label of steps[i - 1]!) expect(steps[i]!.has(label)).toBe(true);
  });

  it('routes at least one series for any positive share, none for 0', () => {
    expect(routed(['a', 'b', 'c'], 1).size).toBe(1);
    expect(routed(['a', 'b', 'c'], 0).size).toBe(0);
    expect(routeSeries({ seriesLabels: [], canaryPercent: 50, seed: 1 })).toHaveLength(0);
  });

  it('hashLabel(label, seed) spreads near-identical labels and is stable', () => {
    expect(hashLabel('series 1', 1)).toBe(hashLabel('series 1', 1));
    expect(hashLabel('series 1', 1)).not.toBe(hashLabel('series 2', 1));
    expect(hashLabel('series 1', 1)).not.toBe(hashLabel('series 1', 2));
    // Over many labels the top bit is set about half the time.
    const high = labels.filter((l) => hashLabel(l, 3) >= 2 ** 31).length;
    expect(high).toBeGreaterThan(15);
    expect(high).toBeLessThan(35);
  });
});
