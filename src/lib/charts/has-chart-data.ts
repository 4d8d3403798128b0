import type { TopLevelSpec } from 'vega-lite';

/**
 * Whether a spec has anything to draw: some inline `data.values` that is non-empty, at the top or in any layer or
 * concatenated view. The chart component shows "No data to chart" instead of an empty frame when it has none.
 * Specs that load data by URL or name count as having data (there is no way to know before loading).
 */
export function hasChartData(spec: TopLevelSpec): boolean {
  return visit(spec as unknown as Record<string, unknown>) !== false;
}

/** true: found rows; false: found only empty inline data; null: found no inline data at all. */
function visit(node: Record<string, unknown>): boolean | null {
  let verdict: boolean | null = null;
  const data = node.data as { values?: unknown } | undefined;
  if (data !== undefined && data !== null) {
    if (!('values' in data)) return true;
    verdict = Array.isArray(data.values) ? data.values.length > 0 : data.values !== undefined;
    if (verdict) return true;
  }
  for (const key of ['layer', 'vconcat', 'hconcat', 'concat'] as const) {
    const children = node[key];
    if (!Array.isArray(children)) continue;
    for (const child of children) {
      const inner = visit(child as Record<string, unknown>);
      if (inner === true) return true;
      if (inner === false) verdict = false;
    }
  }
  return verdict;
}
