/**
 * A running sum with Neumaier's compensation: the rounding lost at each addition is kept apart and added back at the
 * end. Summing 10⁵ small terms into a large total (areas between CDFs, logs of binomial ratios) otherwise loses up to
 * ~1e-9 of relative accuracy; with it the error stays at a few ulps whatever the count.
 */
export class CompensatedSum {
  #sum = 0;
  #compensation = 0;

  add(term: number): void {
    const total = this.#sum + term;
    this.#compensation +=
      Math.abs(this.#sum) >= Math.abs(term) ? this.#sum - total + term : term - total + this.#sum;
    this.#sum = total;
  }

  get value(): number {
    return this.#sum + this.#compensation;
  }
}
