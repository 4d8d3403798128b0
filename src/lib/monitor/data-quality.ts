/**
 * Data quality of the rows the endpoint receives, against the training reference:
 *
 *   reference rows ──► dataQualityProfile ──► DataQualityProfile (plain JSON, kept with the model version)
 *   current rows + profile ──► checkDataQuality ──► DataQualityIssue[] ──► (alert-raise) data-quality alerts
 *
 * Drift asks "has the distribution moved?"; quality asks "is the data broken?": a column gone, values missing,
 * a price entered in cents, a store code nobody has seen.
 */

/** Rows in column form: numeric columns with NaN for missing, categorical ones with null (or '') for missing. */
export interface QualityTable {
  numeric: Record<string, ArrayLike<number>>;
  categorical: Record<string, readonly (string | null)[]>;
}

export interface NumericProfile {
  column: string;
  kind: 'numeric';
  rows: number;
  missingShare: number;
  /** Range of the finite reference values (null when there are none): outside it is "out of range". */
  min: number | null;
  max: number | null;
  /** The 0.5th and 99.5th percentiles (numpy 'linear'), for display: where the bulk of the values lie. */
  p005: number | null;
  p995: number | null;
}

export interface CategoricalProfile {
  column: string;
  kind: 'categorical';
  rows: number;
  missingShare: number;
  /** The reference's categories, sorted. */
  categories: string[];
  /** More categories than a profile keeps: new ones are then not checked. */
  truncated: boolean;
}

export type ColumnProfile = NumericProfile | CategoricalProfile;

export interface DataQualityProfile {
  rows: number;
  columns: ColumnProfile[];
}

export type DataQualityIssueKind = 'schema-change' | 'missing' | 'out-of-range' | 'new-category';

export interface DataQualityIssue {
  kind: DataQualityIssueKind;
  column: string;
  /** Rows affected: missing, out of range, or carrying a new category (all rows for a schema change). */
  count: number;
  /** Rows checked. */
  rows: number;
  /** count / rows. */
  share: number;
  /** The share above which this is an issue (0 for new categories and schema changes: any counts). */
  threshold: number;
  /** A plain sentence from ../messages/alerts. */
  message: string;
  /** A few of the offending values as text (new categories, the most extreme values), for the explanation. */
  examples: string[];
}
