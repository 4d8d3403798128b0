import { describe, expect, it } from 'vitest';
import { addMonths, dayOfWeek, dayToIso } from '../../../src/lib/core/days';
import { ROW_FLAG, type SalesData } from '../../../src/lib/data/types';
import { scenarioMessages as m } from '../../../src/lib/messages/scenarios';
import { continueSales } from '../../../src/lib/scenarios/continue-sales';
import { SCENARIOS, scenarioInfo } from '../../../src/lib/scenarios/scenarios';
import { simulateWorld } from '../../../src/lib/scenarios/simulate-world';
import { PRICE_SHOCK_ELASTICITY, type ScenarioId, type ScenarioSpec } from '../../../src/lib/scenarios/types';
import { example, expectValidSales, lastDate, monthlySales, rowsOf, singleDailySales, weeklySales } from './world-fixtures';

const PERIODS = 120;
const SEED = 21;
const ONSET = 20;
const history = example();
const end = lastDate(history);
const control = continueSales({ history, periods: PERIODS, seed: SEED });

const spec = (id: ScenarioId, overrides: Partial<ScenarioSpec> = {}): ScenarioSpec => ({ ...scenarioInfo(id).defaults, onset: ONSET, ...overrides });
const simulate = (scenario: ScenarioSpec, data: SalesData = history, periods = PERIODS) => simulateWorld({ history: data, periods, scenario, seed: SEED });

/** Row indices of series `s`'s future rows from simulated period `from` on (rows in date order). */
function futureRows(data: SalesData, s: number, from: number, last = end): number[] {
  const rows: number[] = [];
  for (let r = 0; r < data.date.length; r++) if (data.series[r] === s && data.date[r]! > last) rows.push(r);
  return rows.slice(from);
}
const sum = (data: SalesData, rows: number[]) => rows.reduce((total, r) => total + data.sales[r]!, 0);

describe('simulateWorld({ history, periods, scenario, seed })', () => {
  it('is deterministic: the same inputs give the identical world', () => {
    for (const info of SCENARIOS) {
      expect(simulate(spec(info.id)), info.id).toEqual(simulate(spec(info.id)));
    }
  });

  it('changes nothing before the onset, for every scenario: history as given, the future the control’s', () => {
    const past = rowsOf(history, 'past', end);
    for (const info of SCENARIOS) {
      const world = simulate(spec(info.id));
      expectValidSales(world.data);
      expect(rowsOf(world.data, 'past', end), info.id).toEqual(past);
      for (let s = 0; s < history.seriesLabels.length; s++) {
        const before = futureRows(world.data, s, 0).slice(0, ONSET);
        expect(before.map((r) => world.data.sales[r]), info.id).toEqual(futureRows(control, s, 0).slice(0, ONSET).map((r) => control.sales[r]));
        for (const name of Object.keys(control.covariates)) {
          expect(before.map((r) => world.data.covariates[name]![r]), `${info.id} ${name}`).toEqual(
            futureRows(control, s, 0).slice(0, ONSET).map((r) => control.covariates[name]![r]),
          );
        }
      }
      expect(world).toMatchObject({ start: end + 1, periods: PERIODS, applicable: true, scenario: spec(info.id) });
      expect(world.onsetDate).toBe(info.id === 'control' ? null : end + 1 + ONSET);
      expect(world.notes.length).toBeGreaterThan(0);
    }
  });

  it('control returns the control future itself', () => {
    const world = simulate(spec('control'));
    expect(world.data).toEqual(control);
    expect(world.notes).toEqual([m.control()]);
  });

  it('level-shift: the target store sells 1 − strength of the control from the onset, the others exactly the same', () => {
    const world = simulate(spec('level-shift', { strength: 0.35 }));
    expect(world.notes).toEqual([m.levelShift(dayToIso(end + 1 + ONSET), 'store S1', 0.35)]);
    for (let s = 0; s < 4; s++) {
      const ratio = sum(world.data, futureRows(world.data, s, ONSET)) / sum(control, futureRows(control, s, ONSET));
      if (history.seriesKeyValues[s]![0] === 'S1') expect(ratio).toBeCloseTo(0.65, 1);
      else expect(ratio).toBe(1);
    }
  });

  it('level-shift hits the target key value, in any key column, and says when it is not there', () => {
    const world = simulate(spec('level-shift', { target: 'P02' }));
    for (let s = 0; s < 4; s++) {
      const ratio = sum(world.data, futureRows(world.data, s, ONSET)) / sum(control, futureRows(control, s, ONSET));
      expect(ratio === 1).toBe(history.seriesKeyValues[s]![1] !== 'P02');
    }
    const missing = simulate(spec('level-shift', { target: 'S9' }));
    expect(missing).toMatchObject({ applicable: false, onsetDate: null, notes: [m.unknownTarget('S9')] });
    expect(missing.data).toEqual(control);
  });

  it('gradual-growth: a linear ramp of strength per year from the onset', () => {
    const world = simulate(spec('gradual-growth', { strength: 0.4 }));
    const rows = (data: SalesData, from: number, to: number) => [0, 1, 2, 3].flatMap((s) => futureRows(data, s, from).slice(0, to - from));
    // Over periods 100–119 the ramp stands at about 0.4 × (90 / 364) ≈ +10%.
    const late = sum(world.data, rows(world.data, 100, 120)) / sum(control, rows(control, 100, 120));
    expect(late).toBeCloseTo(1 + (0.4 * 90) / 364, 1);
    const first = sum(world.data, rows(world.data, ONSET, ONSET + 5)) / sum(control, rows(control, ONSET, ONSET + 5));
    expect(first).toBeLessThan(1.03);
  });

  it('units-bug: reported sales × strength from the onset, exactly', () => {
    const world = simulate(spec('units-bug', { strength: 100 }));
    for (let s = 0; s < 4; s++) {
      expect(futureRows(world.data, s, ONSET).map((r) => world.data.sales[r])).toEqual(futureRows(control, s, ONSET).map((r) => control.sales[r]! * 100));
    }
  });

  it('price-elasticity: price × (1 + strength) and sales × (1 + strength)^−2.5 from the onset', () => {
    const world = simulate(spec('price-elasticity', { strength: 0.2 }));
    const rows = [0, 1, 2, 3].flatMap((s) => futureRows(world.data, s, ONSET));
    const controlRows = [0, 1, 2, 3].flatMap((s) => futureRows(control, s, ONSET));
    rows.forEach((r, i) => expect(world.data.covariates.price![r]).toBeCloseTo(control.covariates.price![controlRows[i]!]! * 1.2, 2));
    expect(sum(world.data, rows) / sum(control, controlRows)).toBeCloseTo(1.2 ** PRICE_SHOCK_ELASTICITY, 1);
    expect(world.notes[0]).toContain('“price”');
  });

  it('price-elasticity is not applicable without a price column, and says so', () => {
    const data = singleDailySales();
    const world = simulate(spec('price-elasticity'), data);
    expect(world).toMatchObject({ applicable: false, onsetDate: null, notes: [m.noPrice([])] });
    expect(world.data).toEqual(continueSales({ history: data, periods: PERIODS, seed: SEED }));
  });

  it('seasonality-shift: from the onset each series sells what the control sold `strength` days earlier', () => {
    const world = simulate(spec('seasonality-shift', { strength: 3 }));
    for (let s = 0; s < 4; s++) {
      const shifted = futureRows(world.data, s, ONSET).map((r) => world.data.sales[r]);
      const controlRows = futureRows(control, s, ONSET - 3).slice(0, shifted.length);
      expect(shifted).toEqual(controlRows.map((r) => control.sales[r]));
    }
    // The weekly peak (Saturday in the example) moves three days later, to Tuesday (ISO weekday 1).
    const peak = (data: SalesData) => {
      const total = new Array<number>(7).fill(0);
      for (let r = 0; r < data.date.length; r++) if (data.date[r]! > end + ONSET + 3) total[dayOfWeek(data.date[r]!)]! += data.sales[r]!;
      return total.indexOf(Math.max(...total));
    };
    expect(peak(control)).toBe(5);
    expect(peak(world.data)).toBe(1);
  });

  it('new-product: a new product per store from the onset, resembling a scaled copy, with no history', () => {
    const world = simulate(spec('new-product', { strength: 0.8 }));
    const { data } = world;
    expect(data.seriesLabels).toEqual([...history.seriesLabels, 'store S1 · product new-1', 'store S2 · product new-1']);
    expect(data.seriesKeyValues.slice(4)).toEqual([['S1', 'new-1'], ['S2', 'new-1']]);
    for (const [s, template] of [[4, 0], [5, 2]] as const) {
      const rows = futureRows(data, s, 0);
      expect(rows.map((r) => data.date[r])).toEqual(futureRows(control, template, ONSET).map((r) => control.date[r]));
      expect(rows.map((r) => data.covariates.promo![r])).toEqual(futureRows(control, template, ONSET).map((r) => control.covariates.promo![r]));
      expect(sum(data, rows) / sum(control, futureRows(control, template, ONSET))).toBeCloseTo(0.8, 1);
    }
    expect(world.notes).toEqual([m.newProduct(dayToIso(end + 1 + ONSET), 'product', 'new-1', 2, 'P01', 0.8)]);
    const copyOfP02 = simulate(spec('new-product', { target: 'P02' }));
    expect(futureRows(copyOfP02.data, 4, 0).map((r) => copyOfP02.data.covariates.price![r])).toEqual(futureRows(control, 1, ONSET).map((r) => control.covariates.price![r]));
    expect(simulate(spec('new-product', { target: 'S1' }))).toMatchObject({ applicable: false, notes: [m.unknownTemplate('product', 'S1')] });
  });

  it('renamed-category: the store’s series stop at the onset and continue under a new label', () => {
    const world = simulate(spec('renamed-category'));
    const { data } = world;
    expect(data.seriesLabels.slice(4)).toEqual(['store s1 · product P01', 'store s1 · product P02']);
    for (const [old, renamed] of [[0, 4], [1, 5]] as const) {
      expect(futureRows(data, old, 0)).toHaveLength(ONSET);
      expect(futureRows(data, renamed, 0).map((r) => data.sales[r])).toEqual(futureRows(control, old, ONSET).map((r) => control.sales[r]));
      expect(data.date.filter((_, r) => data.series[r] === renamed && data.date[r]! <= end)).toHaveLength(0);
    }
    expect(futureRows(data, 2, 0)).toHaveLength(PERIODS);
    expect(world.notes).toEqual([m.renamedCategory(dayToIso(end + 1 + ONSET), 'store', 'S1', 's1', 2)]);
    expect(simulate(spec('renamed-category', { target: 'P02' })).data.seriesLabels.slice(4)).toEqual(['store S1 · product p02', 'store S2 · product p02']);
    // Row lines and flags, where the data has them, travel with their rows.
    const n = history.date.length;
    const filed = { ...history, rowLines: Int32Array.from({ length: n }, (_, i) => i + 2), rowFlags: new Uint8Array(n).fill(ROW_FLAG.ragged) };
    const moved = simulate(spec('renamed-category'), filed).data;
    expectValidSales(moved);
    expect(rowsOf(moved, 'past', end)).toEqual(rowsOf(filed, 'past', end));
    expect(rowsOf(moved, 'future', end).rowLines!.every((line) => line === 0)).toBe(true);
  });

  it('missing-column: the first covariate (or the target) goes NaN from the onset, flagged where rows carry flags', () => {
    const world = simulate(spec('missing-column'));
    const price = world.data.covariates.price!;
    for (let s = 0; s < 4; s++) {
      expect(futureRows(world.data, s, ONSET).every((r) => Number.isNaN(price[r]))).toBe(true);
      expect(futureRows(world.data, s, 0).slice(0, ONSET).every((r) => Number.isFinite(price[r]))).toBe(true);
    }
    expect(world.data.sales).toEqual(control.sales);
    const flagged = { ...history, rowFlags: new Uint8Array(history.date.length) };
    const promo = simulate(spec('missing-column', { target: 'Promo', strength: 0.5 }), flagged);
    const rows = [0, 1, 2, 3].flatMap((s) => futureRows(promo.data, s, ONSET));
    const lost = rows.filter((r) => Number.isNaN(promo.data.covariates.promo![r]));
    expect(lost.length / rows.length).toBeGreaterThan(0.4);
    expect(lost.length / rows.length).toBeLessThan(0.6);
    expect(lost.every((r) => (promo.data.rowFlags![r]! & ROW_FLAG.covariateMissing) !== 0)).toBe(true);
    expect(promo.notes).toEqual([m.missingColumn(dayToIso(end + 1 + ONSET), 'promo', 0.5)]);
    expect(simulate(spec('missing-column', { target: 'weather' }))).toMatchObject({ applicable: false, notes: [m.unknownCovariate('weather', ['price', 'promo', 'holiday', 'stockout'])] });
  });

  it('missing-column without covariates: sales go missing for the given share of rows instead', () => {
    const data = singleDailySales();
    const world = simulate(spec('missing-column', { strength: 0.3 }), data);
    const last = lastDate(data);
    const rows = futureRows(world.data, 0, ONSET, last);
    const share = rows.filter((r) => Number.isNaN(world.data.sales[r])).length / rows.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.45);
    expect(futureRows(world.data, 0, 0, last).slice(0, ONSET).every((r) => Number.isFinite(world.data.sales[r]))).toBe(true);
  });

  it('refuses an onset or a strength it cannot use', () => {
    expect(() => simulate(spec('level-shift', { onset: -1 }))).toThrow(RangeError);
    expect(() => simulate(spec('level-shift', { strength: NaN }))).toThrow(m.notStrength(NaN));
  });

  it('says when the onset falls after the simulated periods, and changes nothing', () => {
    const world = simulate(spec('new-product', { onset: PERIODS }));
    expect(world.data).toEqual(control);
    expect(world.notes).toEqual([m.afterWindow(PERIODS, PERIODS)]);
    expect(world.onsetDate).toBe(end + 1 + PERIODS);
  });

  describe('on imported shapes: weekly, monthly, a single series', () => {
    const shapes: [string, SalesData][] = [['weekly', weeklySales()], ['monthly', monthlySales()], ['single daily', singleDailySales()]];
    for (const [name, data] of shapes) {
      it(`${name}: every scenario keeps history and pre-onset rows, and keeps SalesData valid`, () => {
        const last = lastDate(data);
        const base = continueSales({ history: data, periods: 30, seed: SEED });
        for (const info of SCENARIOS) {
          const world = simulateWorld({ history: data, periods: 30, scenario: { ...info.defaults, onset: 6 }, seed: SEED });
          expectValidSales(world.data);
          expect(rowsOf(world.data, 'past', last), `${name} ${info.id}`).toEqual(rowsOf(data, 'past', last));
          for (let s = 0; s < data.seriesLabels.length; s++) {
            expect(futureRows(world.data, s, 0, last).slice(0, 6).map((r) => world.data.sales[r])).toEqual(
              futureRows(base, s, 0, last).slice(0, 6).map((r) => base.sales[r]),
            );
          }
          if (!world.applicable) expect(world.data).toEqual(base);
        }
      });
    }

    it('weekly: the level shift hits one store; the seasonality shift moves the yearly wave by weeks', () => {
      const data = weeklySales();
      const last = lastDate(data);
      const base = continueSales({ history: data, periods: 30, seed: SEED });
      const world = simulateWorld({ history: data, periods: 30, scenario: spec('level-shift', { onset: 6, strength: 0.5 }), seed: SEED });
      const ratio = (s: number) => sum(world.data, futureRows(world.data, s, 6, last)) / sum(base, futureRows(base, s, 6, last));
      expect(ratio(0)).toBeCloseTo(0.5, 1);
      expect(ratio(1)).toBe(1);
      const shifted = simulateWorld({ history: data, periods: 30, scenario: spec('seasonality-shift', { onset: 6, strength: 4 }), seed: SEED });
      expect(shifted.notes).toEqual([m.seasonalityShift(dayToIso(last + 7 * 7), 'every series', 4, 'weekly')]);
      expect(futureRows(shifted.data, 0, 6, last).map((r) => shifted.data.sales[r])).toEqual(futureRows(base, 0, 2, last).slice(0, 24).map((r) => base.sales[r]));
    });

    it('a single series: the level shift hits it all; new-product and renamed-category are not applicable', () => {
      const data = monthlySales();
      const last = lastDate(data);
      const base = continueSales({ history: data, periods: 30, seed: SEED });
      const world = simulateWorld({ history: data, periods: 30, scenario: spec('level-shift', { onset: 6, strength: 0.35 }), seed: SEED });
      expect(world.notes).toEqual([m.levelShift(dayToIso(addMonths(last, 7)), 'the series', 0.35)]);
      expect(sum(world.data, futureRows(world.data, 0, 6, last)) / sum(base, futureRows(base, 0, 6, last))).toBeCloseTo(0.65, 1);
      expect(simulateWorld({ history: data, periods: 30, scenario: spec('new-product'), seed: SEED })).toMatchObject({ applicable: false, notes: [m.noKeysForNewProduct()] });
      expect(simulateWorld({ history: data, periods: 30, scenario: spec('renamed-category'), seed: SEED })).toMatchObject({ applicable: false, notes: [m.noKeysForRename()] });
    });

    it('one key column: new-product adds one series, renamed-category prefixes a bare number', () => {
      const data = weeklySales();
      const added = simulateWorld({ history: data, periods: 30, scenario: spec('new-product', { onset: 6 }), seed: SEED });
      expect(added.data.seriesLabels).toEqual(['store north', 'store south', 'store new-1']);
      const numbered = { ...data, seriesKeyValues: [['3'], ['4']], seriesLabels: ['store 3', 'store 4'] };
      const renamed = simulateWorld({ history: numbered, periods: 30, scenario: spec('renamed-category', { onset: 6, target: '4' }), seed: SEED });
      expect(renamed.data.seriesLabels).toEqual(['store 3', 'store 4', 'store S4']);
    });
  });
});
