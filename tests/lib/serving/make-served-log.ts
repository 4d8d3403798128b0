import { daysFromCivil } from '../../../src/lib/data/civil-days';
import { appendServed } from '../../../src/lib/serving/append-served';
import { createServedLog, type ServedLog } from '../../../src/lib/serving/served-log';

/** 2020-01-01: the first simulated day of the fixture. */
export const BASE = daysFromCivil(2020, 1, 1);
export const H = 2;
export const SERIES = 2;

/** The forecast served to series s, requested in period p, k + 1 steps ahead: 100 (s + 1) + 10 p + k. */
export const servedValue = (s: number, p: number, k: number) => 100 * (s + 1) + 10 * p + k;

/**
 * Four daily periods, two series, horizon 2: 'v1' serves periods 0–1 and 'v2' periods 2–3; in period 1 'v2'
 * shadows with forecasts one unit above the served ones. Hand-computed expectations in the tests use these numbers.
 */
export function makeServedLog(): ServedLog {
  let log = createServedLog({ horizon: H, seriesCount: SERIES });
  for (let p = 0; p < 4; p++) {
    const served = Array.from({ length: SERIES * H }, (_, cell) => servedValue(Math.floor(cell / H), p, cell % H));
    log = appendServed(log, {
      period: p,
      dates: [BASE + p, BASE + p + 1],
      servedBy: p < 2 ? 'v1' : 'v2',
      served,
      shadow: p === 1 ? { by: 'v2', forecasts: served.map((f) => f + 1) } : null,
    });
  }
  return log;
}

/** Actual sales 100 (s + 1) + 10 · (day − BASE), known through day BASE + 2. */
export const actual = (s: number, date: number) => (date - BASE <= 2 ? 100 * (s + 1) + 10 * (date - BASE) : NaN);
