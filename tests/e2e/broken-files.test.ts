import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { IssueKind } from '../../src/lib/data/types';
import { MAX_FILE_BYTES } from '../../src/lib/data/check-file-size';
import * as messages from '../../src/lib/messages/data';
import { DEFAULT_CONFIG } from '../../src/lib/notebook/config';
import { encodeConfigHash } from '../../src/lib/notebook/url-hash';
import { launchChromium, openApp, screenshotOf, type AppPage } from './browser';
import { BROKEN_DIR, garbageBytes } from './files';
import {
  EXPLORE_CELLS,
  LONG,
  byTestId,
  cell,
  chooseFile,
  expectPageAlive,
  readConfig,
  readFacts,
  settledCharts,
  storedDatasets,
  waitForCells,
  waitForConfig,
  waitForImport,
  type FileToImport,
  type StoredItem,
} from './notebook';

// Every file in tests/fixtures/broken (their README: file → issue), imported through the page. Errors leave nothing
// to use: the app refuses the file, says why, and keeps the data in use. Warnings load with the problem reported
// and a choice of what to do. Either way the page stays up, the console stays quiet and stored datasets stay put.
// The notebook runs with a forecast horizon of 2 days, the one too-short.csv documents (minimum 2 × 2 + 7 = 11 days).
const HORIZON = 2;

interface BrokenCase {
  file: string;
  kind: IssueKind;
  count: number;
  message: string;
  severity: 'error' | 'warning';
}

// too-short.csv first: most tiny fixtures are also "too short", so its issue must not be left over from another.
const CASES: BrokenCase[] = [
  {
    file: 'too-short.csv',
    kind: 'series-too-short',
    count: 1,
    message: messages.seriesTooShort({ count: 1, minLength: 11, horizon: HORIZON, frequency: 'daily' }),
    severity: 'warning',
  },
  { file: 'empty.csv', kind: 'empty-file', count: 0, message: messages.emptyFile(), severity: 'error' },
  { file: 'header-only.csv', kind: 'header-only', count: 0, message: messages.headerOnly(3), severity: 'error' },
  { file: 'wrong-delimiter.csv', kind: 'wrong-delimiter', count: 4, message: messages.wrongDelimiter(',', ';'), severity: 'error' },
  {
    file: 'runaway-quote.csv',
    kind: 'runaway-quote',
    count: 1,
    message: messages.runawayQuote({ line: 4, lines: 8, closed: false, count: 1 }),
    severity: 'error',
  },
  { file: 'missing-column.csv', kind: 'missing-column', count: 1, message: messages.missingColumn('sales', ''), severity: 'error' },
  { file: 'ragged.csv', kind: 'ragged-rows', count: 1, message: messages.raggedRows(1, 3), severity: 'warning' },
  { file: 'bad-dates.csv', kind: 'unparseable-date', count: 2, message: messages.unparseableDate(2, 'date'), severity: 'warning' },
  { file: 'text-in-sales.csv', kind: 'non-numeric-sales', count: 2, message: messages.nonNumericSales(2, 'sales'), severity: 'warning' },
  { file: 'negative-sales.csv', kind: 'negative-sales', count: 2, message: messages.negativeSales(2), severity: 'warning' },
  { file: 'missing-sales.csv', kind: 'missing-sales', count: 2, message: messages.missingSales(2), severity: 'warning' },
  { file: 'missing-covariate.csv', kind: 'missing-covariate', count: 2, message: messages.missingCovariate(2, ['price']), severity: 'warning' },
  {
    file: 'non-numeric-covariate.csv',
    kind: 'non-numeric-covariate',
    count: 1,
    message: messages.nonNumericCovariate(1, ['price']),
    severity: 'warning',
  },
  { file: 'duplicates.csv', kind: 'duplicate-rows', count: 2, message: messages.duplicateRows(2), severity: 'warning' },
  { file: 'gaps.csv', kind: 'gaps', count: 3, message: messages.gapsInDates(3, 'daily', 1), severity: 'warning' },
  { file: 'mixed-frequency.csv', kind: 'mixed-frequency', count: 1, message: messages.mixedFrequency(1, 'daily'), severity: 'warning' },
];

/** What must not change when a file is refused: the data in use, the notebook's link, what is stored. */
interface Before {
  facts: Awaited<ReturnType<typeof readFacts>>;
  hash: string;
  stored: StoredItem[];
}

async function before(page: Page): Promise<Before> {
  return { facts: await readFacts(page), hash: new URL(page.url()).hash, stored: await storedDatasets(page) };
}

/** The refusal names the file and shows the issue; nothing the user had is touched. */
async function expectRefused(page: Page, name: string, was: Before): Promise<Locator> {
  const rejected = byTestId(page, 'rejected-file');
  await rejected.waitFor({ state: 'visible', timeout: LONG });
  expect(await rejected.innerText()).toContain(`“${name}”`);
  expect(await readFacts(page)).toEqual(was.facts);
  expect(new URL(page.url()).hash).toBe(was.hash);
  await waitForCells(page);
  expect(await storedDatasets(page)).toEqual(was.stored);
  return rejected;
}

async function expectIssue(scope: Locator, kind: IssueKind, expected: { count: number; message: string }): Promise<void> {
  const item = byTestId(scope, `issue-${kind}`);
  await item.waitFor({ state: 'visible', timeout: LONG });
  expect(await item.getAttribute('data-count')).toBe(String(expected.count));
  expect(await item.innerText()).toContain(expected.message);
}

describe('broken files imported through the page', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, { hash: encodeConfigHash({ ...DEFAULT_CONFIG, horizon: HORIZON }) });
    await waitForCells(app.page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(CASES)('reports $kind for $file and keeps the page and the stored datasets', async ({ file, kind, count, message, severity }) => {
    const { page, errors } = app;
    const was = await before(page);
    await chooseFile(page, resolve(BROKEN_DIR, file));
    const outcome = await waitForImport(page, file);

    if (severity === 'error') {
      expect(outcome).toBe('rejected');
      const rejected = await expectRefused(page, file, was);
      await expectIssue(rejected, kind, { count, message });
    } else {
      expect(outcome).toBe('used');
      await waitForCells(page);
      expect((await readFacts(page)).name).toBe(file);
      expect((await readConfig(page)).horizon).toBe(HORIZON);
      await expectIssue(cell(page, 'data.clean'), kind, { count, message });
      // The file was kept beside what was stored before, which is all still there as it was.
      const stored = await storedDatasets(page);
      expect(stored).toEqual(expect.arrayContaining(was.stored));
      expect(stored.map((item) => item.name)).toContain(file);
      // Explore still draws what there is (tiny files may leave a chart empty, never broken).
      expect((await settledCharts(page)).filter((chart) => chart.state === 'error')).toEqual([]);
    }
    await expectPageAlive(page);
    // Pictures of each refusal and of one report with warnings (large screenshots cost seconds on a slow machine).
    if (severity === 'error' || file === 'ragged.csv') await screenshotOf(byTestId(page, 'stage-data'), `broken-${file.replace(/\.csv$/, '')}`);
    expect(errors).toEqual([]);
  });

  it('refuses an empty 0-byte file made on the spot', async () => {
    const { page, errors } = app;
    const was = await before(page);
    const file: FileToImport = { name: 'nothing-here.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) };
    await chooseFile(page, file);
    expect(await waitForImport(page, file.name)).toBe('rejected');
    const rejected = await expectRefused(page, file.name, was);
    await expectIssue(rejected, 'empty-file', { count: 0, message: messages.emptyFile() });
    await expectPageAlive(page);
    expect(errors).toEqual([]);
  });

  it('refuses a binary file that is not a table at all', async () => {
    const { page, errors } = app;
    const was = await before(page);
    const file: FileToImport = { name: 'photo.bin', mimeType: 'application/octet-stream', buffer: garbageBytes(64 * 1024) };
    await chooseFile(page, file);
    expect(await waitForImport(page, file.name)).toBe('rejected');
    const rejected = await expectRefused(page, file.name, was);
    const issues = await rejected
      .locator('[data-testid^="issue-"]')
      .evaluateAll((items) => items.map((item) => ({ kind: item.getAttribute('data-testid'), error: item.classList.contains('error') })));
    expect(issues.some((issue) => issue.error)).toBe(true);
    await expectPageAlive(page);
    await screenshotOf(byTestId(page, 'stage-data'), 'broken-binary');
    expect(errors).toEqual([]);
  });

  it('refuses a file over 100 MB dropped on the drop zone, saying it is too large', async () => {
    const { page, errors } = app;
    const was = await before(page);
    const name = 'sales-export-too-big.csv';
    const bytes = MAX_FILE_BYTES + 1024 * 1024;
    // Over Playwright's limit for a file handed over as a buffer, so the File is made in the page and dropped with a
    // synthetic drop event carrying it, as the browser does for a file dragged from the desktop. Its content is a
    // valid CSV, so only its size can be the reason to refuse it.
    await page.evaluate(
      ({ name, bytes }) => {
        const data = new Uint8Array(bytes);
        const header = new TextEncoder().encode('date,sales\n');
        const line = new TextEncoder().encode('2024-01-01,1\n');
        data.set(header);
        let filled = header.length;
        for (; filled + line.length <= bytes && filled < header.length + line.length * 1024; filled += line.length) data.set(line, filled);
        while (filled * 2 <= bytes) {
          data.copyWithin(filled, header.length, filled);
          filled = filled + (filled - header.length);
        }
        data.copyWithin(filled, header.length, header.length + (bytes - filled));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], name, { type: 'text/csv' }));
        const zone = document.querySelector('[data-testid="drop-zone"]');
        zone?.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        zone?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { name, bytes },
    );
    expect(await waitForImport(page, name)).toBe('rejected');
    const rejected = await expectRefused(page, name, was);
    await expectIssue(rejected, 'file-too-large', { count: 1, message: messages.fileTooLarge(bytes, MAX_FILE_BYTES) });
    await expectPageAlive(page);
    await screenshotOf(byTestId(page, 'stage-data'), 'broken-too-large');
    expect(errors).toEqual([]);
  });

  it('changes what cleaning keeps when another choice is made for duplicate dates', async () => {
    const { page, errors } = app;
    await chooseFile(page, resolve(BROKEN_DIR, 'duplicates.csv'));
    expect(await waitForImport(page, 'duplicates.csv')).toBe('used');
    await waitForCells(page);
    const action = byTestId(page, 'action-duplicate-rows');
    // Adding split transactions up is the default: 8 rows become 6.
    expect(await action.inputValue()).toBe('sum');
    expect(await byTestId(page, 'clean-summary').innerText()).toContain('6 rows in 2 series');
    const summed = await byTestId(page, 'summary-sales').innerText();

    await action.selectOption('keep-last');
    await waitForConfig(page, { cleaning: { 'duplicate-rows': 'keep-last' } });
    await waitForCells(page);
    expect(await byTestId(page, 'clean-summary').innerText()).toContain('6 rows in 2 series');
    // Keeping the last of 5 + 2 (A on 05-02) and 1 + 1 (B on 05-03) instead of their sums lowers the sales.
    expect(await byTestId(page, 'summary-sales').innerText()).not.toBe(summed);

    await action.selectOption('drop-rows');
    await waitForConfig(page, { cleaning: { 'duplicate-rows': 'drop-rows' } });
    await waitForCells(page);
    expect(await byTestId(page, 'clean-summary').innerText()).toContain('4 rows in 2 series');
    await waitForCells(page, { ids: EXPLORE_CELLS });
    await screenshotOf(byTestId(page, 'stage-data'), 'broken-duplicates-dropped');
    expect(errors).toEqual([]);
  });

  it('explores a file whose every series is too short for the horizon, and stops Features saying which horizon fits', async () => {
    const { page, errors } = app;
    await chooseFile(page, resolve(BROKEN_DIR, 'too-short.csv'));
    expect(await waitForImport(page, 'too-short.csv')).toBe('used');
    await byTestId(page, 'scope-horizon').fill('10');
    await byTestId(page, 'scope-horizon').blur();
    await waitForConfig(page, { horizon: 10 });
    await waitForCells(page);
    const message = messages.seriesTooShort({ count: 2, minLength: 27, horizon: 10, frequency: 'daily', all: { longest: 12, fits: 2 } });
    const issue = cell(page, 'data.clean').getByTestId('issue-series-too-short');
    expect(await issue.innerText()).toContain(message);
    expect(await issue.innerText()).toMatch(/^Warning/);
    await waitForCells(page, { ids: ['features.build'], status: 'error' });
    expect(await cell(page, 'features.build').innerText()).toContain(message);
    expect(await cell(page, 'train.models').getAttribute('data-status')).not.toBe('fresh');
    expect(errors).toEqual([]);
  });
});
