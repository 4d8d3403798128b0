/**
 * A progress estimate for long work (parsing, training): fraction done and the time left, extrapolated
 * linearly from the elapsed time. Linear is honest enough for streaming a file or running epochs of equal size,
 * and it says "unknown" until there is something to extrapolate from rather than inventing a number.
 */
export interface ProgressEstimate {
  /** 0..1 */
  fraction: number;
  /** Milliseconds left, or null while unknown. */
  etaMs: number | null;
}

export function estimateEta(options: { startedAt: number; now: number; done: number; total: number }): ProgressEstimate {
  const { startedAt, now, done, total } = options;
  if (!(total > 0)) return { fraction: 0, etaMs: null };
  const fraction = Math.min(1, Math.max(0, done / total));
  const elapsed = now - startedAt;
  // Under 2% done or 200 ms in, the rate is mostly start-up cost: no estimate yet.
  if (fraction < 0.02 || elapsed < 200) return { fraction, etaMs: null };
  return { fraction, etaMs: Math.max(0, (elapsed / fraction) * (1 - fraction)) };
}

/** "about 12 s left", "about 3 min left", "" while unknown. */
export function formatEta(etaMs: number | null): string {
  if (etaMs === null) return '';
  const s = Math.ceil(etaMs / 1000);
  if (s < 60) return `about ${s} s left`;
  return `about ${Math.ceil(s / 60)} min left`;
}
