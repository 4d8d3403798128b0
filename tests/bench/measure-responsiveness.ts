import type { Browser, Page } from 'playwright-core';
import { deployPanelTexts } from '../../src/lib/messages/ops';
import { byTestId, goToStage } from '../e2e/notebook';
import { findLongTaskCulprit, TRACE_CATEGORIES, type TraceEvent } from './find-long-task-culprit';
import type { WindowCulprits } from './measure-app-pass';
import { OPS_YEAR, opsYearHash, registerChampion, throwIfOpsFailed } from './measure-ops';
import { trainOnce, waitForSettled, withPage } from './measure-training';
import { readPageTimeline, type PageTimeline } from './page-probe';

/** The longest main-thread task of one phase, and what the page was doing while it ran. */
export interface PhaseTasks {
  /** Tasks over 50 and over 100 ms that started inside the phase. */
  count50: number;
  count100: number;
  /** ms after the phase began, and how long it lasted. */
  longest: { start: number; duration: number } | null;
  /** The app's cells running and charts drawing when the longest task ran (its marks and measures). */
  during: { cells: string[]; charts: string[] };
}

const CLICK_MARK = 'bench:deploy-click';
const QUIET_MS = 1000;
/** A year with weekly retraining trains some fifty ridges in the ops worker. */
const TIMEOUT_MS = 15 * 60_000;

/** The long tasks of the page between `from` and `to` (page times), the longest described by what overlapped it. */
export function phaseTasks(timeline: PageTimeline, window: { from: number; to: number }): PhaseTasks {
  const inside = timeline.longTasks.filter((t) => t.start >= window.from && t.start < window.to);
  const longest = inside.reduce<PageTimeline['longTasks'][number] | null>((a, t) => (a === null || t.duration > a.duration ? t : a), null);
  return {
    count50: inside.filter((t) => t.duration > 50).length,
    count100: inside.filter((t) => t.duration > 100).length,
    longest: longest && { start: longest.start - window.from, duration: longest.duration },
    during: longest ? overlapping(timeline, longest) : { cells: [], charts: [] },
  };
}

/**
 * What the app had under way during a task: cells between their fl:<id>:start and fl:<id>:end marks (a cell still
 * running at the end counts), and charts whose fl:chart:<label> measure overlaps it (a chart's draw may span tasks).
 */
function overlapping(timeline: PageTimeline, task: { start: number; duration: number }): PhaseTasks['during'] {
  const [from, to] = [task.start, task.start + task.duration];
  const cells = new Set<string>();
  for (const start of timeline.marks) {
    const cell = /^fl:(.+):start$/.exec(start.name)?.[1];
    if (cell === undefined || start.time >= to) continue;
    const end = timeline.marks.find((m) => m.name === `fl:${cell}:end` && m.time >= start.time)?.time ?? Infinity;
    if (end > from) cells.add(cell);
  }
  const charts = new Set(timeline.measures.filter((m) => m.name.startsWith('fl:chart:') && m.start < to && m.end > from).map((m) => m.name.slice('fl:chart:'.length)));
  return { cells: [...cells], charts: [...charts] };
}

export interface SimulationPass {
  /** Click on the Deploy cell's Run → clock finished, ms. */
  playedMs: number;
  /** Click on the Deploy cell's Run → finished, settled and a quiet second. */
  tasks: PhaseTasks;
}

/**
 * The simulated year of section 12 (OPS_YEAR: retraining every week, auto-promoted), as a user plays it: trained and
 * registered first (not measured), then from the click on the Deploy cell's Run (the world and the champion loaded in
 * the ops worker) through Play to the clock's "finished", with the Deploy stage in view, until the page settles.
 */
export async function measureSimulationPass(browser: Browser, options: { url: string }): Promise<SimulationPass> {
  return withPage(browser, async (page) => {
    const { clickAt, finishedAt } = await playYear(page, options.url);
    const timeline = await readPageTimeline(page);
    return { playedMs: finishedAt - clickAt, tasks: phaseTasks(timeline, { from: clickAt, to: Infinity }) };
  });
}

/** The same under Chrome tracing, over `periods` periods: the longest task of the phase taken apart. */
export async function traceSimulationPass(browser: Browser, options: { url: string; periods: number }): Promise<WindowCulprits> {
  return withPage(browser, async (page) => {
    let tracing = false;
    await playYear(page, options.url, {
      periods: options.periods,
      beforeClick: async () => {
        await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
        tracing = true;
        // The profiler's start-up lands in the page's next task: let it pass before the phase begins.
        await page.evaluate(() => performance.mark('bench:tracing'));
        await page.waitForTimeout(500);
      },
    }).catch(async (error: unknown) => {
      if (tracing) await browser.stopTracing().catch(() => undefined);
      throw error;
    });
    const buffer = await browser.stopTracing();
    const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
    return { wall: findLongTaskCulprit(events, { fromMark: CLICK_MARK, by: 'wall' }), cpu: findLongTaskCulprit(events, { fromMark: CLICK_MARK, by: 'cpu' }) };
  });
}

async function playYear(page: Page, url: string, options: { periods?: number; beforeClick?: () => Promise<void> } = {}) {
  await trainOnce(page, url + opsYearHash('scheduled', { periods: options.periods ?? OPS_YEAR.periods }), { timeoutMs: TIMEOUT_MS, beforeClick: () => goToStage(page, 'train') });
  await registerChampion(page);
  await goToStage(page, 'deploy');
  await options.beforeClick?.();
  const clickAt = await page.evaluate((name) => performance.mark(name).startTime, CLICK_MARK);
  await page.click('[data-testid="cell-deploy.simulate"] button.run');
  await page.waitForFunction(
    () => ['fresh', 'error'].includes(document.querySelector('[data-testid="cell-deploy.simulate"]')?.getAttribute('data-status') ?? ''),
    null,
    { polling: 100, timeout: TIMEOUT_MS },
  );
  await throwIfOpsFailed(page);
  await byTestId(page, 'sim-play').click();
  const finishedAt = (await (
    await page.waitForFunction(
      (finished) =>
        document.querySelector('[data-testid="sim-period"]')?.textContent?.includes(finished) || document.querySelector('[data-testid="ops-error"]') !== null
          ? performance.now()
          : false,
      deployPanelTexts.finished,
      { polling: 50, timeout: TIMEOUT_MS },
    )
  ).jsonValue()) as number;
  await throwIfOpsFailed(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="chart"][data-state="rendering"]') === null, null, { polling: 50, timeout: TIMEOUT_MS });
  await page.waitForTimeout(QUIET_MS);
  return { clickAt, finishedAt };
}

export interface StoredRunsPass {
  /** Runs in storage when the page was reloaded (the trained one and its copies). */
  runs: number;
  /** Megabytes of one run record (its JSON). */
  runMb: number;
  /** Reload → settled, then Save notebook (a commit: every list re-reads its table) + 2 s. */
  tasks: PhaseTasks;
}

/**
 * A notebook with many stored runs, as after a day of work: the default example trained once, its run stored again
 * `copies` times under new ids (each as big as a real one), the page reloaded (every list reads every run, the Train
 * cell restores its run) and, once settled, Save notebook pressed (a commit, which the Storage, Runs and Registry
 * lists answer by reading their tables again).
 */
export async function measureStoredRunsPass(browser: Browser, options: { url: string; copies: number }): Promise<StoredRunsPass> {
  return withPage(browser, async (page) => {
    await trainOnce(page, options.url);
    const runChars = await page.evaluate(
      (copies) =>
        new Promise<number>((done, fail) => {
          const request = indexedDB.open('forecast-lab');
          request.onerror = () => fail(request.error);
          request.onsuccess = () => {
            const tx = request.result.transaction('runs', 'readwrite');
            const store = tx.objectStore('runs');
            const all = store.getAll();
            all.onsuccess = () => {
              const run = all.result[0] as { id: string; created: string };
              for (let i = 1; i <= copies; i++) store.put({ ...run, id: `${run.id}-copy-${i}`, created: new Date(Date.parse(run.created) - i * 60_000).toISOString() });
              tx.oncomplete = () => done(JSON.stringify(run).length);
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      options.copies,
    );
    await page.reload();
    await waitForSettled(page, TIMEOUT_MS);
    await page.click('[data-testid="save-notebook"]');
    await page.waitForTimeout(2 * QUIET_MS);
    await waitForSettled(page, TIMEOUT_MS);
    const timeline = await readPageTimeline(page);
    return { runs: options.copies + 1, runMb: runChars / 1e6, tasks: phaseTasks(timeline, { from: 0, to: Infinity }) };
  });
}
