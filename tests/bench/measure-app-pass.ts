import type { Browser, BrowserContext, Page } from 'playwright-core';
import { attachWorkerHeap, type HeapUsage } from './attach-worker-heap';
import { findLongTaskCulprit, TRACE_CATEGORIES, type TaskCulprit, type TraceEvent } from './find-long-task-culprit';
import { installPageProbe, longTasksIn, markAfter, readPageTimeline, type LongTaskStats, type PageTimeline } from './page-probe';

export interface FirstLoad {
  /** ms since navigation start. */
  firstContentfulPaint: number | null;
  dataLoaded: number;
  summaryFresh: number;
  /** No cell running and every chart drawn. */
  settled: number;
  longTasks: LongTaskStats;
}

export interface ImportTimes {
  rowsShown: string;
  /** Page time of the `bench:file-set` mark; the other times are ms after it. */
  fileSetAt: number;
  /** ms after the file was set on the input (the `bench:file-set` mark). */
  workerLoaded: number;
  stored: number;
  dataLoadFresh: number;
  cleanFresh: number;
  summaryFresh: number;
  chartsFresh: number;
  settled: number;
  /** Node's wall clock from the setInputFiles call to seeing explore.summary fresh (includes polling). */
  wallToSummary: number;
  /** Long tasks from the file being set to explore.summary fresh, and from then until settled + QUIET_MS. */
  duringImport: LongTaskStats;
  afterSummary: LongTaskStats;
}

export interface PassResult {
  firstLoad: FirstLoad;
  import: ImportTimes;
  workerHeap: { example: HeapUsage; exampleRetained: HeapUsage; imported: HeapUsage; importedRetained: HeapUsage } | null;
  pageHeapUsed: number | null;
  /** Everything the page marked and every long task, from page open to the import settled. */
  timeline: PageTimeline;
}

/** In one traced window: the longest main-thread task, and the one with the most CPU time (often the same). */
export interface WindowCulprits {
  wall: TaskCulprit | null;
  cpu: TaskCulprit | null;
}

/** Each traced window's culprits; null when the window was not traced. */
export interface Culprits {
  firstLoad: WindowCulprits | null;
  /** File set → explore.summary fresh. */
  duringImport: WindowCulprits | null;
  /** explore.summary fresh → settled: the charts redrawn for the new data, and any later cheap cells. */
  afterSummary: WindowCulprits | null;
}

/** Time the page is left alone after it settles, so long tasks that trail the last chart are still seen. */
const QUIET_MS = 1000;
const TIMEOUT_MS = 120_000;

/**
 * One measured pass over the built app in a fresh browser context (empty IndexedDB):
 * 1. open the page; wait for the default example's explore.summary, then for every cell and chart (settled);
 * 2. read the data worker's heap (as is, then after a full GC);
 * 3. set the CSV on the file input; wait for explore.summary fresh, then settled; read the worker's heap again;
 * 4. turn the page's marks and long tasks into figures relative to the file being set.
 */
export async function measureAppPass(browser: Browser, options: { url: string; csvPath: string; log?: (line: string) => void }): Promise<PassResult> {
  const log = options.log ?? (() => undefined);
  return withApp(browser, async (app) => {
    const { context, page } = app;
    // 1.
    const firstLoad = await loadExample(app, options.url);
    log(`  first load: explore.summary fresh at ${Math.round(firstLoad.summaryFresh)} ms`);

    // 2.
    const heap = await attachWorkerHeap(context, page, 'data.worker').catch(() => null);
    const example = await heap?.read();
    await heap?.collectGarbage();
    const exampleRetained = await heap?.read();

    // 3. and 4.
    const imported = await importFile(app, options.csvPath);
    log(`  import: explore.summary fresh ${Math.round(imported.summaryFresh)} ms after the file was set`);
    const importedHeap = await heap?.read();
    await heap?.collectGarbage();
    const importedRetained = await heap?.read();
    await heap?.detach();
    const timeline = await readPageTimeline(page);
    return {
      firstLoad,
      import: imported,
      workerHeap:
        example && exampleRetained && importedHeap && importedRetained
          ? { example, exampleRetained, imported: importedHeap, importedRetained }
          : null,
      pageHeapUsed: timeline.pageHeapUsed,
      timeline,
    };
  });
}

/**
 * The same pass under Chrome tracing (slower: for finding what a long task is made of, not for the figures):
 * the longest main-thread task of each phase asked for, taken apart. The import is skipped when not asked for.
 */
export async function traceAppPass(browser: Browser, options: { url: string; csvPath: string; firstLoad: boolean; import: boolean }): Promise<Culprits> {
  return withApp(browser, async (app) => {
    const culprits: Culprits = { firstLoad: null, duringImport: null, afterSummary: null };
    if (options.firstLoad) await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
    await loadExample(app, options.url);
    if (options.firstLoad) culprits.firstLoad = windowCulprits(await stopTracing(browser), { fromMark: 'fl:data.load:start' });
    if (options.import) {
      await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
      await importFile(app, options.csvPath);
      // Tracing restarted for the import, so the first explore.summary:end in this trace is the import's.
      const events = await stopTracing(browser);
      culprits.duringImport = windowCulprits(events, { fromMark: 'bench:file-set', toMark: 'fl:explore.summary:end' });
      culprits.afterSummary = windowCulprits(events, { fromMark: 'fl:explore.summary:end' });
    }
    return culprits;
  });
}

function windowCulprits(events: TraceEvent[], marks: { fromMark: string; toMark?: string }): WindowCulprits {
  return { wall: findLongTaskCulprit(events, { ...marks, by: 'wall' }), cpu: findLongTaskCulprit(events, { ...marks, by: 'cpu' }) };
}

interface App {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page so far. */
  errors: string[];
}

/** A fresh context (empty IndexedDB) with the probe installed; closed afterwards whatever happens. */
async function withApp<T>(browser: Browser, body: (app: App) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(installPageProbe);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return await body({ context, page, errors });
  } finally {
    await context.close();
  }
}

async function loadExample(app: App, url: string): Promise<FirstLoad> {
  const { page } = app;
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName('fl:explore.summary:end').length > 0 || document.querySelector('[data-cell][data-status="error"]') !== null,
    null,
    { polling: 50, timeout: TIMEOUT_MS },
  );
  await throwIfCellFailed(app);
  const settled = await waitForSettled(page, 0);
  await page.waitForTimeout(QUIET_MS);
  const timeline = await readPageTimeline(page);
  return {
    firstContentfulPaint: timeline.firstContentfulPaint,
    dataLoaded: need(markAfter(timeline, 'fl:data.load:end', 0), 'fl:data.load:end'),
    summaryFresh: need(markAfter(timeline, 'fl:explore.summary:end', 0), 'fl:explore.summary:end'),
    settled,
    longTasks: longTasksIn(timeline, 0, Infinity),
  };
}

async function importFile(app: App, csvPath: string): Promise<ImportTimes> {
  const { page } = app;
  const before = await page.evaluate(() => performance.now());
  const wallStart = performance.now();
  await page.setInputFiles('[data-testid="file-input"]', csvPath);
  await page.waitForFunction(
    (from) => {
      if (document.querySelector('[data-cell][data-status="error"]')) return true;
      const set = performance.getEntriesByName('bench:file-set').find((m) => m.startTime >= from);
      return set !== undefined && performance.getEntriesByName('fl:explore.summary:end').some((m) => m.startTime >= set.startTime);
    },
    before,
    { polling: 50, timeout: TIMEOUT_MS },
  );
  const wallToSummary = performance.now() - wallStart;
  await throwIfCellFailed(app);
  const settledAt = await waitForSettled(page, before);
  await page.waitForTimeout(QUIET_MS);

  const timeline = await readPageTimeline(page);
  const fileSet = need(markAfter(timeline, 'bench:file-set', before), 'bench:file-set');
  const after = (name: string) => need(markAfter(timeline, name, fileSet), name) - fileSet;
  const summaryFresh = after('fl:explore.summary:end');
  return {
    rowsShown: (await page.textContent('[data-testid="data-rows"]'))?.trim() ?? '?',
    fileSetAt: fileSet,
    workerLoaded: after('fl:import:loaded'),
    stored: after('fl:import:end'),
    dataLoadFresh: after('fl:data.load:end'),
    cleanFresh: after('fl:data.clean:end'),
    summaryFresh,
    chartsFresh: after('fl:explore.charts:end'),
    settled: settledAt - fileSet,
    wallToSummary,
    duringImport: longTasksIn(timeline, fileSet, fileSet + summaryFresh),
    afterSummary: longTasksIn(timeline, fileSet + summaryFresh, Infinity),
  };
}

async function throwIfCellFailed({ page, errors }: App): Promise<void> {
  const failed = await page.evaluate(() =>
    [...document.querySelectorAll('[data-cell][data-status="error"]')].map((c) => `${c.getAttribute('data-cell')}: ${c.querySelector('.error')?.textContent ?? ''}`),
  );
  if (failed.length > 0 || errors.length > 0) throw new Error(`the app failed: ${[...failed, ...errors].join(' | ')}`);
}

/**
 * Page time at which the page the user sees is complete after `from`: explore.charts has finished, no cell is
 * running and no chart is still rendering, and that still holds a moment later (cells run one after another, so a
 * gap between two would not last). Stale cells are not waited for: an expensive cell (training) stays stale until
 * someone clicks. Polled every 50 ms, so good to about that.
 */
async function waitForSettled(page: Page, from: number): Promise<number> {
  const settled = (since: number) => {
    if (!performance.getEntriesByName('fl:explore.charts:end').some((m) => m.startTime >= since)) return false;
    if (document.querySelector('[data-cell][data-status="running"]')) return false;
    if (document.querySelector('[data-testid="chart"][data-state="rendering"]')) return false;
    return performance.now();
  };
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    const handle = await page.waitForFunction(settled, from, { polling: 50, timeout: Math.max(1, deadline - performance.now()) });
    const at = (await handle.jsonValue()) as number;
    await page.waitForTimeout(300);
    if (await page.evaluate(settled, from)) return at;
  }
}

async function stopTracing(browser: Browser): Promise<TraceEvent[]> {
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

function need(value: number | null, what: string): number {
  if (value === null) throw new Error(`the page never marked ${what}`);
  return value;
}
