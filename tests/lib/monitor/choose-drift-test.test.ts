import { describe, expect, it } from 'vitest';
import { chooseDriftTest, DRIFT_TEST_DEFAULTS } from '../../../src/lib/monitor/choose-drift-test';

describe('chooseDriftTest({kind, referenceSize, distinctValues}) — Evidently’s defaults', () => {
  it.each([
    // reference ≤ 1000 rows: significance tests
    ['numeric', 1000, 6, 'ks'],
    ['numeric', 40, 500, 'ks'],
    ['numeric', 1000, 5, 'chisquare'],
    ['numeric', 1000, 3, 'chisquare'],
    ['numeric', 1000, 2, 'z'],
    ['categorical', 500, 4, 'chisquare'],
    ['categorical', 500, 2, 'z'],
    ['categorical', 500, 1, 'z'],
    // larger references: distances
    ['numeric', 1001, 6, 'wasserstein'],
    ['numeric', 100_000, 90_000, 'wasserstein'],
    ['numeric', 1001, 5, 'jensenshannon'],
    ['categorical', 2000, 2, 'jensenshannon'],
    ['categorical', 2000, 40, 'jensenshannon'],
  ] as const)('%s column, %i reference rows, %i distinct values → %s', (kind, referenceSize, distinctValues, test) => {
    expect(chooseDriftTest({ kind, referenceSize, distinctValues })).toBe(test);
  });

  it.each(Object.entries(DRIFT_TEST_DEFAULTS))('DRIFT_TEST_DEFAULTS.%s: p-value tests at 0.05, distances (PSI included) at 0.1', (test, defaults) => {
    const significance = ['ks', 'chisquare', 'z'].includes(test);
    expect(defaults).toEqual(significance ? { threshold: 0.05, thresholdKind: 'p-value' } : { threshold: 0.1, thresholdKind: 'distance' });
  });
});
