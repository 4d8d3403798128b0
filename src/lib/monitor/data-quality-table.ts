import type { SalesData } from '../data/types';
import type { QualityTable } from './data-quality';

export interface DataQualityTableOptions {
  /** Rows dated from `start` through `end` (days since 1970-01-01, inclusive); all rows by default. */
  start?: number;
  end?: number;
}

/**
 * The columns of a sales table that quality checks look at: sales and every covariate (numeric, under their mapped
 * names) and each series key column (categorical), for the rows in a date range.
 */
export function dataQualityTable(data: SalesData, { start = -Infinity, end = Infinity }: DataQualityTableOptions = {}): QualityTable {
  const rows: number[] = [];
  for (let i = 0; i < data.date.length; i++) {
    const d = data.date[i] as number;
    if (d >= start && d <= end) rows.push(i);
  }
  const pick = (column: Float64Array) => Float64Array.from(rows, (i) => column[i] as number);
  const numeric: Record<string, Float64Array> = { [data.mapping.sales]: pick(data.sales) };
  for (const [name, column] of Object.entries(data.covariates)) numeric[name] = pick(column);
  const categorical: Record<string, string[]> = {};
  data.seriesKeys.forEach((key, k) => {
    categorical[key] = rows.map((i) => data.seriesKeyValues[data.series[i] as number]?.[k] ?? '');
  });
  return { numeric, categorical };
}
