import { describe, expect, it } from 'vitest';
import { parseFeatureSpec } from '../../../src/lib/features/parse-feature-spec';
import type { FeatureSpec } from '../../../src/lib/features/types';
import { featureMessages } from '../../../src/lib/messages/features';

const SPEC: FeatureSpec = {
  version: 1,
  lags: [1, 7],
  rolling: [{ window: 7, stats: ['mean', 'std'] }],
  calendar: { dayOfWeek: true, month: true, weekOfYear: false, holiday: null, holidayDistance: false },
  covariates: ['price'],
  seriesIdentity: 'one-hot',
  target: 'series-scale',
  scale: 'standard',
};
const error = (input: unknown) => {
  const result = parseFeatureSpec(input);
  return result.ok ? null : result.error;
};

describe('parseFeatureSpec(json)', () => {
  it('parseFeatureSpec(spec) accepts a spec object or its JSON text', () => {
    expect(parseFeatureSpec(SPEC)).toEqual({ ok: true, spec: SPEC });
    expect(parseFeatureSpec(JSON.stringify(SPEC))).toEqual({ ok: true, spec: SPEC });
  });

  it('parseFeatureSpec(json) names the first bad field, what it expected and what it got', () => {
    const lag = featureMessages.lagRange(1000).replace(/^expected /, '');
    expect(error({ ...SPEC, lags: [1, 0] })).toBe(featureMessages.specExpected('lags[1]', lag, '0'));
    expect(error({ ...SPEC, lags: [2.5] })).toBe(featureMessages.specExpected('lags[0]', lag, '2.5'));
    expect(error({ ...SPEC, lags: ['1'] })).toBe(featureMessages.specExpected('lags[0]', 'number', '"1"'));
    expect(error({ ...SPEC, target: 'log' })).toBe(featureMessages.specExpected('target', '"none" or "log1p" or "series-scale"', '"log"'));
    expect(error({ ...SPEC, rolling: [{ window: 1, stats: ['mean'] }] })).toMatch(/^Feature settings, rolling\[0\]\.window: expected .* from 2 to 1000, got 1$/);
    expect(error({ ...SPEC, calendar: { ...SPEC.calendar, holiday: 3 } })).toMatch(/^Feature settings, calendar\.holiday: expected .*string.*, got 3$/);
  });

  it('parseFeatureSpec(json) rejects duplicates, empty stats, unknown and missing keys', () => {
    expect(error({ ...SPEC, lags: [1, 1] })).toBe(featureMessages.specIssue('lags', featureMessages.duplicateLags));
    expect(error({ ...SPEC, rolling: [{ window: 7, stats: [] }] })).toBe(featureMessages.specIssue('rolling[0].stats', featureMessages.noStats));
    expect(error({ ...SPEC, rolling: [{ window: 7, stats: ['mean'] }, { window: 7, stats: ['std'] }] })).toBe(
      featureMessages.specIssue('rolling', featureMessages.duplicateWindows),
    );
    expect(error({ ...SPEC, lag: [1] })).toBe(featureMessages.specUnknownKey('lag'));
    const { scale: _, ...noScale } = SPEC;
    expect(error(noScale)).toBe(featureMessages.specMissing('scale'));
    expect(error({ ...SPEC, version: 2 })).toBe(featureMessages.specExpected('version', '1', '2'));
  });

  it('parseFeatureSpec(text) reports text that is not JSON, and a value that is not an object', () => {
    expect(error('{"version":')).toMatch(/^The feature settings are not valid JSON/);
    expect(error(null)).toBe(featureMessages.specNotObject('null'));
    expect(error(undefined)).toBe(featureMessages.specNotObject('undefined'));
    expect(error([1])).toBe(featureMessages.specNotObject('[1]'));
  });

  it('parseFeatureSpec(json) bounds a tampered link: at most 64 lags, lags up to 1000 periods', () => {
    expect(error({ ...SPEC, lags: Array.from({ length: 65 }, (_, i) => i + 1) })).toBe(featureMessages.specIssue('lags', featureMessages.tooMany(64)));
    expect(error({ ...SPEC, lags: [1001] })).toMatch(/^Feature settings, lags\[0\]: expected/);
  });
});
