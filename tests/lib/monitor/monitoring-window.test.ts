import { describe, expect, it } from 'vitest';
import { defaultOnset, monitoringWindow } from '../../../src/lib/monitor/monitoring-window';

describe('monitoringWindow(horizon, frequency) and defaultOnset(frequency)', () => {
  it('is one horizon within each frequency’s bounds, and drift starts after a first window', () => {
    expect(monitoringWindow(28, 'daily')).toBe(28);
    expect(monitoringWindow(3, 'daily')).toBe(7);
    expect(monitoringWindow(60, 'daily')).toBe(28);
    expect(monitoringWindow(8, 'weekly')).toBe(8);
    expect(monitoringWindow(12, 'monthly')).toBe(3);
    for (const f of ['daily', 'weekly', 'monthly'] as const) expect(defaultOnset(f)).toBeGreaterThan(monitoringWindow(28, f));
  });
});
