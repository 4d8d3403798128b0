import { describe, expect, it } from 'vitest';
import { applyFeatures } from '../../../src/lib/features/apply-features';
import { buildFeatures } from '../../../src/lib/features/build-features';
import { HOLIDAY_DISTANCE_CAP } from '../../../src/lib/features/compile-features';
import { defaultFeatureSpec } from '../../../src/lib/features/default-feature-spec';
import { fitFeatureState } from '../../../src/lib/features/fit-feature-state';
import type { FeatureMatrix, FeatureSpec } from '../../../src/lib/features/types';
import { featureMessages } from '../../../src/lib/messages/features';
import { makeSales, type SalesRow } from '../eda/make-sales';
import { exampleSales } from './example-sales';
import { bytesOf, column, countNonFinite, PLAIN_SPEC } from './feature-fixtures';

const MONDAY = 19_723; // 2024-01-01
const series = (values: number[], extra: (t: number) => Partial<SalesRow> = () => ({})): SalesRow[] =>
  values.map((sales, t) => ({ date: MONDAY + t, sales, ...extra(t) }) as SalesRow);

describe('buildFeatures(data, spec, { fit })', () => {
  it('buildFeatures(data, spec) gives lags and rolling stats that end at t − 1, after a warm-up of the longest window', () => {
    const data = makeSales(series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const { matrix } = buildFeatures(data, { ...PLAIN_SPEC, lags: [1, 2], rolling: [{ window: 3, stats: ['mean', 'std'] }] }, { fit: { trainEnd: MONDAY + 9 } });
    expect(matrix.names).toEqual(['lag_1', 'lag_2', 'rolling_mean_3', 'rolling_std_3']);
    expect(matrix.rows).toBe(7);
    expect(Array.from(matrix.date)).toEqual([3, 4, 5, 6, 7, 8, 9].map((t) => MONDAY + t));
    expect(Array.from(matrix.y)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(Array.from(matrix.x.subarray(0, 4))).toEqual([3, 2, 2, 1]);
  });

  it('buildFeatures(data, spec) counts lags in periods across a missing row, and carries the last value over a gap or a NaN', () => {
    const rows = series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).filter((_, t) => t !== 5);
    rows[6]!.sales = NaN; // day 7
    const { matrix } = buildFeatures(makeSales(rows), { ...PLAIN_SPEC, lags: [1, 2, 3] }, { fit: { trainEnd: MONDAY + 9 } });
    // Day 5 has no row and day 7 no sales: neither is a target; their history values are carried forward.
    expect(Array.from(matrix.date)).toEqual([3, 4, 6, 8, 9].map((t) => MONDAY + t));
    expect(Array.from(column(matrix, 'lag_1'))).toEqual([3, 4, 5, 7, 9]);
    expect(Array.from(column(matrix, 'lag_2'))).toEqual([2, 3, 5, 7, 7]);
    expect(Array.from(column(matrix, 'lag_3'))).toEqual([1, 2, 4, 5, 7]);
  });

  it('buildFeatures(data, spec) on weekly and monthly data counts weeks and calendar months', () => {
    const weekly = makeSales([10, 20, 30, 40].map((sales, t) => ({ date: MONDAY + 4 + 7 * t, sales })), { frequency: 'weekly' });
    expect(Array.from(column(buildFeatures(weekly, { ...PLAIN_SPEC, lags: [2] }, { fit: { trainEnd: 1e6 } }).matrix, 'lag_2'))).toEqual([10, 20]);
    const monthly = makeSales(['2023-01-31', '2023-02-28', '2023-03-31', '2023-05-31'].map((date, t) => ({ date, sales: t + 1 })), { frequency: 'monthly' });
    const { matrix } = buildFeatures(monthly, { ...PLAIN_SPEC, lags: [1, 2] }, { fit: { trainEnd: 1e6 } });
    expect(Array.from(column(matrix, 'lag_1'))).toEqual([2, 3]); // March, then May (April carried March forward)
    expect(Array.from(column(matrix, 'lag_2'))).toEqual([1, 3]);
  });

  it("buildFeatures(data, spec) with target 'series-scale' divides sales by each series' mean training sales; 'log1p' takes log(1 + sales)", () => {
    const rows = [...series([10, 10, 20, 20]).map((r) => ({ ...r, id: 'a' })), ...series([1000, 1000, 3000, 3000]).map((r) => ({ ...r, id: 'b' }))];
    const data = makeSales(rows, { keys: ['id'] });
    const spec: FeatureSpec = { ...PLAIN_SPEC, lags: [1], target: 'series-scale' };
    const { matrix, state } = buildFeatures(data, spec, { fit: { trainEnd: MONDAY + 1 } });
    expect(state.series).toEqual([{ label: 'id a', scale: 10 }, { label: 'id b', scale: 1000 }]);
    expect(Array.from(matrix.y)).toEqual([1, 2, 2, 1, 3, 3]);
    expect(Array.from(column(matrix, 'lag_1'))).toEqual([1, 1, 2, 1, 1, 3]);
    const log = buildFeatures(data, { ...spec, target: 'log1p' }, { fit: { trainEnd: MONDAY + 1 } }).matrix;
    expect(log.y[0]).toBe(Math.fround(Math.log1p(10)));
  });

  it("buildFeatures(data, spec) with scale 'standard' centres the training rows of every column but the one-hots", () => {
    const data = exampleSales({ stores: 1, products: 3, days: 200 });
    const trainEnd = (data.date[0] as number) + 150;
    const { matrix } = buildFeatures(data, defaultFeatureSpec(data), { fit: { trainEnd } });
    const train = Array.from(matrix.date, (d, r) => (d <= trainEnd ? r : -1)).filter((r) => r >= 0);
    for (const name of matrix.names) {
      const all = column(matrix, name);
      const values = train.map((r) => all[r] as number);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      if (/^dow_|^series=/.test(name)) expect(new Set(values)).toEqual(new Set([0, 1]));
      else expect(Math.abs(mean)).toBeLessThan(1e-5);
    }
  });

  it('buildFeatures(data, spec) encodes the calendar: weekday one-hots, month as sin/cos or twelve one-hots, week of year as sin/cos', () => {
    const data = makeSales(series([1, 2, 3]));
    const spec: FeatureSpec = { ...PLAIN_SPEC, calendar: { ...PLAIN_SPEC.calendar, dayOfWeek: true, month: true, weekOfYear: true } };
    const { matrix } = buildFeatures(data, spec, { fit: { trainEnd: MONDAY } });
    expect(matrix.names).toEqual(['dow_mon', 'dow_tue', 'dow_wed', 'dow_thu', 'dow_fri', 'dow_sat', 'dow_sun', 'month_sin', 'month_cos', 'week_sin', 'week_cos']);
    expect(Array.from(matrix.x.subarray(0, 11))).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1]); // Monday, January, ISO week 1
    const oneHot = buildFeatures(data, { ...spec, calendar: { ...spec.calendar, monthEncoding: 'one-hot' } }, { fit: { trainEnd: MONDAY } }).matrix;
    expect(oneHot.names.filter((n) => n.startsWith('month_'))).toHaveLength(12);
    expect(column(oneHot, 'month_jan')[0]).toBe(1);
  });

  it('buildFeatures(data, spec) adds the holiday flag and the capped days to the next and since the last holiday', () => {
    const data = makeSales(series(Array(40).fill(5), (t) => ({ hol: t === 10 ? 1 : 0 })), { covariates: ['hol'] });
    const spec: FeatureSpec = { ...PLAIN_SPEC, calendar: { ...PLAIN_SPEC.calendar, holiday: 'hol', holidayDistance: true } };
    const { matrix } = buildFeatures(data, spec, { fit: { trainEnd: MONDAY + 40 } });
    const at = (t: number, name: string) => column(matrix, name)[t] as number;
    expect([at(7, 'hol'), at(7, 'days_to_holiday'), at(7, 'days_since_holiday')]).toEqual([0, 3, HOLIDAY_DISTANCE_CAP]);
    expect([at(10, 'hol'), at(10, 'days_to_holiday'), at(10, 'days_since_holiday')]).toEqual([1, HOLIDAY_DISTANCE_CAP, HOLIDAY_DISTANCE_CAP]);
    expect(at(12, 'days_since_holiday')).toBe(2);
  });

  it('buildFeatures(data, spec) fills a missing covariate with its training mean, and one-hot series unseen in training are all zeros', () => {
    const rows = [...series([1, 2, 3, 4], (t) => ({ id: 'a', price: t === 3 ? NaN : 2 + t })), ...series([5, 6, 7, 8], () => ({ id: 'new', price: 1 })).slice(2)];
    const data = makeSales(rows, { keys: ['id'], covariates: ['price'] });
    const { matrix, state } = buildFeatures(data, { ...PLAIN_SPEC, covariates: ['price'], seriesIdentity: 'one-hot' }, { fit: { trainEnd: MONDAY + 1 } });
    expect(state.fill).toEqual({ price: 2.5 });
    expect(matrix.names).toEqual(['price', 'series=id a']);
    expect(Array.from(matrix.x)).toEqual([2, 1, 3, 1, 4, 1, 2.5, 1, 1, 0, 1, 0]);
  });

  it('buildFeatures(example, defaultFeatureSpec) has one row per series-day after the 28-day warm-up, and no NaN', () => {
    const data = exampleSales();
    const { matrix, state } = buildFeatures(data, defaultFeatureSpec(data), { fit: { trainEnd: (data.date[0] as number) + 900 } });
    expect(matrix.rows).toBe(50 * (1096 - 28));
    expect(matrix.x.length).toBe(matrix.rows * matrix.names.length);
    expect(countNonFinite(matrix.x)).toBe(0);
    expect(countNonFinite(matrix.y)).toBe(0);
    expect(state.warmup).toBe(28);
    expect(matrix.names).toHaveLength(10 + 4 + 7 + 2 + 3 + 2 + 50);
  });

  it('buildFeatures(data, spec) is deterministic: same spec and data give byte-identical matrices, also through a JSON round trip of the state', () => {
    const data = exampleSales({ stores: 2, products: 3, days: 300 });
    const spec = defaultFeatureSpec(data);
    const fit = { trainEnd: (data.date[0] as number) + 200 };
    const a = buildFeatures(data, spec, { fit });
    const b = buildFeatures(exampleSales({ stores: 2, products: 3, days: 300 }), JSON.parse(JSON.stringify(spec)) as FeatureSpec, { fit });
    expect(bytesOf(b.matrix)).toEqual(bytesOf(a.matrix));
    const replayed = applyFeatures(data, spec, JSON.parse(JSON.stringify(a.state)) as typeof a.state);
    expect(bytesOf(replayed)).toEqual(bytesOf(a.matrix));
  });

  it('fitFeatureState(data, spec, { trainEnd }) then applyFeatures(data, spec, state) equals buildFeatures, and the state is plain JSON', () => {
    const data = exampleSales({ stores: 1, products: 2, days: 120 });
    const spec = defaultFeatureSpec(data);
    const state = fitFeatureState(data, spec, { trainEnd: (data.date[0] as number) + 90 });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    const matrix: FeatureMatrix = applyFeatures(data, spec, state);
    expect(bytesOf(matrix)).toEqual(bytesOf(buildFeatures(data, spec, { fit: { trainEnd: state.trainEnd } }).matrix));
  });

  it('applyFeatures(data, spec, state) refuses a state fit for other features, and a spec naming a missing covariate', () => {
    const data = makeSales(series([1, 2, 3, 4]));
    const state = fitFeatureState(data, { ...PLAIN_SPEC, lags: [1] }, { trainEnd: MONDAY + 3 });
    expect(() => applyFeatures(data, { ...PLAIN_SPEC, lags: [2] }, state)).toThrow(featureMessages.stateMismatch);
    expect(() => applyFeatures(data, { ...PLAIN_SPEC, lags: [1], scale: 'standard' }, state)).toThrow(featureMessages.stateMismatch);
    expect(() => applyFeatures({ ...data, frequency: 'weekly' }, { ...PLAIN_SPEC, lags: [1] }, state)).toThrow(featureMessages.frequencyMismatch('daily', 'weekly'));
    expect(() => buildFeatures(data, { ...PLAIN_SPEC, covariates: ['price'] }, { fit: { trainEnd: MONDAY } })).toThrow(
      featureMessages.unknownCovariate('price', []),
    );
  });
});
