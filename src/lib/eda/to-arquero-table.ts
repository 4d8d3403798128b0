import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { SalesData } from '../data/types';

/**
 * SalesData as an arquero table: date, series, sales, one string column per key, one column per covariate.
 * The typed arrays are shared, not copied. Key and covariate names that clash with the fixed columns
 * get a `key:` / `covariate:` prefix rather than silently overwriting them.
 *
 * Row-level work over a million rows stays in plain loops (a two-key groupby on 1M rows takes ~0.4 s in arquero,
 * a loop ~10 ms); arquero is for the small per-series and per-group tables, and for ad-hoc views in the notebook.
 */
export function toArqueroTable(data: SalesData): ColumnTable {
  const columns: Record<string, ArrayLike<unknown>> = { date: data.date, series: data.series, sales: data.sales };
  data.seriesKeys.forEach((key, k) => {
    const bySeries = data.seriesKeyValues.map((values) => values[k] ?? '');
    const perRow = new Array<string>(data.series.length);
    for (let i = 0; i < perRow.length; i++) perRow[i] = bySeries[data.series[i] as number] ?? '';
    columns[freeName(columns, key, 'key')] = perRow;
  });
  for (const [name, values] of Object.entries(data.covariates)) columns[freeName(columns, name, 'covariate')] = values;
  return aq.table(columns);
}

function freeName(columns: Record<string, unknown>, name: string, prefix: string): string {
  return name in columns ? `${prefix}:${name}` : name;
}
