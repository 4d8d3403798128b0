import { describe, expect, it } from 'vitest';
import { diffConfigs, formatConfigPath, valueAtPath } from '../../../src/lib/runs/diff-configs';
import { makeConfig } from './make-run';

describe('diffConfigs(a, b)', () => {
  it('diffConfigs(config, same config) is empty', () => {
    expect(diffConfigs(makeConfig(), makeConfig())).toEqual([]);
  });

  it('diffConfigs(a, b) lists only the paths that differ, arrays of values as one value', () => {
    const a = makeConfig();
    const b = makeConfig({ seed: 7, mlpHidden: [32], lags: [1, 7, 14, 28] });
    expect(diffConfigs(a, b).map(({ path, a: x, b: y }) => [path, x, y])).toEqual([
      ['seed', 42, 7],
      ['features.lags', [1, 7, 14], [1, 7, 14, 28]],
      ['models.candidates[1].hidden', [64, 32], [32]],
    ]);
  });

  it('diffConfigs(a, b) reports keys on one side only against undefined', () => {
    expect(diffConfigs({ x: 1, y: { z: 2 } }, { x: 1, y: {}, w: null })).toEqual([
      { path: 'y.z', segments: ['y', 'z'], a: 2, b: undefined },
      { path: 'w', segments: ['w'], a: undefined, b: null },
    ]);
  });

  it('diffConfigs(a, b) compares a null default with an object as one change', () => {
    expect(diffConfigs({ features: null }, { features: { lags: [1] } })).toEqual([
      { path: 'features', segments: ['features'], a: null, b: { lags: [1] } },
    ]);
  });

  it('diffConfigs(a, b) walks arrays of objects by index, extra items included', () => {
    const diff = diffConfigs({ c: [{ k: 1 }, { k: 2 }] }, { c: [{ k: 1 }, { k: 3 }, { k: 4 }] });
    expect(diff.map((d) => d.path)).toEqual(['c[1].k', 'c[2]']);
  });

  it('diffConfigs(a, b, {ignore}) leaves out paths and everything under them', () => {
    const a = makeConfig({ stage: 'train' });
    const b = { ...makeConfig({ stage: 'evaluate', seed: 1 }), explore: { by: 'key', key: 'store', series: null } };
    expect(diffConfigs(a, b).map((d) => d.path)).toEqual(['seed', 'explore.by', 'explore.key', 'stage']);
    expect(diffConfigs(a, b, { ignore: ['stage', 'explore'] }).map((d) => d.path)).toEqual(['seed']);
  });

  it('diffConfigs(a, b) treats NaN as equal to NaN and types as different', () => {
    expect(diffConfigs({ x: Number.NaN, y: 1 }, { x: Number.NaN, y: '1' }).map((d) => d.path)).toEqual(['y']);
  });

  it('formatConfigPath(segments) and valueAtPath(value, segments) agree', () => {
    const segments = ['models', 'candidates', 1, 'hidden'] as const;
    expect(formatConfigPath(segments)).toBe('models.candidates[1].hidden');
    expect(valueAtPath(makeConfig(), segments)).toEqual([64, 32]);
    expect(valueAtPath(makeConfig(), ['models', 'candidates', 9, 'hidden'])).toBeUndefined();
    expect(valueAtPath({ a: 1 }, ['a', 'b'])).toBeUndefined();
  });
});
