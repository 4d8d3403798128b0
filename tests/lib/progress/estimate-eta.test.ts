import { describe, expect, it } from 'vitest';
import { estimateEta, formatEta } from '../../../src/lib/progress/estimate-eta';

describe('estimateEta({startedAt, now, done, total})', () => {
  it('extrapolates the remaining time linearly', () => {
    expect(estimateEta({ startedAt: 0, now: 1000, done: 25, total: 100 })).toEqual({ fraction: 0.25, etaMs: 3000 });
  });
  it('has no estimate at the very start or without a total', () => {
    expect(estimateEta({ startedAt: 0, now: 1000, done: 1, total: 100 }).etaMs).toBeNull();
    expect(estimateEta({ startedAt: 0, now: 100, done: 50, total: 100 }).etaMs).toBeNull();
    expect(estimateEta({ startedAt: 0, now: 1000, done: 5, total: 0 })).toEqual({ fraction: 0, etaMs: null });
  });
  it('clamps overshoot to done', () => {
    expect(estimateEta({ startedAt: 0, now: 1000, done: 120, total: 100 })).toEqual({ fraction: 1, etaMs: 0 });
  });
});

describe('formatEta(etaMs)', () => {
  it('speaks in seconds, then minutes, and says nothing when unknown', () => {
    expect(formatEta(null)).toBe('');
    expect(formatEta(11_200)).toBe('about 12 s left');
    expect(formatEta(125_000)).toBe('about 3 min left');
  });
});
