import type { SalesData } from '../data/types';
import { dayToIso } from '../core/days';

/**
 * How to group sales over time:
 *  - 'total': one line, the sum over all series;
 *  - 'key':   one line per value of a key column ("by store" is `{ by: 'key', key: 'store' }`), by name or position,
 *             defaulting to the first key. Data with no key columns is one series, so 'key' gives the total;
 *  - 'series': one line per series.
 * The key names come from the user's mapping, so the API never assumes "store" or "product" exist.
 */
export type SalesOverTimeBy = 'total' | 'key' | 'series';

export interface AggregateSalesOverTimeOptions {
  by: SalesOverTimeBy;
  /** For `by: 'key'`: the key column's name or its index in `seriesKeys`. Default: the first key. */
  key?: string | number;
  /** Only this series (index into seriesLabels). */
  series?: number;
  /** At most this many groups, largest total sales first; the rest are summed into one "other" group. Default 12. */
  maxGroups?: number;
}

export interface SalesOverTimeRow {
  /** 'YYYY-MM-DD' */
  date: string;
  group: string;
  /** Sum of non-missing sales of the group on that date. */
  sales: number;
}

export interface SalesOverTime {
  /** As applied: `by: 'key'` on data without keys reports 'total'. */
  by: SalesOverTimeBy;
  /** The key column used, for `by: 'key'`. */
  key: string | null;
  /** Group labels, largest total first; the "other" group, if any, last. */
  groups: string[];
  /** How many groups were folded into "other" (0 when none). */
  otherCount: number;
  /** Ordered by date, then by `groups` order. A group with no sales recorded on a date has no row there. */
  rows: SalesOverTimeRow[];
}

const DEFAULT_MAX_GROUPS = 12;

export function aggregateSalesOverTime(data: SalesData, options: AggregateSalesOverTimeOptions): SalesOverTime {
  const { maxGroups = DEFAULT_MAX_GROUPS } = options;
  const grouping = groupSeries(data, options);
  const seriesTotals = sumPerSeries(data, options.series);
  const ranked = rankGroups(grouping.groupOfSeries, grouping.labels, seriesTotals);
  const kept = ranked.slice(0, maxGroups);
  const otherCount = ranked.length - kept.length;
  const groups = kept.map((g) => grouping.labels[g] as string);
  // One id per drawn line: kept groups in rank order, then "other".
  const lineOfGroup = new Int32Array(grouping.labels.length).fill(kept.length);
  kept.forEach((g, line) => (lineOfGroup[g] = line));
  if (otherCount > 0) groups.push(`other (${otherCount} more)`);
  const rows = sumByDateAndLine(data, {
    lineOfSeries: grouping.groupOfSeries.map((g) => lineOfGroup[g] as number),
    groups,
    onlySeries: options.series,
  });
  return { by: grouping.by, key: grouping.key, groups, otherCount, rows };
}

interface Grouping {
  by: SalesOverTimeBy;
  key: string | null;
  groupOfSeries: Int32Array;
  labels: string[];
}

function groupSeries(data: SalesData, { by, key }: AggregateSalesOverTimeOptions): Grouping {
  const seriesCount = data.seriesLabels.length;
  if (by === 'series') {
    return { by, key: null, groupOfSeries: Int32Array.from({ length: seriesCount }, (_, s) => s), labels: data.seriesLabels };
  }
  if (by === 'total' || data.seriesKeys.length === 0) {
    return { by: 'total', key: null, groupOfSeries: new Int32Array(seriesCount), labels: ['total'] };
  }
  const k = typeof key === 'number' ? key : key === undefined ? 0 : data.seriesKeys.indexOf(key);
  const keyName = data.seriesKeys[k];
  if (keyName === undefined) throw new RangeError(`No key column ${JSON.stringify(key)} in [${data.seriesKeys.join(', ')}]`);
  const ids = new Map<string, number>();
  const groupOfSeries = new Int32Array(seriesCount);
  data.seriesKeyValues.forEach((values, s) => {
    const value = values[k] ?? '';
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ids.size));
    groupOfSeries[s] = id;
  });
  return { by, key: keyName, groupOfSeries, labels: [...ids.keys()] };
}

interface SeriesTotals {
  sales: Float64Array;
  /** Rows with recorded (non-missing) sales, per series. */
  rows: Float64Array;
}

function sumPerSeries(data: SalesData, onlySeries: number | undefined): SeriesTotals {
  const sales = new Float64Array(data.seriesLabels.length);
  const rows = new Float64Array(data.seriesLabels.length);
  for (let i = 0; i < data.sales.length; i++) {
    const v = data.sales[i] as number;
    const s = data.series[i] as number;
    if (v !== v || (onlySeries !== undefined && s !== onlySeries)) continue;
    sales[s]! += v;
    rows[s]!++;
  }
  return { sales, rows };
}

/** Group ids ordered by total sales, largest first (ties by label), leaving out groups with no recorded sales. */
function rankGroups(groupOfSeries: Int32Array, labels: string[], totals: SeriesTotals): number[] {
  const sales = new Float64Array(labels.length);
  const rows = new Float64Array(labels.length);
  for (let s = 0; s < groupOfSeries.length; s++) {
    const g = groupOfSeries[s] as number;
    sales[g]! += totals.sales[s] as number;
    rows[g]! += totals.rows[s] as number;
  }
  const byLabel = (a: number, b: number) => ((labels[a] as string) < (labels[b] as string) ? -1 : (labels[a] as string) > (labels[b] as string) ? 1 : 0);
  return Array.from(labels.keys())
    .filter((g) => (rows[g] as number) > 0)
    .sort((a, b) => (sales[b] as number) - (sales[a] as number) || byLabel(a, b));
}

interface LineSums {
  lineOfSeries: Int32Array;
  groups: string[];
  onlySeries: number | undefined;
}

function sumByDateAndLine(data: SalesData, { lineOfSeries, groups, onlySeries }: LineSums): SalesOverTimeRow[] {
  const n = data.date.length;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = data.date[i] as number;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  if (n === 0) return [];
  // A dense date × line grid: dates span a few thousand days at most, so this beats hashing a million rows.
  const lines = groups.length;
  const span = last - first + 1;
  const sums = new Float64Array(span * lines);
  const seen = new Uint8Array(span * lines);
  for (let i = 0; i < n; i++) {
    const s = data.series[i] as number;
    const v = data.sales[i] as number;
    if (v !== v || (onlySeries !== undefined && s !== onlySeries)) continue;
    const cell = ((data.date[i] as number) - first) * lines + (lineOfSeries[s] as number);
    sums[cell]! += v;
    seen[cell] = 1;
  }
  const rows: SalesOverTimeRow[] = [];
  for (let t = 0; t < span; t++) {
    let date: string | null = null;
    for (let line = 0; line < lines; line++) {
      const cell = t * lines + line;
      if (seen[cell] === 0) continue;
      date ??= dayToIso(first + t);
      rows.push({ date, group: groups[line] as string, sales: sums[cell] as number });
    }
  }
  return rows;
}
