import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BuiltinFile } from '../../src/lib/notebook/config';
import { cellTexts } from '../../src/lib/messages/notebook';
import { launchChromium, openApp, screenshotOf, type AppPage } from './browser';
import { REAL_DIR } from './files';
import {
  LONG,
  byTestId,
  cell,
  chooseFile,
  expectExploreChartsDrawn,
  finishedRuns,
  readFacts,
  waitForCells,
  waitForConfig,
  waitForImport,
} from './notebook';

// The three real public datasets (datasets/README.md): three frequencies, three ways of naming columns. Each is
// imported as a user would (the file dialog), then picked from the built-in list, which serves the same bytes.
interface RealCase {
  title: string;
  file: BuiltinFile;
  shot: string;
  frequency: string;
  rows: string;
  series: string;
  date: string;
  sales: string;
  keys: string[];
  covariates: string[];
  /** The networks ticked on the Train stage by default (MLP and CNN only from MIN_ROWS_FOR_NETWORKS training rows). */
  networks: string[];
}

const CASES: RealCase[] = [
  {
    title: 'store-item daily',
    file: 'store-item-demand-10-series.csv',
    shot: 'store-item',
    frequency: 'daily',
    rows: '18,260',
    series: '10',
    date: 'date',
    sales: 'sales',
    keys: ['store', 'item'],
    covariates: [],
    networks: ['ridge', 'mlp', 'cnn'],
  },
  {
    title: 'walmart weekly',
    file: 'walmart-store1-top10-depts-weekly.csv',
    shot: 'walmart',
    frequency: 'weekly',
    rows: '1,430',
    series: '10',
    date: 'date',
    sales: 'sales',
    keys: ['store', 'dept'],
    covariates: ['isholiday'],
    networks: ['ridge'],
  },
  {
    title: 'US retail monthly',
    file: 'us-retail-sales-monthly.csv',
    shot: 'us-retail',
    frequency: 'monthly',
    rows: '293',
    series: '1',
    date: 'ds',
    sales: 'y',
    keys: [],
    covariates: [],
    networks: ['ridge'],
  },
];

function headerOf(file: string): string[] {
  const text = readFileSync(resolve(REAL_DIR, file), 'utf8');
  return text.slice(0, text.indexOf('\n')).trim().split(',');
}

/** The facts, the detected mapping (summary line and editor) and a clean report, for one real dataset. */
async function expectLoadedAs(page: Page, expected: RealCase): Promise<void> {
  expect(await readFacts(page)).toEqual({ name: expected.file, rows: expected.rows, series: expected.series, frequency: expected.frequency });

  const mapping = page.locator('details:has([data-testid="mapping"])');
  const summary = await mapping.locator('summary').innerText();
  expect(summary).toContain(`date ${expected.date}, sales ${expected.sales}`);
  expect(summary).toContain(`series keys ${expected.keys.length > 0 ? expected.keys.join(' + ') : 'none (one series)'}`);
  expect(summary).toContain(`covariates ${expected.covariates.length > 0 ? expected.covariates.join(', ') : 'none'}`);
  if ((await mapping.getAttribute('open')) === null) await mapping.locator('summary').click();
  expect(await byTestId(page, 'map-date').inputValue()).toBe(expected.date);
  expect(await byTestId(page, 'map-sales').inputValue()).toBe(expected.sales);
  for (const column of headerOf(expected.file).filter((c) => c !== expected.date && c !== expected.sales)) {
    const row = byTestId(page, `map-row-${column}`);
    expect(await row.getByLabel(`${column} is a series key`, { exact: true }).isChecked(), `${column} as key`).toBe(expected.keys.includes(column));
    expect(await row.getByLabel(`${column} is a covariate`, { exact: true }).isChecked(), `${column} as covariate`).toBe(
      expected.covariates.includes(column),
    );
  }
  await mapping.locator('summary').click();

  const issues = await cell(page, 'data.clean')
    .locator('[data-testid^="issue-"]')
    .evaluateAll((items) => items.map((item) => ({ kind: item.getAttribute('data-testid'), error: item.classList.contains('error') })));
  expect(issues.filter((issue) => issue.error)).toEqual([]);
  expect(await byTestId(page, 'clean-summary').innerText()).toContain(`${expected.rows} rows in ${expected.series} series, ${expected.frequency}`);

  // The Train stage's default networks follow the training rows, and say so when some are left out.
  const ticked = await byTestId(page, 'model-table')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.filter((row) => row.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).map((row) => row.getAttribute('data-testid')));
  expect(ticked).toEqual(expected.networks.map((kind) => `model-${kind}`));
  expect(await byTestId(page, 'networks-left-out').count()).toBe(expected.networks.length < 3 ? 1 : 0);
}

describe('the real datasets', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser);
    await waitForCells(app.page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(CASES)('imports $title through the file input and explores it', async (expected) => {
    const { page, errors } = app;
    await chooseFile(page, resolve(REAL_DIR, expected.file));
    expect(await waitForImport(page, expected.file)).toBe('used');
    await waitForCells(page);
    await expectLoadedAs(page, expected);
    await expectExploreChartsDrawn(page);
    await screenshotOf(byTestId(page, 'stage-data'), `import-${expected.shot}-data`);
    await screenshotOf(byTestId(page, 'stage-explore'), `import-${expected.shot}-explore`);
    expect(errors).toEqual([]);
  });

  it('imports the file in use once more and keeps it cleaned and explorable', async () => {
    const { page, errors } = app;
    const again = CASES.at(-1)!;
    if ((await readFacts(page)).name !== again.file) {
      await chooseFile(page, resolve(REAL_DIR, again.file));
      expect(await waitForImport(page, again.file)).toBe('used');
      await waitForCells(page);
    }
    const imports = await page.evaluate(() => performance.getEntriesByName('fl:import:end').length);
    await chooseFile(page, resolve(REAL_DIR, again.file));
    await page.waitForFunction((imports) => performance.getEntriesByName('fl:import:end').length > imports, imports, { timeout: LONG });
    // Same bytes, same configuration: the cleaned table must come back, or Explore has nothing left to read.
    await byTestId(page, 'clean-summary').waitFor({ state: 'visible', timeout: LONG });
    await waitForCells(page);
    await expectLoadedAs(page, again);
    const summaries = await finishedRuns(page, 'explore.summary');
    await cell(page, 'explore.summary').getByRole('button', { name: cellTexts.run }).click();
    await page.waitForFunction((summaries) => performance.getEntriesByName('fl:explore.summary:end').length > summaries, summaries, {
      timeout: LONG,
    });
    await waitForCells(page);
    await expectExploreChartsDrawn(page);
    expect(errors).toEqual([]);
  });

  it.each(CASES)('opens $title from the built-in list, the same as imported', async (expected) => {
    const { page, errors } = app;
    await byTestId(page, 'dataset-select').selectOption(expected.file, { timeout: LONG });
    await waitForConfig(page, { dataset: { kind: 'builtin', file: expected.file } });
    await waitForCells(page);
    await expectLoadedAs(page, expected);
    await expectExploreChartsDrawn(page);
    expect(errors).toEqual([]);
  });
});
