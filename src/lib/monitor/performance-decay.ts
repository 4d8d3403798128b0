/** The figures decay can be judged on: those where lower is better and the size of the window does not matter. */
export type DecayMetric = 'wape' | 'mae' | 'costPerRow';

/** Any record of those figures (PerformanceFigures, or HeadlineMetrics for wape and mae); null: undefined. */
export type DecayFigures = Partial<Record<DecayMetric, number | null>>;

export interface PerformanceDecayOptions {
  /** The current window's figures (what ./monitor-period measured on the served forecasts). */
  current: DecayFigures;
  /** The training-time test figures of the version now serving. */
  reference: DecayFigures;
  /** How much worse is still fine: 0.3 = up to 30 % above the reference. */
  tolerance: number;
  /** 'wape' by default. */
  metric?: DecayMetric;
}

export interface PerformanceDecay {
  metric: DecayMetric;
  current: number | null;
  reference: number | null;
  /** current / reference; null when either is undefined or the reference is 0. */
  ratio: number | null;
  /** The ratio above which performance has decayed: 1 + tolerance. */
  limit: number;
  decayed: boolean;
}

/**
 * Whether served performance has decayed against what the test promised at training time: the ratio of the current
 * figure to the reference, decayed when strictly above 1 + tolerance (exactly at the limit is still within it).
 * Without both figures there is no verdict, and no alarm.
 */
export function performanceDecay({ current, reference, tolerance, metric = 'wape' }: PerformanceDecayOptions): PerformanceDecay {
  const now = usable(current[metric]);
  const then = usable(reference[metric]);
  const ratio = now === null || then === null || then === 0 ? null : now / then;
  const limit = 1 + tolerance;
  return { metric, current: now, reference: then, ratio, limit, decayed: ratio !== null && ratio > limit };
}

function usable(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}
