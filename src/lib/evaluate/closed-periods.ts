import type { SalesData } from '../data/types';
import type { Forecast } from '../models/types';
import { alignForecast } from './align-forecast';

/**
 * Closed periods: days (weeks, months) a store does not trade, told by a 0/1 covariate such as Rossmann's `Open`.
 * Sales on them are 0 by definition, so a model need not forecast them and a score should not reward it for
 * "forecasting" them:
 *
 *   SalesData ──findClosedFlag──► ClosedFlag ──closedMask──► per-row mask ──► evaluateForecast({ exclude })
 *                                            └─zeroClosedForecast──► the forecast with 0 on closed periods
 *
 * The flag is a covariate, known ahead of time: the data carries its future rows, so the mask covers the horizon too.
 */
export interface ClosedFlag {
  /** The covariate's name in `SalesData.covariates`. */
  name: string;
  /** The value that means closed: 0 for an `open` column, 1 for a `closed` one. */
  closedWhen: 0 | 1;
}

// Whole names (lower case, separators dropped), not words found inside a name: `opening_price`, `openness_score` or
// `closed_deals` say something else. A store or shop prefix and a flag suffix are how exports spell the same thing.
const QUALIFIERS = ['', 'is', 'store', 'shop'];
const SUFFIXES = ['', 'flag'];
const spellings = (word: string): Set<string> =>
  new Set(QUALIFIERS.flatMap((before) => SUFFIXES.map((after) => `${before}${word}${after}`)));
const OPEN_NAMES = spellings('open');
const CLOSED_NAMES = spellings('closed');

/**
 * Share of the rows a flag calls closed, among those with a sales value, that must have sold nothing. A name can
 * mislead (`closed` may mean a deal was closed), and what follows from the flag is blunt: forecasts forced to 0 and
 * actuals left out of the score. So the history must bear the name out, allowing for a few stray bookings on closed
 * days (a late till entry), not for a column that means something else (sales on most "closed" rows).
 */
const ZERO_SALES_WHEN_CLOSED = 0.9;

/**
 * The covariate that says when a store is closed, or null: the first whose name is `open`/`is_open`/`store_open`
 * (closed when 0) or `closed`/`is_closed` (closed when 1), whose values are only 0, 1 or missing, which marks at least
 * one row closed, and on whose closed rows with a recorded sale at least 90 % sold nothing. Closed rows without any
 * recorded sale (the horizon, say) leave the name unchallenged.
 */
export function findClosedFlag(data: SalesData): ClosedFlag | null {
  for (const [name, column] of Object.entries(data.covariates)) {
    const squashed = name.toLowerCase().replace(/[^a-z0-9]/g, '');
    const closedWhen = OPEN_NAMES.has(squashed) ? 0 : CLOSED_NAMES.has(squashed) ? 1 : null;
    if (closedWhen === null) continue;
    let closed = 0;
    let closedWithSales = 0;
    let closedSold = 0;
    let binary = true;
    for (let r = 0; r < column.length && binary; r++) {
      const v = column[r] as number;
      if (Number.isNaN(v)) continue;
      if (v !== 0 && v !== 1) binary = false;
      else if (v === closedWhen) {
        closed++;
        const sales = data.sales[r] as number;
        if (Number.isNaN(sales)) continue;
        closedWithSales++;
        if (sales !== 0) closedSold++;
      }
    }
    if (!binary || closed === 0) continue;
    if (closedWithSales > 0 && closedWithSales - closedSold < ZERO_SALES_WHEN_CLOSED * closedWithSales) continue;
    return { name, closedWhen };
  }
  return null;
}

/** Per data row, 1 where `flag` says closed; a missing flag value reads as open (nothing says otherwise). */
export function closedMask(data: SalesData, flag: ClosedFlag): Uint8Array {
  const column = data.covariates[flag.name];
  const mask = new Uint8Array(data.sales.length);
  if (!column) return mask;
  for (let r = 0; r < mask.length; r++) mask[r] = column[r] === flag.closedWhen ? 1 : 0;
  return mask;
}

/**
 * A copy of `forecast` with P50, P10 and P90 at 0 on every (series, period) whose data row `flag` marks closed. Rows
 * are matched as the evaluation matches actuals (same series and period, see ./align-forecast); a forecast period the
 * data has no row for is taken as open, since nothing says the store is closed then.
 */
export function zeroClosedForecast(forecast: Forecast, data: SalesData, flag: ClosedFlag): Forecast {
  const mask = closedMask(data, flag);
  const { row } = alignForecast(data, forecast);
  const zeroed = (values: Float64Array): Float64Array => {
    const copy = values.slice();
    for (let i = 0; i < row.length; i++) {
      const r = row[i] as number;
      if (r >= 0 && mask[r] === 1) copy[i] = 0;
    }
    return copy;
  };
  const result: Forecast = {
    series: forecast.series.slice(),
    date: forecast.date.slice(),
    step: forecast.step.slice(),
    p50: zeroed(forecast.p50),
  };
  if (forecast.p10) result.p10 = zeroed(forecast.p10);
  if (forecast.p90) result.p90 = zeroed(forecast.p90);
  return result;
}
