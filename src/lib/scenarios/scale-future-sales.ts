import { stochasticRound } from './stochastic-round';
import type { ScenarioInput } from './types';

/**
 * Multiplies the sales of the hit series by `factor(step)` from the onset on, in place, keeping the history's grain
 * with mean-preserving rounding; missing sales stay missing, and nothing goes below 0.
 */
export function scaleFutureSales(input: ScenarioInput, hit: Uint8Array, factor: (step: number) => number): void {
  const { data, step, spec, rng, salesDecimals } = input;
  for (let r = 0; r < step.length; r++) {
    const t = step[r] as number;
    if (t < spec.onset || hit[data.series[r] as number] !== 1) continue;
    data.sales[r] = Math.max(0, stochasticRound((data.sales[r] as number) * factor(t), salesDecimals, rng));
  }
}
