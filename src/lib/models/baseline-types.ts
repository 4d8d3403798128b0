import type { BaselineKind, Forecast } from './types';

/** What every baseline needs: forecast the `horizon` periods after `cutoff` from the history up to it. */
export interface BaselineOptions {
  /** Last day of history (days since 1970-01-01); rows in periods after the cutoff's period are never read. */
  cutoff: number;
  /** Periods to forecast after the cutoff. */
  horizon: number;
}

/**
 * A baseline's forecast for every series of the table, `horizon` rows per series (series in index order, steps 1…H),
 * with what could not be forecast. Plain data apart from the typed arrays of `forecast`.
 */
export interface BaselineForecast {
  kind: BaselineKind;
  cutoff: number;
  horizon: number;
  /** Season length (seasonal naive) or window (moving average) used; null for naive. */
  parameter: number | null;
  forecast: Forecast;
  /** Series with no observed sales up to the cutoff: their forecast is NaN. */
  noHistory: number[];
  /** Plain-language notes (from messages/evaluate) on series the baseline could not treat as asked. */
  warnings: string[];
}
