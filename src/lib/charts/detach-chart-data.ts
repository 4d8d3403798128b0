import type { TopLevelSpec } from 'vega-lite';

/** A chart spec taken apart: its form, with every inline dataset replaced by a name, and those datasets. */
export interface DetachedChart {
  /** The spec with `data: { values }` replaced by `data: { name }`: what vega-lite compiles, the same for new rows. */
  shape: TopLevelSpec;
  /** JSON of `shape`: two specs with the same key differ in their rows alone. */
  key: string;
  /** The rows of each named dataset, by name. */
  datasets: Record<string, readonly unknown[]>;
}

/** Prefix of the names given to inline datasets (vega-lite's own names are `source_0`, `data_0`, …). */
const DATASET_PREFIX = 'fl_rows_';

/**
 * Separates a vega-lite spec's inline rows from the rest, at the top and in every layer and concatenated view:
 * a live chart (loss curves while training, the simulation's charts every tick) keeps its form while its rows grow,
 * so its compiled view is kept and only the rows are handed to it, instead of compiling and building it again.
 * The same array in two places gets one name. Specs are plain JSON; the input is not changed.
 */
export function detachChartData(spec: TopLevelSpec): DetachedChart {
  const datasets: Record<string, readonly unknown[]> = {};
  const names = new Map<readonly unknown[], string>();
  const nameOf = (values: readonly unknown[]) => {
    let name = names.get(values);
    if (name === undefined) {
      name = `${DATASET_PREFIX}${names.size}`;
      names.set(values, name);
      datasets[name] = values;
    }
    return name;
  };
  const visit = (node: unknown, key: string | null): unknown => {
    if (Array.isArray(node)) return node.map((child) => visit(child, null));
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    if (key === 'data' && Array.isArray(record.values)) {
      const { values, ...rest } = record;
      return { ...rest, name: nameOf(values as unknown[]) };
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, visit(v, k)]));
  };
  const shape = visit(spec, null) as TopLevelSpec;
  return { shape, key: JSON.stringify(shape), datasets };
}
