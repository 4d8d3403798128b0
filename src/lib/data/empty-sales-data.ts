import type { ColumnMapping, SalesData } from './types';

/**
 * A table with no rows, returned alongside an error report (empty file, wrong delimiter, missing column…) so
 * callers always get the same shape. Its frequency is a placeholder: the report's `frequency` is null.
 */
export function emptySalesData(mapping: ColumnMapping): SalesData {
  return {
    date: new Int32Array(0),
    series: new Int32Array(0),
    sales: new Float64Array(0),
    covariates: Object.fromEntries(mapping.covariates.map((name) => [name, new Float64Array(0)])),
    seriesKeys: [...mapping.keys],
    seriesKeyValues: [],
    seriesLabels: [],
    frequency: 'daily',
    mapping,
    rowLines: new Int32Array(0),
    rowFlags: new Uint8Array(0),
  };
}
