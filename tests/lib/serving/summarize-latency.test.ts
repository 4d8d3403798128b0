import { describe, expect, it } from 'vitest';
import { summarizeLatency } from '../../../src/lib/serving/summarize-latency';

describe('summarizeLatency(samplesMs, {elapsedMs, requests, errors})', () => {
  it('gives numpy-linear percentiles (confirmed with numpy.quantile 2.4, method="linear")', () => {
    // Sorted: 3 5 7 8 9 11 12 14 25 30. p95: h = 9 · 0.95 = 8.55 → 25 + 0.55 · (30 − 25) = 27.75;
    // p99: h = 8.91 → 25 + 0.91 · 5 = 29.55; p50: h = 4.5 → (9 + 11) / 2 = 10.
    const s = summarizeLatency([12, 7, 3, 25, 9, 14, 5, 30, 8, 11], { elapsedMs: 2000, requests: 12, errors: 2 });
    expect(s.p50).toBe(10);
    expect(s.p95).toBeCloseTo(27.75, 12);
    expect(s.p99).toBeCloseTo(29.55, 12);
    expect(s.mean).toBeCloseTo(12.4, 12);
    expect(s.count).toBe(10);
    expect(s.throughputPerSecond).toBe(6);
    expect(s.errorRate).toBeCloseTo(2 / 12, 12);
  });

  it('on four samples 100 … 400: p50 250, p95 385, p99 397 (numpy)', () => {
    const s = summarizeLatency(Float64Array.of(400, 100, 300, 200), { elapsedMs: 500, requests: 4, errors: 0 });
    expect([s.p50, s.p95, s.p99].map((x) => Number(x!.toFixed(9)))).toEqual([250, 385, 397]);
    expect(s.errorRate).toBe(0);
  });

  it('leaves out non-finite samples and gives null where a figure is undefined', () => {
    expect(summarizeLatency([NaN, 5], { elapsedMs: 0, requests: 0, errors: 0 })).toEqual({
      p50: 5,
      p95: 5,
      p99: 5,
      mean: 5,
      throughputPerSecond: null,
      errorRate: null,
      count: 1,
    });
    expect(summarizeLatency([], { elapsedMs: 10, requests: 1, errors: 1 })).toMatchObject({ p50: null, mean: null, errorRate: 1, count: 0 });
  });
});
