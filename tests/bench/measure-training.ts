import type { Browser, Page } from 'playwright-core';
import type { RunMetrics } from '../../src/lib/runs/types';
import { findLongTaskCulprit, TRACE_CATEGORIES, type TraceEvent } from './find-long-task-culprit';
import type { WindowCulprits } from './measure-app-pass';
import { samplePageHeap, type PageHeapPeak } from './attach-worker-heap';
import { installPageProbe, longTasksIn, markAfter, readPageTimeline, type PageTimeline } from './page-probe';

/** A long task, in ms after the click on Run. */
export interface TaskAfterClick {
  start: number;
  duration: number;
}

export interface TrainingLongTasks {
  count50: number;
  count100: number;
  longest: TaskAfterClick | null;
}

export interface ModelEpochs {
  model: string;
  /** Epochs run per backtest window (early stopping may end a window before its spec's epochs). */
  epochs: number[];
  /** Mean of the worker's EpochReport.ms over every epoch of every window. */
  meanEpochMs: number;
}

export interface TrainingPass {
  backend: string;
  /** Click on Run → train.models fresh; and → everything drawn (the Evaluate stage's charts included). */
  trainedMs: number;
  settledMs: number;
  models: ModelEpochs[];
  /** Click → train.models fresh, then → settled + a quiet second. */
  duringTraining: TrainingLongTasks;
  afterTraining: TrainingLongTasks;
  /** The five longest tasks of the whole window, longest first. */
  top: TaskAfterClick[];
  /**
   * The page's own heap (not the workers') from the click on Run until the page settled: JS heap used and array buffers,
   * sampled every HEAP_EVERY_MS as they are (no GC forced: that would add main-thread tasks to the figures above).
   */
  pageHeap: PageHeapPeak | null;
  /** The page's marks and long tasks, and the page time of the click on Run. */
  timeline: PageTimeline;
  clickAt: number;
}

const CLICK_MARK = 'bench:train-click';
const QUIET_MS = 1000;
const HEAP_EVERY_MS = 250;
const TIMEOUT_MS = 300_000;

/**
 * Training the default example through the UI, as a user: open the app at `hash` (empty: the defaults) in a fresh
 * context with the long-task probe, wait until everything cheap has run and drawn, click the Train cell's Run
 * button, wait for train.models fresh and for the Evaluate stage to be drawn, and read the long tasks (Long Tasks
 * API) from the click on. The stored run says which backend trained and how many epochs each model ran.
 */
export async function measureTrainingPass(browser: Browser, options: { url: string; hash?: string }): Promise<TrainingPass> {
  return withPage(browser, async (page) => {
    let stopHeap = async (): Promise<PageHeapPeak | null> => null;
    const { clickAt, trainedAt, settledAt } = await trainOnce(page, options.url + (options.hash ?? ''), {
      beforeClick: async () => {
        const sampler = await samplePageHeap(page.context(), page, { everyMs: HEAP_EVERY_MS });
        stopHeap = () => sampler.stop();
      },
    });
    const pageHeap = await stopHeap();
    const timeline = await readPageTimeline(page);
    const stats = (from: number, to: number): TrainingLongTasks => {
      const inside = longTasksIn(timeline, from, to);
      const longest = inside.longest && { start: inside.longest.start - clickAt, duration: inside.longest.duration };
      return { count50: inside.count50, count100: tasksIn(timeline, from, to).filter((t) => t.duration > 100).length, longest };
    };
    const top = tasksIn(timeline, clickAt, Infinity)
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 5)
      .map((t) => ({ start: t.start - clickAt, duration: t.duration }));
    const backend = ((await page.textContent('[data-testid="backend-used"] strong')) ?? '').trim();
    return {
      backend,
      trainedMs: trainedAt - clickAt,
      settledMs: settledAt - clickAt,
      models: await storedEpochs(page),
      duringTraining: stats(clickAt, trainedAt),
      afterTraining: stats(trainedAt, Infinity),
      top,
      pageHeap,
      timeline,
      clickAt,
    };
  });
}

/** The same under Chrome tracing (slower; for taking the longest task apart, not for the figures). */
export async function traceTrainingPass(browser: Browser, options: { url: string; hash?: string }): Promise<WindowCulprits> {
  return withPage(browser, async (page) => {
    let tracing = false;
    await trainOnce(page, options.url + (options.hash ?? ''), {
      beforeClick: async () => {
        await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
        tracing = true;
        // The page's first task under tracing carries the profiler's start-up (a few hundred ms): let it pass, so
        // the task that marks the click is not mistaken for the longest one.
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
    return {
      wall: findLongTaskCulprit(events, { fromMark: CLICK_MARK, by: 'wall' }),
      cpu: findLongTaskCulprit(events, { fromMark: CLICK_MARK, by: 'cpu' }),
    };
  });
}

/** A fresh context (empty IndexedDB) with the long-task probe; throws when the page had an uncaught error. */
export async function withPage<T>(browser: Browser, body: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(installPageProbe);
    // Page callbacks that define functions of their own (the e2e helpers of tests/e2e/notebook.ts do) reach the page
    // wrapped in tsx's __name() (esbuild keepNames), which the page lacks: an identity stands in for it.
    await page.addInitScript('globalThis.__name ??= (target) => target;');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const result = await body(page);
    if (errors.length > 0) throw new Error(`the app failed: ${errors.join(' | ')}`);
    return result;
  } finally {
    await context.close();
  }
}

export interface TrainOptions {
  beforeClick?: () => Promise<void>;
  /** Limit of each wait (page ready, training, settling); default 5 minutes. */
  timeoutMs?: number;
}

/**
 * Open `url`, wait until everything cheap has run and drawn, click the Train cell's Run button as a user, wait for
 * train.models to end (fresh) and the page to settle. Returns the page times of the click, of train.models' end mark
 * and of the page settling after it.
 */
export async function trainOnce(page: Page, url: string, hooks: TrainOptions = {}) {
  const timeout = hooks.timeoutMs ?? TIMEOUT_MS;
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName('fl:features.build:end').length > 0 || document.querySelector('[data-cell][data-status="error"]') !== null,
    null,
    { polling: 100, timeout },
  );
  await throwIfCellFailed(page);
  await waitForSettled(page, timeout);
  // The app readies the train worker (tfjs, the backend probe) when the Train stage comes into view; the click comes
  // once that is done, as it would for anyone who reads the stage for a few seconds before pressing Run.
  await page.locator('[data-testid="cell-train.models"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => performance.getEntriesByName('fl:train-worker:ready').length > 0, null, { polling: 100, timeout });
  const warmUpMs = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return at('fl:train-worker:ready') - at('fl:train-worker:warm-up');
  });
  await hooks.beforeClick?.();
  const clickAt = await page.evaluate((name) => performance.mark(name).startTime, CLICK_MARK);
  await page.click('[data-testid="cell-train.models"] button.run');
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('fl:train.models:end').length > 0 ||
      document.querySelector('[data-testid="cell-train.models"]')?.getAttribute('data-status') === 'error',
    null,
    { polling: 250, timeout },
  );
  await throwIfCellFailed(page);
  const timeline = await readPageTimeline(page);
  const trainedAt = markAfter(timeline, 'fl:train.models:end', clickAt);
  if (trainedAt === null) throw new Error('the page never marked fl:train.models:end');
  const settledAt = await waitForSettled(page, timeout);
  await page.waitForTimeout(QUIET_MS);
  return { clickAt, trainedAt, settledAt, warmUpMs };
}

/** Page time at which no cell runs and no chart renders, still true 300 ms later (polled every 50 ms). */
export async function waitForSettled(page: Page, timeout = TIMEOUT_MS): Promise<number> {
  const settled = () =>
    document.querySelector('[data-cell][data-status="running"]') === null && document.querySelector('[data-testid="chart"][data-state="rendering"]') === null
      ? performance.now()
      : false;
  for (;;) {
    const at = (await (await page.waitForFunction(settled, null, { polling: 50, timeout })).jsonValue()) as number;
    await page.waitForTimeout(300);
    if (await page.evaluate(settled)) return at;
  }
}

async function throwIfCellFailed(page: Page): Promise<void> {
  const failed = await page.evaluate(() =>
    [...document.querySelectorAll('[data-cell][data-status="error"]')].map((c) => `${c.getAttribute('data-cell')}: ${c.querySelector('.error')?.textContent ?? ''}`),
  );
  if (failed.length > 0) throw new Error(`the app failed: ${failed.join(' | ')}`);
}

function tasksIn(timeline: PageTimeline, from: number, to: number): { start: number; duration: number }[] {
  return timeline.longTasks.filter((t) => t.start >= from && t.start < to);
}

/** Epochs and epoch times of the newest stored run, per neural model. */
async function storedEpochs(page: Page): Promise<ModelEpochs[]> {
  return ((await newestRunMetrics(page))?.models ?? [])
    .filter((m) => m.family === 'neural')
    .map((m) => {
      const epochs = m.windows.flatMap((w) => w.history.map((h) => h.ms));
      return {
        model: m.name,
        epochs: m.windows.map((w) => w.history.length),
        meanEpochMs: epochs.reduce((a, b) => a + b, 0) / Math.max(1, epochs.length),
      };
    });
}

/** The metrics of the newest run in this profile's IndexedDB, read as stored; null when there is none (or no metrics). */
export function newestRunMetrics(page: Page): Promise<RunMetrics | null> {
  return page.evaluate(
    () =>
      new Promise<RunMetrics | null>((done, fail) => {
        const request = indexedDB.open('forecast-lab');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('runs').objectStore('runs').getAll();
          all.onerror = () => fail(all.error);
          all.onsuccess = () => {
            db.close();
            const runs = all.result as { created: string; metrics: RunMetrics | null }[];
            done(runs.sort((a, b) => b.created.localeCompare(a.created))[0]?.metrics ?? null);
          };
        };
      }),
  );
}
