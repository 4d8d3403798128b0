import * as v from 'valibot';
import { featureMessages as m } from '../messages/features';
import type { FeatureSpec } from './types';

/** Generous bounds: enough for a year of days or several years of weeks, small enough that a tampered link cannot
 * ask for a million columns. */
export const FEATURE_SPEC_LIMITS = { maxLag: 1000, maxLags: 64, maxWindows: 16, maxCovariates: 200 } as const;

const unique = (items: readonly unknown[]): boolean => new Set(items.map((item) => JSON.stringify(item))).size === items.length;
const lag = v.pipe(
  v.number(),
  v.integer(m.lagRange(FEATURE_SPEC_LIMITS.maxLag)),
  v.minValue(1, m.lagRange(FEATURE_SPEC_LIMITS.maxLag)),
  v.maxValue(FEATURE_SPEC_LIMITS.maxLag, m.lagRange(FEATURE_SPEC_LIMITS.maxLag)),
);
const window = v.pipe(
  v.number(),
  v.integer(m.windowRange(FEATURE_SPEC_LIMITS.maxLag)),
  v.minValue(2, m.windowRange(FEATURE_SPEC_LIMITS.maxLag)),
  v.maxValue(FEATURE_SPEC_LIMITS.maxLag, m.windowRange(FEATURE_SPEC_LIMITS.maxLag)),
);
const columnName = v.pipe(v.string(), v.minLength(1, m.columnName), v.maxLength(200, m.columnName));

/** The FeatureSpec as a valibot schema: every field required (but `calendar.monthEncoding`), no unknown keys. */
export const FeatureSpecSchema = v.strictObject({
  version: v.literal(1),
  lags: v.pipe(
    v.array(lag),
    v.maxLength(FEATURE_SPEC_LIMITS.maxLags, m.tooMany(FEATURE_SPEC_LIMITS.maxLags)),
    v.check((items) => unique(items), m.duplicateLags),
  ),
  rolling: v.pipe(
    v.array(
      v.strictObject({
        window,
        stats: v.pipe(v.array(v.picklist(['mean', 'std'])), v.minLength(1, m.noStats), v.check((items) => unique(items), m.duplicateStats)),
      }),
    ),
    v.maxLength(FEATURE_SPEC_LIMITS.maxWindows, m.tooMany(FEATURE_SPEC_LIMITS.maxWindows)),
    v.check((items) => unique(items.map((r) => r.window)), m.duplicateWindows),
  ),
  calendar: v.strictObject({
    dayOfWeek: v.boolean(),
    month: v.boolean(),
    monthEncoding: v.optional(v.picklist(['one-hot', 'cyclic'])),
    weekOfYear: v.boolean(),
    holiday: v.nullable(columnName),
    holidayDistance: v.boolean(),
  }),
  covariates: v.pipe(
    v.array(columnName),
    v.maxLength(FEATURE_SPEC_LIMITS.maxCovariates, m.tooMany(FEATURE_SPEC_LIMITS.maxCovariates)),
    v.check((items) => unique(items), m.duplicateCovariates),
  ),
  seriesIdentity: v.picklist(['none', 'one-hot', 'level']),
  target: v.picklist(['none', 'log1p', 'series-scale']),
  scale: v.picklist(['none', 'standard']),
});

export type FeatureSpecResult = { ok: true; spec: FeatureSpec } | { ok: false; error: string };

/**
 * Reads a feature spec from where untrusted specs come from: a link's hash or a stored run (an object, or its JSON
 * text). Either the spec, or one precise sentence naming the first bad field, e.g.
 * `Feature settings, lags[2]: expected a whole number of periods from 1 to 1000, got 0`.
 * Whether the named covariates exist is a question for the data: compileFeatures answers it.
 */
export function parseFeatureSpec(json: unknown): FeatureSpecResult {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (error) {
      return { ok: false, error: m.specNotJson(error instanceof Error ? error.message : String(error)) };
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: m.specNotObject(shorten(JSON.stringify(input) ?? String(input))) };
  }
  const result = v.safeParse(FeatureSpecSchema, input);
  if (result.success) return { ok: true, spec: result.output };
  return { ok: false, error: describeIssue(result.issues[0]) };
}

function describeIssue(issue: v.GenericIssue): string {
  const path = issuePath(issue);
  if (issue.type === 'strict_object' && issue.expected === 'never') return m.specUnknownKey(path);
  if (issue.kind === 'validation') {
    // A length or a rule across items: the received value says nothing useful ("got 0"), the message says it all.
    if (!['integer', 'min_value', 'max_value'].includes(issue.type)) return m.specIssue(path, issue.message);
    return m.specExpected(path, issue.message.slice('expected '.length), shorten(issue.received));
  }
  if (issue.received === 'undefined') return m.specMissing(path);
  return m.specExpected(path, (issue.expected ?? '').replace(/^\((.*)\)$/, '$1').split(' | ').join(' or '), shorten(issue.received));
}

function issuePath(issue: v.GenericIssue): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
