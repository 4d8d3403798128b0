/**
 * The Explore stage in one call: everything the page shows about a sales table, computed in the data worker and
 * sent back as one small plain object (aggregates only: a million rows come back as a few thousand numbers).
 *
 *   SalesData ──► 1. column summaries
 *             ──► 2. sales over time: the total, and by a key column (top groups + "other")
 *             ──► 3. seasonal profiles for the calendar cycles that fit the frequency
 *             ──► 4. distribution of sales (histogram, share of zeros)
 *             ──► 5. promotion uplift and price vs sales, when such covariates exist
 *             ──► 6. decomposition of total sales into trend, seasonal, residual
 *             ──► 7. outliers per series, and runs of zero sales
 *             ══► ExploreResult
 */
import type { Frequency, SalesData } from '../data/types';
import { aggregateSalesOverTime, type SalesOverTime } from './aggregate-sales-over-time';
import { dayToIso } from '../core/days';
import { finiteOrNull } from '../core/finite';
import { decomposeSeries, seasonalPeriod } from './decompose-series';
import { findCovariate, PROMO_PATTERN, STOCKOUT_PATTERN } from '../data/find-covariate';
import { findZeroRuns, type ZeroRunReport } from './find-zero-runs';
import { flagOutliers, type OutlierReport } from './flag-outliers';
import { priceVsSales, type PriceVsSales } from './price-vs-sales';
import { promoUplift, type PromoUplift } from './promo-uplift';
import { salesOnGrid } from '../data/sales-on-grid';
import { salesDistribution, type SalesDistribution } from './sales-distribution';
import { seasonalProfile, type SeasonalPeriod, type SeasonalProfile } from './seasonal-profile';
import { seriesRanges } from '../data/series-ranges';
import { summarizeColumns, type ColumnSummary } from './summarize-columns';

export interface ExploreOptions {
  /** Key column for the grouped line chart, by name or position. Default: the first key. */
  groupKey?: string | number;
  /** Lines in the grouped chart before the rest become "other". Default 12. */
  maxGroups?: number;
  /** Histogram bins. Default 30. */
  bins?: number;
  /** Promotion flag covariate. Default: a 0/1 covariate whose name contains "promo". null: skip. */
  promo?: string | null;
  /** Price covariate. Default: "price", or a non-flag covariate whose name contains it. null: skip. */
  price?: string | null;
  /** Stock-out flag covariate, whose rows the promotion and price estimates leave out. Default: found by name. */
  stockout?: string | null;
  /** Robust z beyond which a row is an outlier. Default 3.5. */
  outlierThreshold?: number;
  /** Shortest run of zero sales reported, in periods. Default: 7 days, 4 weeks or 3 months. */
  zeroRunMinLength?: number;
  /** Points in the price scatter. Default 2,000. */
  maxScatterPoints?: number;
  /** Seed for the scatter sample. Default 1. */
  seed?: number;
}

export interface DecompositionRow {
  date: string;
  observed: number | null;
  trend: number | null;
  seasonal: number | null;
  residual: number | null;
}

export type TotalDecomposition =
  | {
      ok: true;
      period: number;
      /** One row per period of the regular grid from the first date to the last. */
      rows: DecompositionRow[];
      pattern: number[];
      seasonalAmplitude: number;
      seasonalStrength: number | null;
      trendStrength: number | null;
    }
  | { ok: false; period: number; reason: string };

export interface OutlierFocus {
  series: number;
  label: string;
  /** The whole series, for drawing the flagged points on their line. */
  rows: { date: string; sales: number }[];
}

export interface ExploreResult {
  rowCount: number;
  seriesCount: number;
  frequency: Frequency;
  /** First and last date, 'YYYY-MM-DD'; null for an empty table. */
  start: string | null;
  end: string | null;
  columns: ColumnSummary[];
  /** Total sales per date. */
  salesOverTime: SalesOverTime;
  /** Sales per date by the chosen key column; null when the data is a single series. */
  salesByGroup: SalesOverTime | null;
  /** Day-of-week and month for daily data; week-of-year and month for weekly; month for monthly. */
  seasonality: SeasonalProfile[];
  distribution: SalesDistribution;
  promo: PromoUplift | null;
  price: PriceVsSales | null;
  decomposition: TotalDecomposition;
  outliers: OutlierReport & { focus: OutlierFocus | null };
  zeroRuns: ZeroRunReport;
}

const SEASONAL_PERIODS: Record<Frequency, SeasonalPeriod[]> = {
  daily: ['day-of-week', 'month'],
  weekly: ['week-of-year', 'month'],
  monthly: ['month'],
};
const ZERO_RUN_MIN_LENGTH: Record<Frequency, number> = { daily: 7, weekly: 4, monthly: 3 };
const PRICE_PATTERN = /price/i;

export function exploreSales(data: SalesData, options: ExploreOptions = {}): ExploreResult {
  const { maxGroups, bins, outlierThreshold, maxScatterPoints, seed } = options;

  // 1.
  const columns = summarizeColumns(data);
  const dates = columns[0];

  // 2.
  const salesOverTime = aggregateSalesOverTime(data, { by: 'total' });
  const grouped = data.seriesKeys.length > 0 && data.seriesLabels.length > 1;
  const salesByGroup = grouped ? aggregateSalesOverTime(data, { by: 'key', key: options.groupKey, maxGroups }) : null;

  // 3. and 4.
  const seasonality = SEASONAL_PERIODS[data.frequency].map((period) => seasonalProfile(data, { period }));
  const distribution = salesDistribution(data, { bins });

  // 5.
  const flags = resolveFlags(data, options);
  const stockouts = flags.stockout === null ? [] : [flags.stockout];
  const promo = flags.promo === null ? null : promoUplift(data, { flag: flags.promo, exclude: stockouts });
  const exclude = [flags.promo, flags.stockout].filter((name): name is string => name !== null);
  const price =
    flags.price === null ? null : priceVsSales(data, { price: flags.price, exclude, maxPoints: maxScatterPoints, seed });

  // 6.
  const decomposition = decomposeTotal(data);

  // 7.
  const outliers = flagOutliers(data, { threshold: outlierThreshold });
  const top = outliers.rows[0];
  const focus = top === undefined ? null : outlierFocus(data, top.series);
  const zeroRuns = findZeroRuns(data, { minLength: options.zeroRunMinLength ?? ZERO_RUN_MIN_LENGTH[data.frequency] });

  return {
    rowCount: data.sales.length,
    seriesCount: data.seriesLabels.length,
    frequency: data.frequency,
    start: dates?.minLabel ?? null,
    end: dates?.maxLabel ?? null,
    columns,
    salesOverTime,
    salesByGroup,
    seasonality,
    distribution,
    promo,
    price,
    decomposition,
    outliers: { ...outliers, focus },
    zeroRuns,
  };
}

interface Flags {
  promo: string | null;
  price: string | null;
  stockout: string | null;
}

/** undefined means "find it by name"; null means "the user said there is none". */
function resolveFlags(data: SalesData, { promo, price, stockout }: ExploreOptions): Flags {
  return {
    promo: promo === undefined ? findCovariate(data, { pattern: PROMO_PATTERN, flagOnly: true }) : promo,
    stockout: stockout === undefined ? findCovariate(data, { pattern: STOCKOUT_PATTERN, flagOnly: true }) : stockout,
    price: price === undefined ? (findCovariate(data, { name: 'price' }) ?? findPriceLike(data)) : price,
  };
}

function findPriceLike(data: SalesData): string | null {
  const flags = new Set([PROMO_PATTERN, STOCKOUT_PATTERN].map((pattern) => findCovariate(data, { pattern, flagOnly: true })));
  return Object.keys(data.covariates).find((name) => PRICE_PATTERN.test(name) && !flags.has(name)) ?? null;
}

/** Decompose total sales, laid on the frequency's regular grid (NaN for a period with no rows). */
function decomposeTotal(data: SalesData): TotalDecomposition {
  const grid = salesOnGrid(data);
  const parts = decomposeSeries(grid.values, { period: seasonalPeriod(data.frequency) });
  if (!parts.ok) return parts;
  const rows = Array.from(grid.values, (observed, t) => ({
    date: dayToIso(grid.days[t] as number),
    observed: finiteOrNull(observed),
    trend: finiteOrNull(parts.trend[t] as number),
    seasonal: finiteOrNull(parts.seasonal[t] as number),
    residual: finiteOrNull(parts.residual[t] as number),
  }));
  const { period, pattern, seasonalAmplitude, seasonalStrength, trendStrength } = parts;
  return { ok: true, period, rows, pattern, seasonalAmplitude, seasonalStrength, trendStrength };
}

function outlierFocus(data: SalesData, series: number): OutlierFocus {
  // Rows are sorted by (series, date), so the series is one contiguous, dated run.
  const { start, end } = seriesRanges(data);
  const rows: { date: string; sales: number }[] = [];
  for (let i = start[series] as number; i < (end[series] as number); i++) {
    const sales = data.sales[i] as number;
    if (sales === sales) rows.push({ date: dayToIso(data.date[i] as number), sales });
  }
  return { series, label: data.seriesLabels[series] ?? String(series), rows };
}
