import { describe, expect, it } from 'vitest';
import { compareChallenger } from '../../../src/lib/retrain/compare-challenger';
import { shadowPairs } from '../../../src/lib/retrain/shadow-pairs';
import { appendServed } from '../../../src/lib/serving/append-served';
import { matchActuals } from '../../../src/lib/serving/match-actuals';
import { createServedLog } from '../../../src/lib/serving/served-log';
import { actual, makeServedLog } from '../serving/make-served-log';
import { expectClose } from '../evaluate/expect-close';

describe('shadowPairs(matched, {champion, challenger})', () => {
  it('pairs the cells both versions forecast, whichever served', () => {
    const matched = matchActuals(makeServedLog(), actual, { through: 2 });
    // By hand: v2 shadowed request 1 only, so only targets of request 1 have both (period 1 step 1, period 2 step 2).
    const pairs = shadowPairs(matched, { champion: 'v1', challenger: 'v2' });
    expect([...pairs.actual]).toEqual([110, 210, 120, 220]);
    expect([...pairs.champion]).toEqual([110, 210, 111, 211]);
    expect([...pairs.challenger]).toEqual([111, 211, 112, 212]);
    expect([...pairs.period]).toEqual([1, 1, 2, 2]);
    expect(shadowPairs(matched, { champion: 'v1', challenger: 'v2', steps: 1 }).actual.length).toBe(2);
    expect(shadowPairs(matched, { champion: 'v1', challenger: 'v9' }).actual.length).toBe(0);
  });

  it('finds the champion in shadow under a canary', () => {
    let log = createServedLog({ horizon: 1, seriesCount: 2 });
    log = appendServed(log, { period: 0, dates: [1], servedBy: ['champ', 'new'], served: [10, 20], shadow: { by: ['new', 'champ'], forecasts: [11, 21] } });
    const pairs = shadowPairs(matchActuals(log, () => 15), { champion: 'champ', challenger: 'new' });
    expect([...pairs.champion]).toEqual([10, 21]);
    expect([...pairs.challenger]).toEqual([11, 20]);
  });
});

describe('compareChallenger({actual, champion, challenger, period})', () => {
  it('keeps the champion on a tie (the head-to-head of the served-log fixture)', () => {
    const matched = matchActuals(makeServedLog(), actual, { through: 2 });
    const c = compareChallenger(shadowPairs(matched, { champion: 'v1', challenger: 'v2' }));
    // Champion: |0| + |0| + |−9| + |−9| = 18; challenger: 1 + 1 + 8 + 8 = 18; over Σy = 660.
    expectClose(c.championWape!, 18 / 660);
    expectClose(c.challengerWape!, 18 / 660);
    expect(c).toMatchObject({ improvement: 0, periods: 2, rows: 4, winner: 'champion' });
  });

  it('crowns a challenger that is better by more than the margin', () => {
    const rows = { actual: [100, 100], champion: [80, 120], challenger: [95, 105], period: [0, 1] };
    const c = compareChallenger(rows);
    expect(c).toMatchObject({ championWape: 0.2, challengerWape: 0.05, rows: 2, periods: 2, winner: 'challenger' });
    expectClose(c.improvement!, 0.75);
    expect(c.summary).toBe('The challenger wins: WAPE 5.0% against 20.0% over 2 forecasts compared.');
    expect(compareChallenger({ ...rows, minImprovement: 0.8 }).winner).toBe('champion');
  });

  it('counts only rows where all three are known, and has no winner without any', () => {
    const c = compareChallenger({ actual: [100, NaN, 100], champion: [90, 50, NaN], challenger: [95, 50, 100], period: [0, 1, 2] });
    expect(c).toMatchObject({ rows: 1, periods: 1, championWape: 0.1, winner: 'challenger' });
    const none = compareChallenger({ actual: [], champion: [], challenger: [], period: [] });
    expect(none).toMatchObject({ championWape: null, challengerWape: null, improvement: null, rows: 0, winner: null });
  });
});
