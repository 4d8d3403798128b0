export interface GatherRowsOptions {
  /** Row-major source, `width` values per row. */
  source: Float32Array;
  width: number;
  /** Row numbers to copy, in order; `order.subarray(from, to)` is the batch. */
  order: Uint32Array;
  from: number;
  to: number;
}

/** Copies the rows order[from…to) of a row-major matrix into a new, dense batch (one training batch). */
export function gatherRows({ source, width, order, from, to }: GatherRowsOptions): Float32Array {
  const batch = new Float32Array((to - from) * width);
  for (let i = from; i < to; i++) {
    const row = order[i] as number;
    batch.set(source.subarray(row * width, row * width + width), (i - from) * width);
  }
  return batch;
}
