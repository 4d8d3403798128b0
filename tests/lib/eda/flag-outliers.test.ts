import { describe, expect, it } from 'vitest';
import { flagOutliers } from '../../../src/lib/eda/flag-outliers';
import { robustZScores } from '../../../src/lib/core/statistics';
import { isoDay, makeSales, type SalesRow } from './make-sales';

const WEEKLY = [1, 1, 1, 1, 1.2, 1.6, 0.7];

/** Two shops with a weekly shape, a gentle trend and bounded deterministic wiggle, so nothing is an outlier by chance. */
function clean(days: number): SalesRow[] {
  const rows: SalesRow[] = [];
  const first = isoDay('2024-01-01');
  for (const [shop, level] of [['a', 50], ['b', 400]] as const) {
    for (let t = 0; t < days; t++) {
      const wiggle = 0.04 * Math.sin(t * 2.3) + 0.03 * Math.cos(t * 0.7);
      rows.push({ date: first + t, sales: level * (1 + t / 500) * (WEEKLY[t % 7] as number) * (1 + wiggle), shop });
    }
  }
  return rows;
}

describe('flagOutliers', () => {
  it('flagOutliers(data) flags nothing in a clean seasonal series', () => {
    const report = flagOutliers(makeSales(clean(120), { keys: ['shop'] }));
    expect(report.total).toBe(0);
    expect(report.rows).toEqual([]);
  });

  it('flagOutliers(data, {threshold: 3.5}) finds injected spikes and dips with their dates, strongest first', () => {
    const rows = clean(120);
    rows[30]!.sales *= 3; // shop a, 2024-01-31
    rows[120 + 5]!.sales = 0; // shop b, 2024-01-06: a Saturday, its busiest day
    rows[120 + 118]!.sales *= 2; // shop b, near the end, where the moving average has run out
    const report = flagOutliers(makeSales(rows, { keys: ['shop'] }), { threshold: 3.5 });
    expect(report.total).toBe(3);
    expect(report.seriesWithOutliers).toBe(2);
    const found = report.rows.map((r) => [r.label, r.date, Math.sign(r.score)]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['shop a', '2024-01-31', 1],
        ['shop b', '2024-01-06', -1],
        ['shop b', '2024-04-28', 1],
      ]),
    );
    const scores = report.rows.map((r) => Math.abs(r.score));
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const dip = report.rows.find((r) => r.date === '2024-01-06');
    expect(dip?.expected).toBeGreaterThan(500);
  });

  it('flagOutliers(data, {limit, series}) caps the rows kept but counts them all, and can look at one series', () => {
    const rows = clean(120);
    for (const t of [10, 40, 70, 100]) rows[t]!.sales *= 4;
    const data = makeSales(rows, { keys: ['shop'] });
    const report = flagOutliers(data, { limit: 2 });
    expect(report.total).toBe(4);
    expect(report.rows).toHaveLength(2);
    expect(flagOutliers(data, { series: 1 }).total).toBe(0);
  });

  it('flagOutliers(data) judges a series too short to decompose against its median, on log(1 + sales)', () => {
    const values = [10, 11, 9, 10, 12, 10, 9, 11, 60, 10];
    const report = flagOutliers(makeSales(values.map((sales, t) => ({ date: t, sales }))));
    expect(report.rows.map((r) => r.value)).toEqual([60]);
    expect(report.rows[0]?.expected).toBeCloseTo(10, 10);
    const logResiduals = values.map((v) => Math.log1p(v) - Math.log1p(10));
    expect(report.rows[0]?.score).toBeCloseTo(robustZScores(logResiduals)[8] as number, 12);
  });
});
