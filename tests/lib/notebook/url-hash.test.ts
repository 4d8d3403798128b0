import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, MAX_EXAMPLE_ROWS, type NotebookConfig } from '../../../src/lib/notebook/config';
import { changedConfigInputs, decodeConfigHash, encodeConfigHash } from '../../../src/lib/notebook/url-hash';
import { configFieldInvalid, configHashUnreadable, exampleTooLarge } from '../../../src/lib/messages/notebook';

const custom: NotebookConfig = {
  ...DEFAULT_CONFIG,
  seed: 7,
  dataset: { kind: 'builtin', file: 'walmart-store1-top10-depts-weekly.csv' },
  mapping: { date: 'date', sales: 'sales', keys: ['store', 'dept'], covariates: ['isholiday'] },
  cleaning: { gaps: 'fill-zero' },
  horizon: 8,
  explore: { by: 'key', key: 'dept', series: null },
  stage: 'explore',
};

describe('encodeConfigHash(config) / decodeConfigHash(hash)', () => {
  it('round-trips a configuration exactly', () => {
    expect(decodeConfigHash(encodeConfigHash(custom))).toEqual({ config: custom, problems: [] });
  });
  it('gives the defaults for an empty hash', () => {
    expect(decodeConfigHash('')).toEqual({ config: DEFAULT_CONFIG, problems: [] });
    expect(decodeConfigHash('#')).toEqual({ config: DEFAULT_CONFIG, problems: [] });
  });
  it('falls back to defaults with a message when the hash is not JSON', () => {
    const parsed = decodeConfigHash('#%7B%22v%22%3A1%2C');
    expect(parsed.config).toEqual(DEFAULT_CONFIG);
    expect(parsed.problems).toEqual([configHashUnreadable()]);
    expect(decodeConfigHash('#%E0%A4%A').problems).toEqual([configHashUnreadable()]);
  });
  it('keeps the valid fields of a tampered link and names the bad ones', () => {
    const tampered = { ...custom, seed: -3, dataset: { kind: 'example', seed: 1, stores: 1e9, products: 10, days: 1096 } };
    const parsed = decodeConfigHash('#' + encodeURIComponent(JSON.stringify(tampered)));
    expect(parsed.config).toEqual({ ...custom, seed: DEFAULT_CONFIG.seed, dataset: DEFAULT_CONFIG.dataset });
    expect(parsed.problems).toHaveLength(2);
    expect(parsed.problems[0]).toContain('“seed”');
    expect(parsed.problems[1]).toContain('“dataset”');
  });
  it('refuses an example larger than the app can hold before generating it, and says the limit', () => {
    const hash = (stores: number, products: number, days: number) =>
      '#' + encodeURIComponent(JSON.stringify({ ...DEFAULT_CONFIG, dataset: { kind: 'example', seed: 1, stores, products, days } }));
    // Each field within its own limits, the product not: 50 × 100 × 700 = 3.5M rows.
    const big = decodeConfigHash(hash(50, 100, 700));
    expect(big.config.dataset).toEqual(DEFAULT_CONFIG.dataset);
    expect(big.problems).toEqual([configFieldInvalid('dataset', exampleTooLarge(MAX_EXAMPLE_ROWS))]);
    // 50 × 20 × 1000 = 1M rows: the benchmark table, allowed.
    const largest = decodeConfigHash(hash(50, 20, 1000));
    expect(largest.problems).toEqual([]);
    expect(largest.config.dataset).toEqual({ kind: 'example', seed: 1, stores: 50, products: 20, days: 1000 });
  });
  it('rejects values that are not a settings object', () => {
    expect(decodeConfigHash('#' + encodeURIComponent('[1,2]')).config).toEqual(DEFAULT_CONFIG);
    expect(decodeConfigHash('#' + encodeURIComponent('"x"')).problems).toHaveLength(1);
  });
});

describe('changedConfigInputs(before, after)', () => {
  it('names exactly the fields that differ', () => {
    expect(changedConfigInputs(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, horizon: 14, explore: { ...DEFAULT_CONFIG.explore, by: 'key' } })).toEqual([
      'config.horizon',
      'config.explore',
    ]);
  });

  it('leaves the playback speed out: it changes how fast the story is shown, not the story, so nothing goes stale', () => {
    const ops = DEFAULT_CONFIG.ops;
    expect(changedConfigInputs(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, ops: { ...ops, simulation: { ...ops.simulation, speed: 30 } } })).toEqual([]);
    expect(changedConfigInputs(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, ops: { ...ops, simulation: { ...ops.simulation, delay: ops.simulation.delay + 1 } } })).toEqual(['config.ops']);
  });
});
