import { describe, expect, it } from 'vitest';
import type { QualityTable } from '../../../src/lib/monitor/data-quality';
import { checkDataQuality } from '../../../src/lib/monitor/data-quality-check';
import { dataQualityProfile } from '../../../src/lib/monitor/data-quality-profile';

const n = 200;
/** Prices 1.00 … 2.99, sales 10 … 209, promo 0/1, three stores; nothing missing. */
const reference: QualityTable = {
  numeric: {
    price: Float64Array.from({ length: n }, (_, i) => 1 + i / 100),
    sales: Float64Array.from({ length: n }, (_, i) => 10 + i),
    promo: Float64Array.from({ length: n }, (_, i) => i % 2),
  },
  categorical: { store: Array.from({ length: n }, (_, i) => ['a', 'b', 'c'][i % 3]!) },
};
const profile = dataQualityProfile(reference);

const current = (patch: Partial<QualityTable['numeric']>, categorical: QualityTable['categorical'] = { store: ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a'] }): QualityTable => ({
  numeric: { price: Float64Array.from({ length: 10 }, () => 2), sales: Float64Array.from({ length: 10 }, () => 50), promo: new Float64Array(10), ...patch },
  categorical,
});

describe('dataQualityProfile(reference)', () => {
  it('keeps per column the missing share, range and percentiles, or the categories', () => {
    expect(profile.rows).toBe(n);
    const price = profile.columns.find((c) => c.column === 'price')!;
    expect(price).toMatchObject({ kind: 'numeric', rows: n, missingShare: 0, min: 1, max: 2.99 });
    // numpy.quantile(1 + arange(200) / 100, [0.005, 0.995]) = [1.00995, 2.98005].
    if (price.kind !== 'numeric') throw new Error('numeric');
    expect(price.p005).toBeCloseTo(1.00995, 10);
    expect(price.p995).toBeCloseTo(2.98005, 10);
    expect(profile.columns.find((c) => c.column === 'store')).toMatchObject({ kind: 'categorical', categories: ['a', 'b', 'c'], truncated: false });
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
  });
});

describe('checkDataQuality({profile, current})', () => {
  it('finds nothing in rows like the reference, or in no rows at all', () => {
    expect(checkDataQuality({ profile, current: current({}) })).toEqual([]);
    expect(checkDataQuality({ profile, current: { numeric: {}, categorical: {} } })).toEqual([]);
  });

  it('flags a price entered ×100 as out of range, with the share, the threshold and a plain message', () => {
    const issues = checkDataQuality({ profile, current: current({ price: Float64Array.from({ length: 10 }, (_, i) => (1 + i / 10) * 100) }) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'out-of-range', column: 'price', count: 10, rows: 10, share: 1, threshold: 0.01 });
    expect(issues[0]!.message).toBe(
      '10 values of “price” (100%) fall outside the plausible range -0.99 to 4.98 (the training range plus its spread on each side; now 100 to 190); the alert is set above 1%. A change of units or a data-entry error?',
    );
  });

  it('tolerates out-of-range values up to the share allowed', () => {
    const prices = Float64Array.from({ length: 200 }, () => 2);
    prices[0] = 500;
    const table = () => ({ numeric: { price: prices, sales: new Float64Array(200).fill(50), promo: new Float64Array(200) }, categorical: { store: new Array<string>(200).fill('a') } });
    // 1 in 200 = 0.5 %, within the 1 % allowed; 3 in 200 = 1.5 % is not.
    expect(checkDataQuality({ profile, current: table() })).toEqual([]);
    prices[1] = 500;
    prices[2] = 500;
    expect(checkDataQuality({ profile, current: table() }).map((i) => i.kind)).toEqual(['out-of-range']);
  });

  it('flags a new category with its rows and the values', () => {
    const issues = checkDataQuality({ profile, current: current({}, { store: ['a', 'd', 'd', 'e', 'b', 'c', 'a', 'b', 'c', 'a'] }) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'new-category', column: 'store', count: 3, share: 0.3, examples: ['d', 'e'] });
    expect(issues[0]!.message).toContain('“d”, “e”');
  });

  it('flags a missing column, and a column that arrives all empty, as a schema change', () => {
    const gone = current({});
    delete gone.numeric.promo;
    const empty = current({ promo: Float64Array.from({ length: 10 }, () => NaN) });
    for (const table of [gone, empty]) {
      const issues = checkDataQuality({ profile, current: table });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ kind: 'schema-change', column: 'promo', count: 10, share: 1 });
    }
    const noStores = checkDataQuality({ profile, current: current({}, {}) });
    expect(noStores.map((i) => [i.kind, i.column])).toEqual([['schema-change', 'store']]);
  });

  it('flags missing values beyond the training share plus the allowance, from the rules', () => {
    const sales = Float64Array.from({ length: 10 }, () => 50);
    sales[0] = NaN;
    const issues = checkDataQuality({ profile, current: current({ sales }) });
    expect(issues.map((i) => [i.kind, i.column, i.share, i.threshold])).toEqual([['missing', 'sales', 0.1, 0.05]]);
    expect(issues[0]!.message).toBe('10% of the “sales” values are missing, against 0% in training; the alert is set above 5%.');
    expect(checkDataQuality({ profile, current: current({ sales }), rules: { missingShare: 0.2, outOfRangeShare: 0.01 } })).toEqual([]);
  });
});

