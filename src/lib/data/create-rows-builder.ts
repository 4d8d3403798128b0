/**
 * Growable columns for building a sales table row by row without an object per row: the caller calls
 * `ensure(k)` before writing k more rows at `length`, and reads the arrays off the builder after each `ensure`
 * (growing replaces them). `finish()` trims to `length`. Shared by ingest and cleaning.
 */
export interface RowsBuilder {
  length: number;
  date: Int32Array;
  series: Int32Array;
  sales: Float64Array;
  covariates: Float64Array[];
  lines: Int32Array;
  flags: Uint8Array;
  ensure(extra: number): void;
  finish(): RowsColumns;
}

export interface RowsColumns {
  date: Int32Array;
  series: Int32Array;
  sales: Float64Array;
  covariates: Float64Array[];
  lines: Int32Array;
  flags: Uint8Array;
}

export function createRowsBuilder(covariateCount: number, capacity = 1024): RowsBuilder {
  const size = Math.max(16, capacity);
  const builder: RowsBuilder = {
    length: 0,
    date: new Int32Array(size),
    series: new Int32Array(size),
    sales: new Float64Array(size),
    covariates: Array.from({ length: covariateCount }, () => new Float64Array(size)),
    lines: new Int32Array(size),
    flags: new Uint8Array(size),
    ensure(extra) {
      const needed = builder.length + extra;
      if (needed <= builder.date.length) return;
      const next = Math.max(needed, builder.date.length * 2);
      builder.date = grow(builder.date, new Int32Array(next));
      builder.series = grow(builder.series, new Int32Array(next));
      builder.sales = grow(builder.sales, new Float64Array(next));
      builder.covariates = builder.covariates.map((column) => grow(column, new Float64Array(next)));
      builder.lines = grow(builder.lines, new Int32Array(next));
      builder.flags = grow(builder.flags, new Uint8Array(next));
    },
    finish() {
      const n = builder.length;
      return {
        date: builder.date.slice(0, n),
        series: builder.series.slice(0, n),
        sales: builder.sales.slice(0, n),
        covariates: builder.covariates.map((column) => column.slice(0, n)),
        lines: builder.lines.slice(0, n),
        flags: builder.flags.slice(0, n),
      };
    },
  };
  return builder;
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
