/**
 * The last simulated period whose actual sales are known at the end of period `period`, when actuals arrive `delay`
 * periods after their period closes: `period − delay`. Periods count from the training cutoff (0 = the first period
 * served), so a negative answer falls in the training history: no served forecast has its actual yet.
 */
export function arrivedThrough(period: number, delay: number): number {
  return period - Math.max(0, delay);
}
