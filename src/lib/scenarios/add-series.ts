import type { SalesData } from '../data/types';
import { seriesLabel } from '../messages/data';

export interface AddSeriesOptions {
  /** Rows to leave out (e.g. a renamed series' rows from the onset on); the series keep their numbers. */
  drop?: (row: number) => boolean;
  /** New series, numbered after the existing ones, each a copy of the given rows (in date order); one with no rows is left out. */
  added: { keyValues: string[]; rows: number[] }[];
}

export interface AddedSeries {
  data: SalesData;
  /** Each row's simulated period, carried along with the rows. */
  step: Int32Array;
  /** The row where the first added series starts (rows from here on are the copies). */
  firstAdded: number;
}

/**
 * New series in a SalesData, invariants kept: rows stay sorted by (series, date) because the new series come last,
 * key values and labels (made as ingest makes them, "store S1 · product new-1") grow with them, and every column,
 * covariates and the optional rowLines/rowFlags included, gets the copied rows.
 */
export function addSeries(data: SalesData, step: Int32Array, { drop, added }: AddSeriesOptions): AddedSeries {
  const kept: number[] = [];
  for (let r = 0; r < data.date.length; r++) if (!drop?.(r)) kept.push(r);
  const fresh = added.filter((series) => series.rows.length > 0);
  const source = Int32Array.from([...kept, ...fresh.flatMap((series) => series.rows)]);
  const series = gather(data.series, source);
  let row = kept.length;
  fresh.forEach((added, i) => {
    series.fill(data.seriesLabels.length + i, row, row + added.rows.length);
    row += added.rows.length;
  });
  const out: SalesData = {
    ...data,
    date: gather(data.date, source),
    series,
    sales: gather(data.sales, source),
    covariates: Object.fromEntries(Object.entries(data.covariates).map(([name, column]) => [name, gather(column, source)])),
    seriesKeyValues: [...data.seriesKeyValues, ...fresh.map((added) => added.keyValues)],
    seriesLabels: [...data.seriesLabels, ...fresh.map((added) => seriesLabel(data.seriesKeys, added.keyValues))],
  };
  if (data.rowLines) out.rowLines = gather(data.rowLines, source);
  if (data.rowFlags) out.rowFlags = gather(data.rowFlags, source);
  return { data: out, step: gather(step, source), firstAdded: kept.length };
}

function gather<T extends Int32Array | Float64Array | Uint8Array>(column: T, source: Int32Array): T {
  const out = new (column.constructor as new (length: number) => T)(source.length);
  for (let i = 0; i < source.length; i++) out[i] = column[source[i] as number] as number;
  return out;
}
