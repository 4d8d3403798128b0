/**
 * Typed-array memory reused across many small computations: views of one buffer per type, handed out in turn and all
 * taken back at once. Allocating a typed array of a thousand values costs ~15–30 µs in Chromium (~1.5 µs in Node);
 * outlier screening lays out and fits every series of a table, with a dozen temporaries each, which a fresh array
 * apiece made most of Explore's time in the browser. A view costs next to nothing.
 *
 * What a view held before `reset` is overwritten after it: nothing taken from here may outlive the computation that
 * took it, and a view starts with whatever its last user left (fill it before reading).
 */
export class Scratch {
  #floats: Float64Array;
  #floatsUsed = 0;
  #ints = new Int32Array(0);
  #intsUsed = 0;

  /** `capacity`: the floats the first buffer holds; buffers grow (doubling) when more is taken before a reset. */
  constructor(capacity = 0) {
    this.#floats = new Float64Array(capacity);
  }

  take(length: number): Float64Array {
    if (this.#floatsUsed + length > this.#floats.length) {
      // Views already handed out keep the old buffer; the next ones come from the new one.
      this.#floats = new Float64Array(Math.max(2 * this.#floats.length, length));
      this.#floatsUsed = 0;
    }
    this.#floatsUsed += length;
    return this.#floats.subarray(this.#floatsUsed - length, this.#floatsUsed);
  }

  takeInt32(length: number): Int32Array {
    if (this.#intsUsed + length > this.#ints.length) {
      this.#ints = new Int32Array(Math.max(2 * this.#ints.length, length));
      this.#intsUsed = 0;
    }
    this.#intsUsed += length;
    return this.#ints.subarray(this.#intsUsed - length, this.#intsUsed);
  }

  /** Every view taken so far may be handed out again. */
  reset(): void {
    this.#floatsUsed = 0;
    this.#intsUsed = 0;
  }
}
