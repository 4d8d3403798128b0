import { median } from '../core/statistics';

/** Paired observations, each in a group (a series, or a series × weekday) whose own averages are removed. */
export interface WithinSlopeInput {
  x: Float64Array;
  y: Float64Array;
  group: Int32Array;
  groupCount: number;
}

export interface WithinSlopeOptions {
  /** Rows whose first-fit residual is beyond this robust z are dropped before the final fit. Default 3.5. */
  trimZ?: number;
}

export interface WithinSlopeFit {
  /** null when x does not vary within any group. */
  slope: number | null;
  /** Share of the within-group variation in y that x explains. */
  r2: number | null;
  /** Rows in the final fit (in groups with at least two rows, not trimmed). */
  rows: number;
  /** Rows dropped as outliers. */
  trimmed: number;
  /** Groups that contributed. */
  groups: number[];
}

const DEFAULT_TRIM_Z = 3.5;
/** The residual scale is estimated on at most this many rows: a median over a million values is not needed for it. */
const SCALE_SAMPLE = 50_000;
const MAD_TO_SIGMA = 0.6745;

/**
 * Least-squares slope of y on x with a separate intercept per group (the "within" or fixed-effects estimator), made
 * resistant to a few wild rows: one typo of 5,000 instead of 50 shifts a plain fit by more than its standard error,
 * so rows with a first-fit residual beyond `trimZ` robust standard deviations are dropped and the slope refitted.
 */
export function fitWithinSlope(input: WithinSlopeInput, { trimZ = DEFAULT_TRIM_Z }: WithinSlopeOptions = {}): WithinSlopeFit {
  const first = fitOnce(input, null);
  if (first.slope === null) return { ...first, trimmed: 0 };
  const residuals = residualsOf(input, first);
  const scale = residualScale(residuals);
  if (!(scale.sigma > 0)) return { ...first, trimmed: 0 };
  const keep = new Uint8Array(input.x.length);
  let trimmed = 0;
  for (let i = 0; i < keep.length; i++) {
    const e = residuals[i] as number;
    if (e !== e) continue;
    if (Math.abs(e - scale.center) <= trimZ * scale.sigma) keep[i] = 1;
    else trimmed++;
  }
  const second = fitOnce(input, keep);
  return second.slope === null ? { ...first, trimmed: 0 } : { ...second, trimmed };
}

interface OnceFit {
  slope: number | null;
  r2: number | null;
  rows: number;
  groups: number[];
  meanX: Float64Array;
  meanY: Float64Array;
}

function fitOnce({ x, y, group, groupCount }: WithinSlopeInput, keep: Uint8Array | null): OnceFit {
  const n = new Float64Array(groupCount);
  const sx = new Float64Array(groupCount);
  const sy = new Float64Array(groupCount);
  for (let i = 0; i < x.length; i++) {
    if (keep !== null && keep[i] === 0) continue;
    const g = group[i] as number;
    n[g]!++;
    sx[g]! += x[i] as number;
    sy[g]! += y[i] as number;
  }
  const meanX = new Float64Array(groupCount);
  const meanY = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    meanX[g] = (sx[g] as number) / (n[g] as number);
    meanY[g] = (sy[g] as number) / (n[g] as number);
  }
  // Second pass on deviations from the group means: no cancellation between large sums.
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  let rows = 0;
  for (let i = 0; i < x.length; i++) {
    if (keep !== null && keep[i] === 0) continue;
    const g = group[i] as number;
    if ((n[g] as number) < 2) continue;
    const dx = (x[i] as number) - (meanX[g] as number);
    const dy = (y[i] as number) - (meanY[g] as number);
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
    rows++;
  }
  const groups: number[] = [];
  for (let g = 0; g < groupCount; g++) if ((n[g] as number) >= 2) groups.push(g);
  // Below this, x is constant within every group up to rounding: there is nothing to regress on.
  if (!(sxx > 1e-12 * Math.max(1, rows))) return { slope: null, r2: null, rows, groups, meanX, meanY };
  const r2 = syy > 0 ? (sxy * sxy) / (sxx * syy) : null;
  return { slope: sxy / sxx, r2, rows, groups, meanX, meanY };
}

function residualsOf({ x, y, group }: WithinSlopeInput, fit: OnceFit): Float64Array {
  const slope = fit.slope ?? 0;
  const residuals = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const g = group[i] as number;
    residuals[i] = (y[i] as number) - (fit.meanY[g] as number) - slope * ((x[i] as number) - (fit.meanX[g] as number));
  }
  return residuals;
}

function residualScale(residuals: Float64Array): { center: number; sigma: number } {
  const stride = Math.max(1, Math.floor(residuals.length / SCALE_SAMPLE));
  const sample: number[] = [];
  for (let i = 0; i < residuals.length; i += stride) {
    const e = residuals[i] as number;
    if (e === e) sample.push(e);
  }
  const center = median(sample);
  const mad = median(sample.map((e) => Math.abs(e - center)));
  return { center, sigma: mad / MAD_TO_SIGMA };
}
