import { describe, expect, it } from 'vitest';
import { driftTestLabels, monitorMessages } from '../../../src/lib/messages/monitor';
import { columnDrift, type ColumnDrift } from '../../../src/lib/monitor/column-drift';
import { createRng } from '../../../src/lib/random/rng';
import { categoricalCase, numericCase } from './drift-reference';
import { expectRelative } from './expect-relative';

// Golden values: ../shared/reference/drift.json, scipy 1.10.1 — columnDrift must report the same numbers as the
// single statistics do (each checked on its own in the other files of this folder).

const numeric = (name: string, extra: { test?: ColumnDrift['test']; threshold?: number } = {}): ColumnDrift => {
  const { reference, current } = numericCase(name);
  return columnDrift({ column: name, kind: 'numeric', reference, current, ...extra });
};

const categorical = (name: string, extra: { test?: ColumnDrift['test']; threshold?: number } = {}): ColumnDrift => {
  const { reference, current } = categoricalCase(name);
  return columnDrift({ column: name, kind: 'categorical', reference, current, ...extra });
};

const sumOf = (values: number[]): number => values.reduce((a, b) => a + b, 0);

function expectBinsAreShares(bins: ColumnDrift['bins']): void {
  expectRelative(sumOf(bins.map((b) => b.reference)), 1, 1e-12);
  expectRelative(sumOf(bins.map((b) => b.current)), 1, 1e-12);
}

describe('columnDrift on numeric columns (../shared/reference/drift.json)', () => {
  it('columnDrift picks KS for a small reference and reports scipy’s D and exact p-value (shifted_small drifts)', () => {
    const { expected } = numericCase('shifted_small');
    const drift = numeric('shifted_small');
    expect(drift).toMatchObject({ test: 'ks', thresholdKind: 'p-value', threshold: 0.05, drifted: true, referenceSize: 60, currentSize: 45 });
    expectRelative(drift.statistic, expected.ks_2samp.statistic);
    expectRelative(drift.pValue!, expected.ks_2samp.pvalue_auto);
  });

  it('columnDrift finds no drift between identical samples (KS p = 1)', () => {
    expect(numeric('identical_small')).toMatchObject({ test: 'ks', statistic: 0, pValue: 1, drifted: false });
  });

  it('columnDrift picks normed Wasserstein past 1000 reference rows: same_dist_large stays, level_shift_large drifts', () => {
    const same = numeric('same_dist_large');
    expect(same).toMatchObject({ test: 'wasserstein', thresholdKind: 'distance', threshold: 0.1, pValue: null, drifted: false });
    expectRelative(same.statistic, numericCase('same_dist_large').expected.wasserstein_normed);
    const shifted = numeric('level_shift_large');
    expect(shifted).toMatchObject({ test: 'wasserstein', drifted: true });
    expectRelative(shifted.statistic, numericCase('level_shift_large').expected.wasserstein_normed);
  });

  it('columnDrift shows a ×100 unit bug as every current value in the open last bin of the reference range', () => {
    const drift = numeric('units_bug_x100');
    expect(drift.drifted).toBe(true);
    expect(drift.bins.length).toBeLessThanOrEqual(20);
    expect(drift.bins.at(-1)!.current).toBe(1);
    expect(drift.bins.at(-1)!.label.startsWith('≥ ')).toBe(true);
    expect(drift.bins[0]!.label.startsWith('< ')).toBe(true);
    expectBinsAreShares(drift.bins);
  });

  it('columnDrift uses one bin per value for a count column with few distinct values (ties_counts)', () => {
    const { reference, current } = numericCase('ties_counts');
    const drift = numeric('ties_counts');
    const values = [...new Set([...reference, ...current])].sort((a, b) => a - b);
    expect(drift.test).toBe('ks');
    expect(drift.bins.map((b) => b.label)).toEqual(values.map(String));
    expectRelative(drift.bins[0]!.reference, reference.filter((x) => x === values[0]).length / reference.length, 1e-12);
    expectBinsAreShares(drift.bins);
  });

  it('columnDrift({test: "psi"}) reports the decile PSI and its 0.1 threshold', () => {
    const drift = numeric('scaled_medium', { test: 'psi' });
    expect(drift).toMatchObject({ test: 'psi', threshold: 0.1, thresholdKind: 'distance', pValue: null, drifted: true });
    expectRelative(drift.statistic, numericCase('scaled_medium').expected.psi.value);
  });

  it('columnDrift({test: "jensenshannon"}) bins a continuous column by Sturges’ rule on both samples (Evidently)', () => {
    const drift = numeric('same_dist_large', { test: 'jensenshannon' });
    expectRelative(drift.statistic, numericCase('same_dist_large').expected.jensenshannon_base2.sturges_pooled.value);
    expect(drift.drifted).toBe(false);
  });

  it('columnDrift({threshold}) overrides the test’s default threshold', () => {
    const drift = numeric('shifted_small', { threshold: 1e-4 });
    expect(drift).toMatchObject({ threshold: 1e-4, drifted: false });
  });

  it('columnDrift drops NaN, and parses numeric strings with blanks as missing', () => {
    const { reference, current, expected } = numericCase('shifted_small');
    const drift = columnDrift({
      column: 'x',
      kind: 'numeric',
      reference: [...reference.map(String), '', ' '],
      current: Float64Array.from([NaN, ...current]),
    });
    expect(drift).toMatchObject({ referenceSize: 60, currentSize: 45 });
    expectRelative(drift.pValue!, expected.ks_2samp.pvalue_auto);
  });

  it('columnDrift tests a numeric flag (two values) like a category: Z-test, or Jensen–Shannon per value past 1000 rows', () => {
    const rng = createRng(3);
    const flag = (n: number, p: number): Float64Array => Float64Array.from({ length: n }, () => (rng.next() < p ? 1 : 0));
    const small = columnDrift({ column: 'promo', kind: 'numeric', reference: flag(800, 0.2), current: flag(800, 0.35) });
    expect(small).toMatchObject({ test: 'z', drifted: true });
    expect(small.bins.map((b) => b.label)).toEqual(['0', '1']);
    const large = columnDrift({ column: 'promo', kind: 'numeric', reference: flag(5000, 0.2), current: flag(5000, 0.2) });
    expect(large).toMatchObject({ test: 'jensenshannon', drifted: false });
  });

  it('columnDrift handles 100 000 × 100 000 rows (sorted once, linear after): a 0.2σ shift drifts, noise does not', () => {
    const rng = createRng(11);
    const sample = (shift: number): Float64Array => Float64Array.from({ length: 100_000 }, () => 50 + 10 * rng.normal() + shift);
    const reference = sample(0);
    expect(columnDrift({ column: 'sales', kind: 'numeric', reference, current: sample(0) })).toMatchObject({ test: 'wasserstein', drifted: false });
    expect(columnDrift({ column: 'sales', kind: 'numeric', reference, current: sample(2) })).toMatchObject({ test: 'wasserstein', drifted: true });
  });
});

describe('columnDrift on categorical columns (../shared/reference/drift.json)', () => {
  it('columnDrift picks chi-square for a small reference with more than two categories (same_mix stays)', () => {
    const { expected } = categoricalCase('same_mix');
    const drift = categorical('same_mix');
    expect(drift).toMatchObject({ test: 'chisquare', drifted: false, referenceSize: 500, currentSize: 400 });
    expectRelative(drift.statistic, expected.chisquare_gof.statistic as number);
    expectRelative(drift.pValue!, expected.chisquare_gof.pvalue);
  });

  it('columnDrift flags a new category (chi-square Infinity, p 0) and shows it as a bin with no reference share', () => {
    const drift = categorical('new_category');
    expect(drift).toMatchObject({ test: 'chisquare', statistic: Infinity, pValue: 0, drifted: true });
    expect(drift.bins.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(drift.bins[3]).toEqual({ label: 'D', reference: 0, current: 19 / 300 });
  });

  it('columnDrift picks Jensen–Shannon past 1000 reference rows (binary_promo drifts at 0.115 ≥ 0.1)', () => {
    const drift = categorical('binary_promo');
    expect(drift).toMatchObject({ test: 'jensenshannon', pValue: null, drifted: true });
    expectRelative(drift.statistic, categoricalCase('binary_promo').expected.jensenshannon_base2);
  });

  it('columnDrift({test: "psi"}) on a categorical column matches the reference PSI on category shares', () => {
    const drift = categorical('shifted_mix', { test: 'psi' });
    expectRelative(drift.statistic, categoricalCase('shifted_mix').expected.psi.value);
    expect(drift.drifted).toBe(true);
  });

  it('columnDrift picks the Z-test for two categories and a small reference', () => {
    const { reference, current } = categoricalCase('binary_promo');
    const drift = columnDrift({ column: 'promo', kind: 'categorical', reference: reference.slice(0, 1000), current });
    expect(drift).toMatchObject({ test: 'z', thresholdKind: 'p-value', drifted: true });
    expect(drift.pValue!).toBeLessThan(1e-6);
  });

  it('columnDrift drops null and empty labels, and writes numbers given to a categorical column as labels', () => {
    const drift = columnDrift({ column: 'store', kind: 'categorical', reference: [1, 2, 2, NaN], current: ['1', '2', '', '2'] });
    expect(drift).toMatchObject({ referenceSize: 3, currentSize: 3, statistic: 0, drifted: false });
  });

  it('columnDrift({test: "ks"}) on a categorical column throws the message from messages/monitor', () => {
    const { reference, current } = categoricalCase('same_mix');
    expect(() => columnDrift({ column: 'mix', kind: 'categorical', reference, current, test: 'ks' })).toThrow(
      monitorMessages.numericTestOnCategories('ks', 'mix'),
    );
    expect(monitorMessages.numericTestOnCategories('wasserstein', 'mix')).toContain(driftTestLabels.wasserstein);
  });
});

describe('columnDrift with an empty side', () => {
  it('columnDrift gives statistic NaN, drifted false and a note naming the empty side', () => {
    const drift = columnDrift({ column: 'price', kind: 'numeric', reference: [NaN, NaN], current: [1, 2, 3] });
    expect(drift).toMatchObject({ drifted: false, referenceSize: 0, currentSize: 3, bins: [] });
    expect(drift.statistic).toBeNaN();
    expect(drift.note).toBe(monitorMessages.emptySample('price', ['reference']));
  });

  it('columnDrift on an empty categorical current sample gives no p-value to compare and no drift', () => {
    const drift = columnDrift({ column: 'mix', kind: 'categorical', reference: ['A', 'B'], current: ['', ''] });
    expect(drift).toMatchObject({ test: 'z', drifted: false, currentSize: 0 });
    expect(drift.pValue).toBeNaN();
    expect(drift.note).toContain('current');
  });
});
