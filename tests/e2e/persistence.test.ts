import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../src/lib/notebook/config';
import { decodeConfigHash, encodeConfigHash } from '../../src/lib/notebook/url-hash';
import { configHashUnreadable, importedDatasetMissing } from '../../src/lib/messages/notebook';
import { backupMessages, storageNotices } from '../../src/lib/messages/storage';
import { formatBytes } from '../../src/lib/storage/format-bytes';
import { readBackup } from '../../src/lib/storage/read-backup';
import { launchChromium, openApp, screenshot, type AppPage } from './browser';
import { REAL_DIR, ensureLargeCsv, outputPath } from './files';
import {
  DATA_AND_EXPLORE,
  EXPLORE_CELLS,
  LONG,
  byTestId,
  cell,
  chooseFile,
  expectExploreChartsDrawn,
  expectPageAlive,
  finishedRuns,
  readConfig,
  readFacts,
  salesOverTime,
  storedDatasets,
  waitForCells,
  waitForConfig,
  waitForImport,
} from './notebook';

// What survives a reload, travels in a link, and comes back from a backup — and what a damaged link or backup,
// a reload mid-import or a cancelled import must not break. A new browser context is a new, empty profile.
const WALMART = 'walmart-store1-top10-depts-weekly.csv';
const US_RETAIL = 'us-retail-sales-monthly.csv';
/** Where most tests start: a small built-in file loads faster than generating the example. */
const START = encodeConfigHash({ ...DEFAULT_CONFIG, dataset: { kind: 'builtin', file: US_RETAIL } });

/** Everything a reader of the notebook sees that a link must reproduce. */
async function recordNotebook(page: Page) {
  await waitForCells(page);
  return {
    config: await readConfig(page),
    facts: await readFacts(page),
    columns: await byTestId(page, 'column-summary').innerText(),
    cleaning: await byTestId(page, 'clean-summary').innerText(),
    grouping: await byTestId(page, 'explore-by').inputValue(),
    overTimeMarks: (await salesOverTime(page)).marks,
  };
}

async function importReal(page: Page, file: string): Promise<void> {
  await chooseFile(page, resolve(REAL_DIR, file));
  expect(await waitForImport(page, file)).toBe('used');
  await waitForCells(page);
}

/** Go to `hash` in the same page, as a user pasting an edited link into the address bar. */
async function goToHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), hash);
}

describe('persistence, links and backups', () => {
  let browser: Browser;

  /** A new, empty profile with the app open (at `hash`, or with no hash as a first visit). */
  function open(hash?: string): Promise<AppPage> {
    return openApp(browser, hash === undefined ? {} : { hash });
  }

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reopens an imported file from this browser after a reload, with the same facts', async () => {
    const { page, errors, context } = await open(START);
    await waitForCells(page);
    await importReal(page, WALMART);
    const facts = await readFacts(page);
    expect(facts).toMatchObject({ name: WALMART, rows: '1,430', series: '10', frequency: 'weekly' });
    const hash = new URL(page.url()).hash;

    await page.reload();
    await waitForCells(page);
    expect(new URL(page.url()).hash).toBe(hash);
    expect(await readFacts(page)).toEqual(facts);
    await expectExploreChartsDrawn(page);
    expect((await storedDatasets(page)).filter((item) => item.name === WALMART)).toHaveLength(1);

    // Saved, the notebook is what the bare address opens next time, with a way back to the example.
    await byTestId(page, 'save-notebook').click();
    await expect.poll(() => byTestId(page, 'storage-notice').count()).toBe(1);
    const saved = await readConfig(page);
    const address = new URL(page.url());
    await page.goto(address.origin + address.pathname);
    await waitForCells(page);
    expect(await byTestId(page, 'resumed-note').innerText()).toContain('Opened the notebook you saved last');
    // The stage follows the scrolling; everything else is the saved notebook.
    expect({ ...(await readConfig(page)), stage: saved.stage }).toEqual(saved);
    expect(await readFacts(page)).toEqual(facts);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps an imported file whose bytes were first opened as a built-in file, and reopens it after a reload', async () => {
    const { page, errors, context } = await open(START);
    await waitForCells(page);
    await importReal(page, US_RETAIL);
    const facts = await readFacts(page);
    const hash = new URL(page.url()).hash;
    const stored = (await storedDatasets(page)).filter((item) => item.name === US_RETAIL);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.detail).toMatch(/^from us-retail-sales-monthly\.csv · 293 rows, 1 series$/);

    await page.reload();
    await waitForCells(page);
    expect(new URL(page.url()).hash).toBe(hash);
    expect(await readFacts(page)).toEqual(facts);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reproduces the example notebook from its link in a fresh profile, grouping and horizon included', async () => {
    const sender = await open();
    await waitForCells(sender.page);
    await byTestId(sender.page, 'explore-by').selectOption('key:store');
    await waitForConfig(sender.page, { explore: { by: 'key', key: 'store' } });
    const edited: NotebookConfig = { ...(await readConfig(sender.page)), horizon: 14 };
    await goToHash(sender.page, encodeConfigHash(edited));
    await waitForConfig(sender.page, { horizon: 14 });
    const sent = await recordNotebook(sender.page);
    expect(sent.config).toEqual(edited);
    expect(sent.cleaning).toContain('forecast horizon 14 periods');
    expect(sent.grouping).toBe('key:store');

    const receiver = await open(new URL(sender.page.url()).hash);
    expect(await recordNotebook(receiver.page)).toEqual(sent);
    expect(await byTestId(receiver.page, 'banner').count()).toBe(0);
    expect([...sender.errors, ...receiver.errors]).toEqual([]);
    await sender.context.close();
    await receiver.context.close();
  });

  it('reproduces a built-in dataset notebook from its link in a fresh profile, down to the series shown', async () => {
    const sender = await open(START);
    await waitForCells(sender.page);
    await byTestId(sender.page, 'dataset-select').selectOption(WALMART);
    await waitForConfig(sender.page, { dataset: { kind: 'builtin', file: WALMART } });
    await waitForCells(sender.page);
    await byTestId(sender.page, 'explore-by').selectOption('series');
    await waitForConfig(sender.page, { explore: { by: 'series' } });
    const series = (await byTestId(sender.page, 'explore-series').locator('option').allInnerTexts())[3]!;
    await byTestId(sender.page, 'explore-series').selectOption(series);
    await waitForConfig(sender.page, { explore: { by: 'series', series } });
    const sent = await recordNotebook(sender.page);
    expect(sent.facts).toMatchObject({ name: WALMART, rows: '1,430', series: '10', frequency: 'weekly' });

    const receiver = await open(new URL(sender.page.url()).hash);
    expect(await recordNotebook(receiver.page)).toEqual(sent);
    expect(await byTestId(receiver.page, 'explore-series').inputValue()).toBe(series);
    expect([...sender.errors, ...receiver.errors]).toEqual([]);
    await sender.context.close();
    await receiver.context.close();
  });

  it('explains in a fresh profile that an imported file is not stored there, and keeps working', async () => {
    const sender = await open(START);
    await waitForCells(sender.page);
    await importReal(sender.page, WALMART);
    const hash = new URL(sender.page.url()).hash;
    await sender.context.close();

    const { page, errors, context } = await open(hash);
    await waitForCells(page, { ids: ['data.load'], status: 'error' });
    expect(await cell(page, 'data.load').getByRole('alert').innerText()).toBe(importedDatasetMissing(WALMART));
    await expectPageAlive(page);
    await screenshot(page, 'persistence-imported-missing');

    await byTestId(page, 'dataset-select').selectOption('example');
    await waitForConfig(page, { dataset: { kind: 'example' } });
    await waitForCells(page);
    expect(await readFacts(page)).toMatchObject({ rows: '54,800', series: '50', frequency: 'daily' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says a link could not be read and opens the defaults', async () => {
    const { page, errors, context } = await open('#%7Bnot%20json');
    await waitForCells(page);
    expect(await byTestId(page, 'banner').innerText()).toContain(configHashUnreadable());
    expect(await readConfig(page)).toEqual(DEFAULT_CONFIG);
    expect(await readFacts(page)).toMatchObject({ rows: '54,800', series: '50', frequency: 'daily' });
    await expectExploreChartsDrawn(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names the one bad field of a tampered link, uses its default and keeps the good fields', async () => {
    const explore = { by: 'key', key: 'dept', series: null };
    const dataset = { kind: 'builtin', file: WALMART };
    const hash = '#' + encodeURIComponent(JSON.stringify({ ...DEFAULT_CONFIG, seed: -3, dataset, explore }));
    const { problems } = decodeConfigHash(hash);
    expect(problems).toHaveLength(1);
    const { page, errors, context } = await open(hash);
    await waitForCells(page);
    expect(await byTestId(page, 'banner').innerText()).toContain(problems[0]);
    const config = await readConfig(page);
    expect(config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(config.dataset).toEqual(dataset);
    expect(config.explore).toEqual(explore);
    expect(await byTestId(page, 'explore-by').inputValue()).toBe('key:dept');
    await expectExploreChartsDrawn(page);
    await screenshot(page, 'persistence-tampered-link');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs the focused cell again on Shift+Enter, and only that cell', async () => {
    const { page, errors, context } = await open(START);
    await waitForCells(page);
    const runs = async () => Object.fromEntries(await Promise.all(DATA_AND_EXPLORE.map(async (id) => [id, await finishedRuns(page, id)])));
    const before = await runs();
    // Every status the cell shows from now on, in order (a MutationObserver misses none).
    await page.evaluate(() => {
      const element = document.querySelector<HTMLElement>('[data-testid="cell-explore.summary"]')!;
      const seen: string[] = [];
      (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
      new MutationObserver(() => seen.push(element.dataset.status ?? '')).observe(element, { attributes: true, attributeFilter: ['data-status'] });
    });
    await cell(page, 'explore.summary').focus();
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => (window as unknown as { seenStatuses: string[] }).seenStatuses.at(-1) === 'fresh', null, { timeout: LONG });
    const seen = await page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
    expect(seen).toContain('running');
    expect(seen.indexOf('running')).toBeLessThan(seen.lastIndexOf('fresh'));
    expect(await runs()).toEqual({ ...before, 'explore.summary': before['explore.summary'] + 1 });
    await waitForCells(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  describe('a backup of everything stored', () => {
    let app: AppPage;
    let backupPath = '';
    let stored: Awaited<ReturnType<typeof storedDatasets>> = [];

    it('exports everything, restores it after everything was deleted, and reopens the file after a reload', async () => {
      app = await open(START);
      const { page, errors } = app;
      await waitForCells(page);
      await importReal(page, WALMART);
      const facts = await readFacts(page);
      stored = await storedDatasets(page);
      expect(stored.map((item) => item.name)).toEqual(expect.arrayContaining([US_RETAIL, WALMART]));

      const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), byTestId(page, 'storage-export').click()]);
      expect(download.suggestedFilename()).toMatch(/^forecast-lab-backup-\d{4}-\d{2}-\d{2}\.json$/);
      backupPath = outputPath('backup.json');
      await download.saveAs(backupPath);
      expect(await byTestId(page, 'storage-notice').innerText()).toBe(
        storageNotices.exported(download.suggestedFilename(), formatBytes(statSync(backupPath).size)),
      );

      const rows = page.locator('[data-testid="storage-row-datasets"], [data-testid="storage-row-configs"], [data-testid="storage-row-runs"]');
      for (let left = await rows.count(); left > 0; left--) {
        await rows.first().getByTestId('storage-delete').click();
        await rows.first().getByTestId('storage-confirm-delete').click();
        await page.waitForFunction(
          (left) =>
            document.querySelectorAll('[data-testid="storage-row-datasets"], [data-testid="storage-row-configs"], [data-testid="storage-row-runs"]')
              .length ===
            left - 1,
          left,
          { timeout: LONG },
        );
      }
      expect(await storedDatasets(page)).toEqual([]);

      const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as { datasets: unknown[]; configs: unknown[]; runs: unknown[] };
      await byTestId(page, 'storage-import').setInputFiles(backupPath);
      await byTestId(page, 'storage-notice').waitFor({ timeout: LONG });
      expect(await byTestId(page, 'storage-notice').innerText()).toBe(
        storageNotices.imported({ datasets: backup.datasets.length, configs: backup.configs.length, runs: backup.runs.length }, false),
      );
      expect(await storedDatasets(page)).toEqual(stored);

      await page.reload();
      await waitForCells(page);
      expect(await readFacts(page)).toEqual(facts);
      await expectExploreChartsDrawn(page);
      expect(await storedDatasets(page)).toEqual(stored);
      expect(errors).toEqual([]);
    });

    it('refuses a damaged backup with the reason, changing nothing', async () => {
      const { page, errors } = app;
      const text = readFileSync(backupPath, 'utf8');

      // Cut short, as an interrupted download: not JSON. The reason quotes the browser's JSON parser, so only the
      // sentence around it is compared.
      const truncated = outputPath('backup-truncated.json');
      writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
      const [head, tail] = storageNotices.importRejected('backup-truncated.json', backupMessages.notJson('\u0000')).split('\u0000');
      await byTestId(page, 'storage-import').setInputFiles(truncated);
      const error = byTestId(page, 'storage-error');
      await error.waitFor({ timeout: LONG });
      expect(await error.innerText()).toMatch(new RegExp(`^${escapeRegExp(head!)}.+${escapeRegExp(tail!)}$`));
      expect(await storedDatasets(page)).toEqual(stored);

      // One character of the imported file changed: its content no longer matches its hash.
      const backup = JSON.parse(text) as { datasets: { content: { data: string } | null }[] };
      const dataset = backup.datasets.find((d) => d.content !== null)!;
      dataset.content!.data = dataset.content!.data.replace('1', '2');
      const tamperedText = JSON.stringify(backup);
      const tampered = outputPath('backup-tampered.json');
      writeFileSync(tampered, tamperedText);
      const verdict = await readBackup(tamperedText);
      expect(verdict.ok).toBe(false);
      await byTestId(page, 'storage-dismiss').click();
      await byTestId(page, 'storage-import').setInputFiles(tampered);
      await error.waitFor({ timeout: LONG });
      expect(await error.innerText()).toBe(storageNotices.importRejected('backup-tampered.json', verdict.ok ? '' : verdict.reason));
      expect(await storedDatasets(page)).toEqual(stored);
      await screenshot(page, 'persistence-damaged-backup', { fullPage: true });
      expect(errors).toEqual([]);
      await app.context.close();
    });
  });

  describe('a large file while it loads', () => {
    let largeCsv = '';

    beforeAll(() => {
      largeCsv = ensureLargeCsv(40);
    });

    it('survives a reload in the middle of loading a 40 MB file, with the notebook working and storage intact', async () => {
      const { page, errors, context } = await open(START);
      await waitForCells(page);
      const facts = await readFacts(page);
      const hash = new URL(page.url()).hash;
      const stored = await storedDatasets(page);

      await chooseFile(page, largeCsv);
      await byTestId(page, 'progress').waitFor({ state: 'visible', timeout: LONG });
      await page.reload();
      await waitForCells(page);
      expect(new URL(page.url()).hash).toBe(hash);
      expect(await readFacts(page)).toEqual(facts);
      await expectExploreChartsDrawn(page);
      expect(await storedDatasets(page)).toEqual(stored);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('cancelling a large import stops it and leaves a working notebook', async () => {
      const { page, errors, context } = await open(START);
      await waitForCells(page);
      await chooseFile(page, largeCsv);
      await byTestId(page, 'progress').waitFor({ state: 'visible', timeout: LONG });
      await byTestId(page, 'cancel-load').click();
      await byTestId(page, 'progress').waitFor({ state: 'detached', timeout: LONG });
      await expectPageAlive(page);
      await waitForCells(page);
      await waitForCells(page, { ids: EXPLORE_CELLS });
      expect(await byTestId(page, 'file-input').isEnabled()).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
