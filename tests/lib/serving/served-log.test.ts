import { describe, expect, it } from 'vitest';
import { appendServed } from '../../../src/lib/serving/append-served';
import { gatherPairs } from '../../../src/lib/serving/gather-pairs';
import { matchActuals } from '../../../src/lib/serving/match-actuals';
import { createServedLog, NO_VERSION } from '../../../src/lib/serving/served-log';
import { servedSpans } from '../../../src/lib/serving/served-spans';
import { selectSteps } from '../../../src/lib/serving/select-steps';
import { actual, BASE, H, makeServedLog, servedValue } from './make-served-log';

describe('appendServed(log, entry)', () => {
  it('adds one period with version indices, leaving the old log as it was', () => {
    const empty = createServedLog({ horizon: 2, seriesCount: 2 });
    const log = appendServed(empty, { period: 0, dates: [10, 11], servedBy: ['v1', null], served: [1, 2, NaN, NaN] });
    expect(empty.periods).toHaveLength(0);
    expect(log.versions).toEqual(['v1']);
    const [entry] = log.periods;
    expect([...entry!.servedBy]).toEqual([0, NO_VERSION]);
    expect([...entry!.shadowBy]).toEqual([NO_VERSION, NO_VERSION]);
    expect(entry!.shadow).toBeNull();
    expect(entry!.served).toBeInstanceOf(Float64Array);
  });

  it('keeps versions in order of first appearance, served or in shadow', () => {
    const log = makeServedLog();
    expect(log.versions).toEqual(['v1', 'v2']);
    expect([...log.periods[1]!.shadowBy]).toEqual([1, 1]);
  });

  it('throws on a period out of order and on arrays of the wrong shape', () => {
    const log = makeServedLog();
    const entry = { period: 3, dates: [0, 1], servedBy: 'v1', served: [0, 0, 0, 0] };
    expect(() => appendServed(log, entry)).toThrow(/Period 3 cannot be logged after period 3/);
    expect(() => appendServed(log, { ...entry, period: 4, served: [0, 0, 0] })).toThrow(/“served” has 3 values where the log expects 4/);
    expect(() => appendServed(log, { ...entry, period: 4, dates: [0] })).toThrow(/“dates”/);
    expect(() => appendServed(log, { ...entry, period: 4, servedBy: ['v1'] })).toThrow(/“servedBy”/);
  });

  it('survives a structured clone (worker messages, IndexedDB) unchanged', () => {
    const log = makeServedLog();
    expect(structuredClone(log)).toEqual(log);
  });
});

describe('matchActuals(log, actual, {through})', () => {
  const matched = matchActuals(makeServedLog(), actual, { through: 2 });

  it('gives one row per (series, target period) with an actual, by period then series', () => {
    expect([...matched.period]).toEqual([0, 0, 1, 1, 2, 2]);
    expect([...matched.series]).toEqual([0, 1, 0, 1, 0, 1]);
    expect([...matched.date]).toEqual([BASE, BASE, BASE + 1, BASE + 1, BASE + 2, BASE + 2]);
    expect([...matched.actual]).toEqual([100, 200, 110, 210, 120, 220]);
  });

  it('puts the forecast made k + 1 periods ahead at offset k, with the version that served it', () => {
    // Row 2 = series 0, period 1: step 1 from request 1 (v1), step 2 from request 0 (v1).
    expect([...matched.served.subarray(2 * H, 3 * H)]).toEqual([servedValue(0, 1, 0), servedValue(0, 0, 1)]);
    expect([...matched.servedBy.subarray(2 * H, 3 * H)]).toEqual([0, 0]);
    // Row 4 = series 0, period 2: step 1 from request 2 (v2), step 2 from request 1 (v1), shadowed by v2 then.
    expect([...matched.served.subarray(4 * H, 5 * H)]).toEqual([servedValue(0, 2, 0), servedValue(0, 1, 1)]);
    expect([...matched.servedBy.subarray(4 * H, 5 * H)]).toEqual([1, 0]);
    expect([...matched.shadow.subarray(4 * H, 5 * H)]).toEqual([NaN, servedValue(0, 1, 1) + 1]);
    expect([...matched.shadowBy.subarray(4 * H, 5 * H)]).toEqual([NO_VERSION, 1]);
    // Period 0 has no step-2 forecast: nothing was requested before the cutoff.
    expect(matched.served[1]).toBeNaN();
    expect(matched.servedBy[1]).toBe(NO_VERSION);
  });

  it('matches only the target periods asked for, and none without an actual', () => {
    expect([...matchActuals(makeServedLog(), actual, { from: 2, through: 2 }).period]).toEqual([2, 2]);
    // Without `through`, targets up to the last request's horizon are looked up; unknown actuals leave them out.
    expect(matchActuals(makeServedLog(), actual).actual.length).toBe(6);
    expect(matchActuals(createServedLog({ horizon: 2, seriesCount: 2 }), actual).actual.length).toBe(0);
  });

  it('gatherPairs(matched, filter) pools the steps and versions asked for', () => {
    expect(gatherPairs(matched, {}).actual.length).toBe(10);
    expect(gatherPairs(matched, { steps: 1 }).actual.length).toBe(6);
    expect([...gatherPairs(matched, { version: 1, sources: ['shadow'] }).forecast]).toEqual([111, 211, 112, 212]);
    expect(gatherPairs(matched, { from: 1, through: 1, steps: 2 }).actual.length).toBe(2);
  });
});

describe('selectSteps(horizon, steps)', () => {
  it('gives zero-based inclusive offsets, empty outside 1 … H', () => {
    expect(selectSteps(3, 'all')).toEqual({ first: 0, last: 2 });
    expect(selectSteps(3, 2)).toEqual({ first: 1, last: 1 });
    expect(selectSteps(3, 4).last).toBeLessThan(selectSteps(3, 4).first);
    expect(selectSteps(3, 0).last).toBeLessThan(selectSteps(3, 0).first);
  });
});

describe('servedSpans(log)', () => {
  it('merges consecutive periods of the main version, each span ending where the next period starts', () => {
    expect(servedSpans(makeServedLog())).toEqual([
      { version: 'v1', from: 0, to: 1, start: BASE, end: BASE + 2 },
      { version: 'v2', from: 2, to: 3, start: BASE + 2, end: BASE + 4 },
    ]);
  });

  it('follows the version serving most series under a canary, and skips periods nobody answered', () => {
    let log = createServedLog({ horizon: 1, seriesCount: 3 });
    log = appendServed(log, { period: 0, dates: [5], servedBy: ['champ', 'canary', 'champ'], served: [1, 1, 1] });
    log = appendServed(log, { period: 1, dates: [6], servedBy: [null, null, null], served: [NaN, NaN, NaN] });
    log = appendServed(log, { period: 2, dates: [7], servedBy: ['champ', 'champ', 'canary'], served: [1, 1, 1] });
    expect(servedSpans(log)).toEqual([
      { version: 'champ', from: 0, to: 0, start: 5, end: 6 },
      { version: 'champ', from: 2, to: 2, start: 7, end: 8 },
    ]);
  });
});
