import type { SalesData } from '../data/types';
import { exploreMessages } from '../messages/explore';
import { createRng } from '../random/rng';
import { dayOfWeek } from '../core/days';
import { findCovariate, PROMO_PATTERN, STOCKOUT_PATTERN } from '../data/find-covariate';
import { fitWithinSlope } from './fit-within-slope';
import { sampleIndices } from './sample-indices';

export interface PriceVsSalesOptions {
  /** The price covariate (found case-insensitively). Default 'price'. */
  price?: string;
  /**
   * Flag covariates whose flagged rows are left out of the elasticity. Default: any 0/1 covariate named like a
   * promotion or a stock-out, since a promotion moves sales beyond its price cut and a stock-out caps them.
   */
  exclude?: string[];
  /** Points kept for the scatter. Default 2,000. */
  maxPoints?: number;
  /** Seed for choosing the scatter points, so the same data draws the same picture. Default 1. */
  seed?: number;
}

export interface PricePoint {
  price: number;
  sales: number;
  series: number;
  /** The exclusion flag set on this row, if any: such rows are drawn but not used for the elasticity. */
  excludedBy: string | null;
  /**
   * Price and sales relative to their own series' typical level (geometric mean over the rows used for the fit):
   * plotted on log scales these show the within-series relation the elasticity measures, which the raw scatter hides
   * when dear products also sell more. null for a series with no usable rows, or for zero sales.
   */
  priceIndex: number | null;
  salesIndex: number | null;
}

export interface PriceVsSales {
  price: string;
  /** A uniform sample of rows with both a price and sales, at most `maxPoints`. */
  points: PricePoint[];
  /**
   * Slope of log(sales) on log(price) within series (each series' own averages removed first, so that dear products
   * selling less than cheap ones is not read as a price effect; for daily data, within series and weekday):
   * -1.5 means 1% dearer sells about 1.5% less.
   */
  elasticity: number | null;
  /** Share of the within-series variation in log sales that log price explains. */
  r2: number | null;
  rowsUsed: number;
  /** Rows left out of the final fit because their first-fit residual was wild (typos, one-off events). */
  outliersIgnored: number;
  seriesUsed: number;
  /** The exclusion flags applied. */
  excluded: string[];
  reason: string | null;
}

const DEFAULT_MAX_POINTS = 2000;

export function priceVsSales(data: SalesData, options: PriceVsSalesOptions = {}): PriceVsSales | null {
  const { maxPoints = DEFAULT_MAX_POINTS, seed = 1 } = options;
  const column = findCovariate(data, { name: options.price ?? 'price' });
  if (column === null) return null;
  const prices = data.covariates[column] as Float64Array;
  const excluded = resolveExclusions(data, options.exclude, column);
  const exclusion = exclusionOfRows(data, excluded);

  // x = log price, y = log sales, compared within cells of one series (and one weekday for daily data, so the
  // weekly swing is not left in as noise). One pass: every drawable row (both numbers finite) is noted for the
  // scatter; the usable ones (both positive, no exclusion flag) go to the fit.
  const cellsPerSeries = data.frequency === 'daily' ? 7 : 1;
  const n = data.sales.length;
  const drawableRows = new Int32Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const group = new Int32Array(n);
  let drawable = 0;
  let used = 0;
  for (let i = 0; i < n; i++) {
    const p = prices[i] as number;
    const v = data.sales[i] as number;
    if (p - p !== 0 || v - v !== 0) continue;
    drawableRows[drawable++] = i;
    // Zero sales have no logarithm; they are left to the zero-run and distribution views.
    if (!(p > 0 && v > 0) || (exclusion[i] as number) >= 0) continue;
    x[used] = Math.log(p);
    y[used] = Math.log(v);
    group[used++] = (data.series[i] as number) * cellsPerSeries + (cellsPerSeries === 7 ? dayOfWeek(data.date[i] as number) : 0);
  }
  const usedX = x.subarray(0, used);
  const usedY = y.subarray(0, used);
  const usedGroup = group.subarray(0, used);
  const fit = fitWithinSlope({ x: usedX, y: usedY, group: usedGroup, groupCount: data.seriesLabels.length * cellsPerSeries });
  const typical = typicalLevels(usedX, usedY, { group: usedGroup, cellsPerSeries, seriesCount: data.seriesLabels.length });
  const reason =
    fit.rows < 3 ? exploreMessages.priceTooFewRows(column) : fit.slope === null ? exploreMessages.priceNoVariation(column) : null;
  return {
    price: column,
    points: samplePoints(data, { prices, rows: drawableRows.subarray(0, drawable), maxPoints, seed, exclusion, excluded, typical }),
    elasticity: reason === null ? fit.slope : null,
    r2: reason === null ? fit.r2 : null,
    rowsUsed: fit.rows,
    outliersIgnored: fit.trimmed,
    seriesUsed: new Set(fit.groups.map((g) => Math.floor(g / cellsPerSeries))).size,
    excluded,
    reason,
  };
}

function resolveExclusions(data: SalesData, exclude: string[] | undefined, price: string): string[] {
  const names =
    exclude?.map((name) => findCovariate(data, { name })) ??
    [PROMO_PATTERN, STOCKOUT_PATTERN].map((pattern) => findCovariate(data, { pattern, flagOnly: true }));
  return [...new Set(names.filter((name): name is string => name !== null && name !== price))];
}

/** Per row, the index in `excluded` of the first exclusion flag set on it, or -1: looked up once, read twice. */
function exclusionOfRows(data: SalesData, excluded: string[]): Int8Array {
  const exclusion = new Int8Array(data.sales.length).fill(-1);
  excluded.forEach((name, f) => {
    const flags = data.covariates[name] as Float64Array;
    for (let i = 0; i < flags.length; i++) if ((flags[i] as number) > 0 && (exclusion[i] as number) < 0) exclusion[i] = f;
  });
  return exclusion;
}

interface TypicalLevels {
  /** Per series, the mean of log price and of log sales over the rows used for the fit (NaN if none). */
  logPrice: Float64Array;
  logSales: Float64Array;
}

function typicalLevels(
  x: Float64Array,
  y: Float64Array,
  { group, cellsPerSeries, seriesCount }: { group: Int32Array; cellsPerSeries: number; seriesCount: number },
): TypicalLevels {
  const n = new Float64Array(seriesCount);
  const logPrice = new Float64Array(seriesCount);
  const logSales = new Float64Array(seriesCount);
  for (let k = 0; k < x.length; k++) {
    const s = Math.floor((group[k] as number) / cellsPerSeries);
    n[s]!++;
    logPrice[s]! += x[k] as number;
    logSales[s]! += y[k] as number;
  }
  for (let s = 0; s < seriesCount; s++) {
    logPrice[s] = (logPrice[s] as number) / (n[s] as number);
    logSales[s] = (logSales[s] as number) / (n[s] as number);
  }
  return { logPrice, logSales };
}

interface SampleSpec {
  typical: TypicalLevels;
  prices: Float64Array;
  /** The drawable rows (price and sales both finite), in row order. */
  rows: Int32Array;
  maxPoints: number;
  seed: number;
  exclusion: Int8Array;
  excluded: string[];
}

function samplePoints(data: SalesData, { prices, rows, maxPoints, seed, exclusion, excluded, typical }: SampleSpec): PricePoint[] {
  return Array.from(sampleIndices(rows.length, maxPoints, createRng(seed)), (pick) => {
    const i = rows[pick] as number;
    const p = prices[i] as number;
    const v = data.sales[i] as number;
    const series = data.series[i] as number;
    const priceIndex = p / Math.exp(typical.logPrice[series] as number);
    const salesIndex = v / Math.exp(typical.logSales[series] as number);
    return {
      price: p,
      sales: v,
      series,
      excludedBy: excluded[exclusion[i] as number] ?? null,
      priceIndex: Number.isFinite(priceIndex) && priceIndex > 0 ? priceIndex : null,
      salesIndex: Number.isFinite(salesIndex) && salesIndex > 0 ? salesIndex : null,
    };
  });
}
