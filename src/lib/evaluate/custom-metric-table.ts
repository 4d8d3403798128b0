import type { RunMetrics } from '../runs/types';

/** The user-defined metrics of every model on the test window, as rows for a table (empty when none are defined). */
export function customMetricTable(metrics: RunMetrics): { names: string[]; rows: { model: string; values: (number | null)[]; errors: (string | null)[] }[] } {
  const names = [...new Set(metrics.models.flatMap((m) => (m.windows.at(-1)?.custom ?? []).map((c) => c.name)))];
  const rows = metrics.models.map((m) => {
    const custom = m.windows.at(-1)?.custom ?? [];
    const byName = new Map(custom.map((c) => [c.name, c]));
    return { model: m.name, values: names.map((n) => byName.get(n)?.value ?? null), errors: names.map((n) => byName.get(n)?.error ?? null) };
  });
  return { names, rows };
}
