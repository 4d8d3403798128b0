import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { STAGES } from '../../src/lib/notebook/stages';
import { cellTexts } from '../../src/lib/messages/notebook';
import { launchChromium, openApp, screenshot, screenshotOf, type AppPage } from './browser';
import { expectAccessible } from './axe';
import {
  EXPLORE_CELLS,
  LONG,
  byTestId,
  cell,
  expectExploreChartsDrawn,
  finishedRuns,
  readConfig,
  readFacts,
  salesOverTime,
  waitForCells,
  waitForConfig,
} from './notebook';

// A first visit: an empty profile, no hash. The notebook must load the generated example on its own and explore it.
describe('the example notebook on a first visit', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads the generated example, checks it and explores it without being asked', async () => {
    const { page, errors } = app;
    await waitForCells(page);

    const facts = await readFacts(page);
    expect(facts).toMatchObject({ rows: '54,800', series: '50', frequency: 'daily' });
    expect(facts.name).toMatch(/^Product-sales example \(seed 42,/);
    await byTestId(page, 'validation-ok').waitFor({ timeout: LONG });
    expect(await byTestId(page, 'clean-summary').innerText()).toContain('54,800 rows in 50 series, daily');

    const charts = await expectExploreChartsDrawn(page);
    expect(charts.map((chart) => chart.label)).toEqual(
      expect.arrayContaining([
        'Sales over time',
        'Distribution of sales',
        'Promotion uplift',
        'Price against sales',
        'Decomposition of total sales',
      ]),
    );
    for (const column of ['date', 'store', 'product', 'sales', 'price', 'promo', 'holiday', 'stockout']) {
      expect(await byTestId(page, `summary-${column}`).innerText(), column).toMatch(new RegExp(`^${column}\\b`));
    }
    expect(await byTestId(page, 'promo-uplift').innerText()).toMatch(/^Promotion days sell [+−-]?\d+% against comparable days/);
    expect(await byTestId(page, 'price-elasticity').innerText()).toMatch(/^Price elasticity ≈ [−-]?\d/);
    expect(await byTestId(page, 'outlier-count').innerText()).toMatch(/outlier rows in \d+ series/);
    expect(errors).toEqual([]);
  });

  it('shows Data and Explore fresh in the rail, and every stage with its explanation and its cells', async () => {
    const { page, errors } = app;
    for (const id of ['data', 'explore']) {
      expect(await byTestId(page, `rail-${id}`).locator('[data-status]').getAttribute('data-status'), id).toBe('fresh');
    }
    // All ten stages are built now: none may say "not built yet", each has its cells (Evaluate: its report panel).
    expect(STAGES.filter((stage) => !stage.built)).toEqual([]);
    for (const stage of STAGES) {
      const section = byTestId(page, `stage-${stage.id}`);
      await section.getByText(stage.explanation).waitFor({ state: 'visible', timeout: LONG });
      expect(await byTestId(page, `rail-${stage.id}`).innerText(), stage.id).not.toContain(cellTexts.notBuilt);
      expect(await section.locator('[data-cell], [data-testid="evaluate-panel"]').count(), stage.id).toBeGreaterThan(0);
    }
    // Screenshots for people to look at (never compared): every stage section, then the whole page.
    for (const stage of STAGES) await screenshotOf(byTestId(page, `stage-${stage.id}`), `stage-${stage.id}`);
    await screenshot(page, 'example-full-page', { fullPage: true });
    // The first screen as a screen-reader or keyboard user meets it: axe finds nothing critical or serious.
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  it('is usable from the keyboard: the skip link and the rail move focus into a stage, Run keeps it, every focus shows', async () => {
    const { page, errors } = app;
    const inStage = (id: string) => page.evaluate((id) => document.activeElement?.closest(`#stage-${id}`) != null, id);
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    // Tab from the top of the page: the first stop is the skip link; Enter on it lands on the stage in view (the Scope,
    // at the top), and the next Tab stays in that stage.
    await page.evaluate(() => window.scrollTo(0, 0));
    await waitForConfig(page, { stage: 'scope' });
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await focusedId()).toBe('stage-title-scope');
    await page.keyboard.press('Tab');
    expect(await inStage('scope')).toBe(true);
    // Enter on a stage in the rail opens it and takes focus there, not back to the rail.
    await byTestId(page, 'rail-explore').focus();
    await page.keyboard.press('Enter');
    await waitForConfig(page, { stage: 'explore' });
    expect(await focusedId()).toBe('stage-title-explore');
    await page.keyboard.press('Tab');
    expect(await inStage('explore')).toBe(true);
    // Enter on a cell's Run button runs it, and focus is still on the button afterwards.
    const run = cell(page, 'explore.charts').getByRole('button', { name: cellTexts.run, exact: true });
    const runsBefore = await finishedRuns(page, 'explore.charts');
    await run.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => finishedRuns(page, 'explore.charts'), { timeout: LONG }).toBeGreaterThan(runsBefore);
    await waitForCells(page, { ids: EXPLORE_CELLS });
    expect(await run.evaluate((button) => button === document.activeElement)).toBe(true);
    // The file input is drawn by its label: focused from the keyboard, the label shows the focus ring.
    await byTestId(page, 'file-input').focus();
    expect(await byTestId(page, 'file-input').evaluate((input) => getComputedStyle(input.closest('label')!).outlineStyle)).toBe('solid');
    expect(errors).toEqual([]);
  });

  it('regroups sales over time by store, then shows one chosen series, and redraws the chart each time', async () => {
    const { page, errors } = app;
    const total = await salesOverTime(page);

    await byTestId(page, 'explore-by').selectOption('key:store');
    await waitForConfig(page, { explore: { by: 'key', key: 'store' } });
    await waitForCells(page, { ids: EXPLORE_CELLS });
    const byStore = await salesOverTime(page);
    expect(byStore.state).toBe('ready');
    // One line per store (5) draws more points than the one total line.
    expect(byStore.marks).toBeGreaterThan(total.marks);
    await screenshotOf(byTestId(page, 'cell-explore.charts'), 'example-sales-by-store');

    await byTestId(page, 'explore-by').selectOption('series');
    await waitForConfig(page, { explore: { by: 'series' } });
    const labels = await byTestId(page, 'explore-series').locator('option').allInnerTexts();
    expect(labels.length).toBe(50);
    const chosen = labels[7]!;
    await byTestId(page, 'explore-series').selectOption(chosen);
    await waitForConfig(page, { explore: { by: 'series', series: chosen } });
    await waitForCells(page, { ids: EXPLORE_CELLS });
    const one = await salesOverTime(page);
    expect(one.state).toBe('ready');
    expect(one.marks).toBeGreaterThan(0);
    expect(one.marks).toBeLessThan(byStore.marks);
    expect((await readConfig(page)).explore).toEqual({ by: 'series', key: 'store', series: chosen });
    await screenshotOf(byTestId(page, 'cell-explore.charts'), 'example-one-series');
    expect(errors).toEqual([]);
  });
});

// A tab opened in the background draws no frames: the stages that mount one per frame (App.svelte) must still come,
// each after the fallback timer, and the cells must run. requestAnimationFrame is made a no-op before the app loads.
describe('the notebook in a tab that draws no frames', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('mounts every stage and the Storage panel, and runs the first cells', async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    await context.addInitScript('window.requestAnimationFrame = () => 0;');
    const { page, errors } = await openApp(browser, { context });
    // Polled on a timer: playwright's default polling waits for frames, which this page never draws.
    const ready = await page.waitForFunction(
      (ids) => {
        const built = ids.every((id) => document.querySelector(`[data-testid="stage-${id}"] [data-cell], [data-testid="stage-${id}"] [data-testid="evaluate-panel"]`));
        const cells = ['data.load', 'data.clean'].map((id) => document.querySelector(`[data-testid="cell-${id}"]`)?.getAttribute('data-status'));
        return built && document.querySelector('[data-testid="storage-panel"]') !== null && cells.every((status) => status === 'fresh') ? cells : false;
      },
      STAGES.map((stage) => stage.id),
      { polling: 100, timeout: LONG },
    );
    expect(await ready.jsonValue()).toEqual(['fresh', 'fresh']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
