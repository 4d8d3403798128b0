import type { IssueAction, IssueKind } from './types';

/**
 * What the user may do about each kind of issue; the first action is the default `cleanSales` applies.
 * Kept in one table so the report, the cleaning step and the UI cannot disagree.
 *
 * Defaults, and why:
 * - rows that cannot be trusted (ragged, unreadable sales) are left out rather than guessed;
 * - negative sales are kept: returns are real, and clipping them hides net demand;
 * - covariates repeat the previous value: prices and flags usually hold until they change;
 * - duplicates are summed: split transactions for one day are the common cause (validateSales withholds 'sum' where
 *   the total would overflow);
 * - gaps are kept (the model stage may fill them); filling with 0 is one click away;
 * - series too short or at another frequency are left out, so one model sees one kind of series.
 * Unreadable dates can only be left out: a row without a date has no place in a series.
 * Errors (empty file, wrong delimiter, a quote that runs over lines, missing column, file too large) offer nothing but
 * fixing the file.
 */
export const ISSUE_ACTIONS: Readonly<Record<IssueKind, readonly IssueAction[]>> = {
  'empty-file': [],
  'header-only': [],
  'wrong-delimiter': [],
  'runaway-quote': [],
  'file-too-large': [],
  'missing-column': [],
  'ragged-rows': ['drop-rows', 'keep'],
  'unparseable-date': ['drop-rows'],
  'non-numeric-sales': ['drop-rows', 'fill-zero', 'fill-previous'],
  'negative-sales': ['keep', 'clip-zero', 'drop-rows'],
  'missing-sales': ['drop-rows', 'fill-zero', 'fill-previous'],
  'missing-covariate': ['fill-previous', 'fill-zero', 'drop-rows'],
  'non-numeric-covariate': ['fill-previous', 'fill-zero', 'drop-rows'],
  'duplicate-rows': ['sum', 'keep-first', 'keep-last', 'drop-rows'],
  gaps: ['keep', 'fill-zero', 'fill-previous'],
  'series-too-short': ['drop-rows', 'keep'],
  'mixed-frequency': ['drop-rows', 'keep'],
};
