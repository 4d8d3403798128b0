import type { SalesData } from './types';

export interface FindCovariateOptions {
  name?: string;
  pattern?: RegExp;
  flagOnly?: boolean;
}

/**
 * Find a covariate column by name, forgiving case ("Promo" for "promo"), or, with `pattern`, the first whose name
 * matches (e.g. /promo|onpromotion/i). `flagOnly` keeps only 0/1 columns, so a "promo_budget" amount is not
 * mistaken for a promotion flag. Returns the column's actual name, or null.
 */
export function findCovariate(data: SalesData, { name, pattern, flagOnly = false }: FindCovariateOptions): string | null {
  const names = Object.keys(data.covariates);
  const fits = (n: string) => !flagOnly || isFlagColumn(data.covariates[n] as Float64Array);
  if (name !== undefined) {
    if (name in data.covariates && fits(name)) return name;
    const lower = name.toLowerCase();
    return names.find((n) => n.toLowerCase() === lower && fits(n)) ?? null;
  }
  if (pattern) return names.find((n) => pattern.test(n) && fits(n)) ?? null;
  return null;
}

/** True when every non-missing value is 0 or 1 (and there is at least one). */
export function isFlagColumn(values: ArrayLike<number>): boolean {
  let seen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    if (v !== 0 && v !== 1) return false;
    seen = true;
  }
  return seen;
}

/** Names that usually mean "on promotion" (e.g. promo, Promo2, onpromotion, is_promo). */
export const PROMO_PATTERN = /promo/i;
/** Names that usually mean "out of stock" (e.g. stockout, stock_out, out_of_stock, oos). */
export const STOCKOUT_PATTERN = /stock.?out|out.?of.?stock|^oos$/i;
