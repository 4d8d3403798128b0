import type { Page } from 'playwright-core';

/** What the probe collects in the page; times are ms since navigation start (the page's performance clock). */
export interface PageTimeline {
  marks: { name: string; time: number }[];
  /** The app's performance measures (the charts' `fl:chart:<label>` draws), ms since navigation start. */
  measures: { name: string; start: number; end: number }[];
  /** Every main-thread task over 50 ms the browser reported (Long Tasks API), from page open on. */
  longTasks: { start: number; duration: number }[];
  firstContentfulPaint: number | null;
  /** performance.memory of the page's main thread, when Chromium reports it. */
  pageHeapUsed: number | null;
}

interface ProbeState {
  longTasks: { start: number; duration: number }[];
}

declare global {
  interface Window {
    __flBench?: ProbeState;
  }
}

/**
 * Runs in the page before the app's own scripts (page.addInitScript): observes long tasks from the start
 * (buffered) and marks `bench:file-set` when a file input changes. The listener captures on document, so the mark
 * comes before the app's (delegated) handler starts the import. Must stay self-contained: Playwright sends its source.
 */
export function installPageProbe(): void {
  const state: ProbeState = { longTasks: [] };
  window.__flBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'change',
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file') performance.mark('bench:file-set');
    },
    true,
  );
}

export function readPageTimeline(page: Page): Promise<PageTimeline> {
  return page.evaluate(() => {
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return {
      marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, time: m.startTime })),
      measures: performance.getEntriesByType('measure').map((m) => ({ name: m.name, start: m.startTime, end: m.startTime + m.duration })),
      longTasks: [...(window.__flBench?.longTasks ?? [])],
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      pageHeapUsed: memory?.usedJSHeapSize ?? null,
    };
  });
}

/** Time of the first mark called `name` at or after `from` (ms), or null. */
export function markAfter(timeline: PageTimeline, name: string, from: number): number | null {
  return timeline.marks.find((m) => m.name === name && m.time >= from)?.time ?? null;
}

export interface LongTaskStats {
  count50: number;
  count200: number;
  longest: { start: number; duration: number } | null;
}

/** Long tasks that started inside [from, to). */
export function longTasksIn(timeline: PageTimeline, from: number, to: number): LongTaskStats {
  const inside = timeline.longTasks.filter((t) => t.start >= from && t.start < to);
  const longest = inside.reduce<LongTaskStats['longest']>((a, t) => (a === null || t.duration > a.duration ? t : a), null);
  return { count50: inside.filter((t) => t.duration > 50).length, count200: inside.filter((t) => t.duration > 200).length, longest };
}
