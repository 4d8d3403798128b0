import type { SequenceColumns } from '../models/train-types';

/**
 * The lag columns a convolution can slide over: the longest run `lag_1, lag_2, …, lag_n` of consecutive,
 * equally spaced lags in the feature names (the feature writer puts lags first, ascending). Null when there is
 * no run of at least two, in which case the CNN has nothing to convolve.
 */
export function sequenceColumns(names: readonly string[]): SequenceColumns | null {
  let best: SequenceColumns | null = null;
  let start = -1;
  for (let i = 0; i <= names.length; i++) {
    const lag = i < names.length ? lagOf(names[i] as string) : null;
    const continues = lag !== null && start >= 0 && lag === (lagOf(names[i - 1] as string) ?? NaN) + 1;
    if (continues) continue;
    if (start >= 0 && i - start >= 2 && (best === null || i - start > best.length)) best = { start, length: i - start };
    start = lag !== null ? i : -1;
  }
  return best;
}

function lagOf(name: string): number | null {
  const match = /^lag_(\d+)$/.exec(name);
  return match ? Number(match[1]) : null;
}
