import { formatNumber } from '../format/format-number';
import { dataQualityMessages as M } from '../messages/alerts';
import { DEFAULT_ALERT_RULES, type AlertRules } from './alert-rules';
import type { CategoricalProfile, ColumnProfile, DataQualityIssue, DataQualityProfile, NumericProfile, QualityTable } from './data-quality';

export interface CheckDataQualityOptions {
  profile: DataQualityProfile;
  current: QualityTable;
  /** The thresholds, from the alert rules (their defaults when absent). */
  rules?: Pick<AlertRules, 'missingShare' | 'outOfRangeShare'>;
}

const EXAMPLES = 5;

/**
 * The current rows against the training profile, column by column: a column gone or entirely empty (a schema
 * change, reported alone for that column), more values missing than in training plus the allowance, more values
 * outside the training range [min, max] than allowed, categories never seen in training. No rows, no issues.
 *
 * The range is the reference's min and max widened by one spread on each side (plausibleRange), not its 0.5–99.5
 * percentiles: the check is for broken data (units changed, a sign flipped), and percentiles would put 1 % of
 * perfectly normal rows out of range by construction.
 */
export function checkDataQuality(options: CheckDataQualityOptions): DataQualityIssue[] {
  const { profile, current, rules = DEFAULT_ALERT_RULES } = options;
  const rows = rowCount(current);
  if (rows === 0) return [];
  const issues: DataQualityIssue[] = [];
  for (const column of profile.columns) {
    const values = column.kind === 'numeric' ? current.numeric[column.column] : current.categorical[column.column];
    // An empty array beside columns that have rows is a column that did not come.
    if (values === undefined || values.length === 0) {
      issues.push(schemaChange(column, rows, M.columnAbsent(column.column)));
      continue;
    }
    if (column.kind === 'numeric') issues.push(...checkNumeric(column, values as ArrayLike<number>, rules));
    else issues.push(...checkCategorical(column, values as readonly (string | null)[], rules));
  }
  return issues;
}

type Allowances = Pick<AlertRules, 'missingShare' | 'outOfRangeShare'>;

/**
 * How far past the training range a value may go before it is "out of range": one training spread (max − min) on
 * each side. Quality asks "is the data broken?", not "has it moved?" (that is drift): a growing business exceeds its
 * training maximum within months and a price rise is drift, while sales in cents instead of units land a hundred
 * spreads away.
 */
export const RANGE_MARGIN = 1;

/** The plausible range of a numeric column: its training range widened by RANGE_MARGIN spreads on each side. */
export function plausibleRange(min: number, max: number): { low: number; high: number } {
  const spread = max - min;
  return { low: min - RANGE_MARGIN * spread, high: max + RANGE_MARGIN * spread };
}

function checkNumeric(column: NumericProfile, values: ArrayLike<number>, allow: Allowances): DataQualityIssue[] {
  const rows = values.length;
  let missing = 0;
  let outside = 0;
  let low = Infinity;
  let high = -Infinity;
  const { min, max } = column;
  const range = min !== null && max !== null ? plausibleRange(min, max) : null;
  for (let i = 0; i < rows; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) {
      missing++;
      continue;
    }
    if (range && (x < range.low || x > range.high)) outside++;
    if (x < low) low = x;
    if (x > high) high = x;
  }
  const empty = emptyColumn(column, rows, missing);
  if (empty) return [empty];
  const issues = missingIssue(column, { rows, missing, allowance: allow.missingShare });
  const present = rows - missing;
  if (min !== null && max !== null && present > 0 && outside / present > allow.outOfRangeShare) {
    issues.push({
      kind: 'out-of-range',
      column: column.column,
      count: outside,
      rows: present,
      share: outside / present,
      threshold: allow.outOfRangeShare,
      message: M.outOfRange({ column: column.column, count: outside, share: outside / present, min: range!.low, max: range!.high, low, high, limit: allow.outOfRangeShare }),
      examples: [formatNumber(low), formatNumber(high)],
    });
  }
  return issues;
}

function checkCategorical(column: CategoricalProfile, values: readonly (string | null)[], allow: Allowances): DataQualityIssue[] {
  const rows = values.length;
  const known = new Set(column.categories);
  const unseen = new Set<string>();
  let missing = 0;
  let fresh = 0;
  for (const value of values) {
    if (value === null || value === '') missing++;
    else if (!column.truncated && !known.has(value)) {
      fresh++;
      unseen.add(value);
    }
  }
  const empty = emptyColumn(column, rows, missing);
  if (empty) return [empty];
  const issues = missingIssue(column, { rows, missing, allowance: allow.missingShare });
  if (fresh > 0) {
    const categories = [...unseen].sort();
    issues.push({
      kind: 'new-category',
      column: column.column,
      count: fresh,
      rows,
      share: fresh / rows,
      threshold: 0,
      message: M.newCategory({ column: column.column, rows: fresh, shown: categories.slice(0, EXAMPLES), total: categories.length }),
      examples: categories.slice(0, EXAMPLES),
    });
  }
  return issues;
}

/** A column that had values in training and has none now has stopped arriving: a schema change, not "missing". */
function emptyColumn(column: ColumnProfile, rows: number, missing: number): DataQualityIssue | null {
  return missing === rows && column.missingShare < 1 ? schemaChange(column, rows, M.columnEmpty(column.column, rows)) : null;
}

function schemaChange(column: ColumnProfile, rows: number, message: string): DataQualityIssue {
  return { kind: 'schema-change', column: column.column, count: rows, rows, share: 1, threshold: 0, message, examples: [] };
}

function missingIssue(column: ColumnProfile, { rows, missing, allowance }: { rows: number; missing: number; allowance: number }): DataQualityIssue[] {
  const share = missing / rows;
  const limit = column.missingShare + allowance;
  if (share <= limit) return [];
  return [
    {
      kind: 'missing',
      column: column.column,
      count: missing,
      rows,
      share,
      threshold: limit,
      message: M.missing({ column: column.column, share, reference: column.missingShare, limit }),
      examples: [],
    },
  ];
}

function rowCount(table: QualityTable): number {
  let rows = 0;
  for (const values of Object.values(table.numeric)) rows = Math.max(rows, values.length);
  for (const values of Object.values(table.categorical)) rows = Math.max(rows, values.length);
  return rows;
}
