import type { SalesData } from '../data/types';
import { exploreMessages } from '../messages/explore';
import { dayOfWeek } from '../core/days';
import { findCovariate } from '../data/find-covariate';

export interface PromoUpliftOptions {
  /** The flag covariate (found case-insensitively). Default 'promo'. */
  flag?: string;
  /** Other flag covariates whose flagged rows are left out, e.g. stock-outs, where sales are capped by supply. */
  exclude?: string[];
}

export interface PromoUplift {
  /** The column used, as named in the data. */
  flag: string;
  /** Mean sales with the flag over the mean the same rows would have had without it, compared like with like. */
  uplift: number | null;
  /** The plain ratio of means over all rows, biased by which series and days get the flag; shown for contrast. */
  naiveUplift: number | null;
  /** Mean sales of the flagged rows that had a comparison cell. */
  flaggedMean: number | null;
  /** Their expected mean without the flag: the unflagged mean of their own cell, averaged over them. */
  baselineMean: number | null;
  flaggedRows: number;
  unflaggedRows: number;
  /** Flagged rows that could be compared (their cell also has unflagged rows). */
  matchedRows: number;
  /** What a comparison cell is. */
  within: 'series' | 'series × day-of-week';
  /** Why `uplift` is null, in plain words; null when it is not. */
  reason: string | null;
}

/**
 * The sales uplift on flagged (e.g. promotion) days, estimated within cells of one series and, for daily data, one
 * weekday, so that promoting big stores more often, or promoting on Saturdays, is not mistaken for an effect.
 * Like a standardised ratio: uplift = Σ_c sum(flagged sales in c) / Σ_c n_flagged(c) × mean(unflagged sales in c),
 * i.e. observed flagged sales over what the same rows sell on ordinary days. A multiplicative effect is recovered
 * whatever the mix. Returns null when the data has no such covariate.
 */
export function promoUplift(data: SalesData, { flag = 'promo', exclude = [] }: PromoUpliftOptions = {}): PromoUplift | null {
  const column = findCovariate(data, { name: flag });
  if (column === null) return null;
  const flags = data.covariates[column] as Float64Array;
  const excluded = exclude
    .map((name) => findCovariate(data, { name }))
    .filter((name): name is string => name !== null && name !== column)
    .map((name) => data.covariates[name] as Float64Array);

  const byWeekday = data.frequency === 'daily';
  const cellsPerSeries = byWeekday ? 7 : 1;
  const cellCount = data.seriesLabels.length * cellsPerSeries;
  const flaggedSum = new Float64Array(cellCount);
  const flaggedN = new Float64Array(cellCount);
  const plainSum = new Float64Array(cellCount);
  const plainN = new Float64Array(cellCount);

  rows: for (let i = 0; i < data.sales.length; i++) {
    const v = data.sales[i] as number;
    const f = flags[i] as number;
    if (v !== v || f !== f) continue;
    for (const other of excluded) if ((other[i] as number) > 0) continue rows;
    const cell = (data.series[i] as number) * cellsPerSeries + (byWeekday ? dayOfWeek(data.date[i] as number) : 0);
    if (f > 0) {
      flaggedSum[cell]! += v;
      flaggedN[cell]!++;
    } else {
      plainSum[cell]! += v;
      plainN[cell]!++;
    }
  }

  let observed = 0;
  let expected = 0;
  let matched = 0;
  for (let c = 0; c < cellCount; c++) {
    const nf = flaggedN[c] as number;
    const np = plainN[c] as number;
    if (nf === 0 || np === 0) continue;
    observed += flaggedSum[c] as number;
    expected += (nf * (plainSum[c] as number)) / np;
    matched += nf;
  }
  const flaggedRows = sum(flaggedN);
  const unflaggedRows = sum(plainN);
  const naiveFlagged = sum(flaggedSum) / flaggedRows;
  const naivePlain = sum(plainSum) / unflaggedRows;
  const estimable = matched > 0 && expected > 0;
  return {
    flag: column,
    uplift: estimable ? observed / expected : null,
    naiveUplift: flaggedRows > 0 && unflaggedRows > 0 && naivePlain > 0 ? naiveFlagged / naivePlain : null,
    flaggedMean: estimable ? observed / matched : null,
    baselineMean: estimable ? expected / matched : null,
    flaggedRows,
    unflaggedRows,
    matchedRows: matched,
    within: byWeekday ? 'series × day-of-week' : 'series',
    reason: estimable ? null : exploreMessages.promoNoOverlap(column),
  };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}
