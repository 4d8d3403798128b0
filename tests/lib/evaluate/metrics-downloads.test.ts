import { describe, expect, it } from 'vitest';
import { dayToIso } from '../../../src/lib/core/days';
import { metricsFileName, metricsTableRows, metricsToCsv, metricsToJson } from '../../../src/lib/evaluate/metrics-downloads';
import { roleViews } from '../../../src/lib/evaluate/role-views';
import { makeRunMetrics } from './make-run-metrics';

const { metrics } = makeRunMetrics();

describe('downloads', () => {
  it('metricsTableRows(metrics) has one row per model × window × metric the Evaluate views show, under the role that shows it', () => {
    const rows = metricsTableRows(metrics);
    const views = roleViews(metrics, 'naive')!;
    const shown = [views.dataScientist, views.expert, views.business].flatMap((v) => v.rows.map((r) => `${v.role}/${r.metric}`));
    const firstWindow = rows.filter((r) => r.model === 'naive' && r.window === 'fold 1');
    expect(firstWindow.map((r) => `${r.role}/${r.metric}`)).toEqual(shown);
    expect(rows).toHaveLength(6 * 3 * shown.length);
    // WAPE and bias are the data scientist's on the page, so in the file too.
    expect(rows.find((r) => r.metric === 'wape')?.role).toBe('dataScientist');
    expect(rows.find((r) => r.metric === 'bias')?.role).toBe('dataScientist');
    expect(rows[0]).toEqual({
      model: 'naive',
      family: 'baseline',
      window: 'fold 1',
      cutoff: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      role: 'dataScientist',
      metric: 'mae',
      label: 'MAE',
      value: metrics.models[0]!.windows[0]!.evaluation.dataScientist.mae,
    });
    const csv = metricsToCsv(rows).trimEnd().split('\n');
    expect(csv[0]).toBe('model,family,window,cutoff,role,metric,label,value');
    expect(csv).toHaveLength(rows.length + 1);
  });

  it('metricsTableRows(metrics) adds the Scope’s custom metrics of each window, as the JSON has them', () => {
    const custom = [{ name: 'units short', value: 12.5, error: null }, { name: 'broken', value: null, error: 'unknown column' }];
    const withCustom = { ...metrics, models: metrics.models.map((m) => ({ ...m, windows: m.windows.map((w) => ({ ...w, custom })) })) };
    const rows = metricsTableRows(withCustom).filter((r) => r.role === 'custom');
    expect(rows).toHaveLength(6 * 3 * 2);
    expect(rows[0]).toMatchObject({ model: 'naive', window: 'fold 1', metric: 'units short', label: 'units short', value: 12.5 });
    expect(rows[1]).toMatchObject({ metric: 'broken', value: null });
  });

  it('metricsTableRows(metrics) calls ridge linear, as the leaderboard does', () => {
    const ridge = { ...metrics, models: metrics.models.map((m) => (m.name === 'mlp' ? { ...m, name: 'ridge' as const } : m)) };
    expect(metricsTableRows(ridge).find((r) => r.model === 'ridge')?.family).toBe('linear');
  });

  it('metricsToJson(metrics) is the RunMetrics, pretty-printed, with the windows’ days as dates', () => {
    const json = metricsToJson(metrics);
    const parsed = JSON.parse(json) as typeof metrics;
    const window = metrics.models[0]!.windows[0]!;
    expect(parsed.models[0]!.windows[0]!.cutoff).toBe(dayToIso(window.cutoff));
    expect(parsed.models[0]!.windows[0]!.cutoff).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const undated = { ...parsed, models: parsed.models.map((m) => ({ ...m, windows: m.windows.map((w, i) => ({ ...w, cutoff: metrics.models[parsed.models.indexOf(m)]!.windows[i]!.cutoff })) })) };
    expect(undated).toEqual(JSON.parse(JSON.stringify(metrics)));
    expect(json).toContain('\n  "backend": "wasm",');
  });

  it('metricsFileName(extension, date) is dated in local time', () => {
    expect(metricsFileName('csv', new Date(2024, 4, 1, 23, 30))).toBe('forecast-lab-metrics-2024-05-01.csv');
    expect(metricsFileName('json', new Date(2025, 11, 31))).toBe('forecast-lab-metrics-2025-12-31.json');
  });
});

describe('metricsToCsv(rows)', () => {
  it('writes one column per key in first-seen order, numbers at full precision, undefined metrics as empty cells', () => {
    const csv = metricsToCsv([
      { key: 1, mae: 0.1 + 0.2, mape: null },
      { key: 2, mae: NaN, label: 'store 1, "north"' },
    ]);
    expect(csv).toBe('key,mae,mape,label\n1,0.30000000000000004,,\n2,,,"store 1, ""north"""\n');
  });

  it('writes just the header line for no rows', () => {
    expect(metricsToCsv([])).toBe('\n');
  });
});
