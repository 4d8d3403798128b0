import { sortFinite } from '../core/finite';
import { quantile } from '../core/statistics';
import type { CategoricalProfile, DataQualityProfile, NumericProfile, QualityTable } from './data-quality';

/** A profile keeps at most this many categories: beyond, a column is an identifier, not a category. */
export const MAX_PROFILE_CATEGORIES = 1000;

/** Fit the quality reference on the training rows: per column its missing share, range and categories. */
export function dataQualityProfile(reference: QualityTable): DataQualityProfile {
  const numeric = Object.entries(reference.numeric).map(([column, values]) => numericProfile(column, values));
  const categorical = Object.entries(reference.categorical).map(([column, values]) => categoricalProfile(column, values));
  const columns = [...numeric, ...categorical];
  return { rows: columns[0]?.rows ?? 0, columns };
}

function numericProfile(column: string, values: ArrayLike<number>): NumericProfile {
  const { sorted, missing } = sortFinite(values);
  const rows = values.length;
  const some = sorted.length > 0;
  return {
    column,
    kind: 'numeric',
    rows,
    missingShare: rows === 0 ? 0 : missing / rows,
    min: some ? (sorted[0] as number) : null,
    max: some ? (sorted[sorted.length - 1] as number) : null,
    p005: some ? quantile(sorted, 0.005) : null,
    p995: some ? quantile(sorted, 0.995) : null,
  };
}

function categoricalProfile(column: string, values: readonly (string | null)[]): CategoricalProfile {
  const seen = new Set<string>();
  let missing = 0;
  for (const value of values) {
    if (value === null || value === '') missing++;
    else seen.add(value);
  }
  const categories = [...seen].sort();
  const rows = values.length;
  return {
    column,
    kind: 'categorical',
    rows,
    missingShare: rows === 0 ? 0 : missing / rows,
    categories: categories.slice(0, MAX_PROFILE_CATEGORIES),
    truncated: categories.length > MAX_PROFILE_CATEGORIES,
  };
}
