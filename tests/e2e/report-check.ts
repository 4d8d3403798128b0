import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { reportTexts } from '../../src/lib/messages/report';
import { SCREENSHOT_DIR, screenshotOf } from './browser';
import { LONG, byTestId } from './notebook';

/** A download started by a click, read whole. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/**
 * The header's "Download report", opened as the manager would open it: a fresh profile with every request refused.
 * Every section's heading is there, and each chart is an inline SVG with marks drawn (none is "not run yet" at this
 * point of the story). Returns the report's size in bytes.
 */
export async function checkReport(browser: Browser, page: Page): Promise<number> {
  const { name, bytes } = await downloaded(page, () => byTestId(page, 'download-report').click());
  expect(name).toMatch(/^forecast-lab-report-example-seed42-\d{4}-\d{2}-\d{2}\.html$/);
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, offline: true });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  const report = await context.newPage();
  const problems: string[] = [];
  report.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  report.on('pageerror', (error) => problems.push(error.message));
  await report.setContent(bytes.toString('utf8'), { waitUntil: 'load' });
  expect(await report.locator('h2').allTextContents()).toEqual(Object.values(reportTexts.sections));
  expect(await report.locator('figure.missing').allTextContents()).toEqual([]);
  const expected = { data: 1, roles: 5, operations: 1 };
  for (const [section, count] of Object.entries(expected)) {
    const charts = report.locator(`section[data-section="${section}"] figure.chart > svg`);
    expect(await charts.count(), section).toBe(count);
    for (const chart of await charts.all()) expect(await marksIn(chart), `${section}: ${await chart.getAttribute('aria-label')}`).toBeGreaterThan(0);
  }
  expect(await report.locator('section[data-section="leaderboard"] tbody tr').count()).toBeGreaterThan(1);
  expect(await report.locator('section[data-section="registry"] tbody tr').count()).toBeGreaterThan(0);
  expect(await report.locator('script, link, img, iframe').count()).toBe(0);
  // Kept beside the screenshots for people to open; one screenshot per section (one of the whole would be too tall).
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(resolve(SCREENSHOT_DIR, 'report.html'), bytes);
  for (const section of Object.keys(reportTexts.sections)) await screenshotOf(report.locator(`section[data-section="${section}"]`), `report-${section}`);
  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
  return bytes.length;
}

/** Data marks of a vega drawing: the items of its mark groups (lines, bars, points), not axes or legends. */
function marksIn(svg: Locator): Promise<number> {
  return svg.locator('g.role-mark > *').count();
}

/** A chart's PNG (2×, the PNG signature) and SVG (parses, has marks), from the buttons under it. */
export async function checkChartDownloads(page: Page, chart: Locator): Promise<void> {
  const title = (await chart.getAttribute('aria-label')) ?? '';
  const png = await downloaded(page, () => chart.getByRole('button', { name: `Download ${title} as PNG` }).click());
  expect(png.name).toMatch(/^forecast-lab-[a-z0-9-]+-example-seed42-\d{4}-\d{2}-\d{2}\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.length).toBeGreaterThan(10_000);
  // IHDR's width: twice the drawing's.
  const width = await chart.locator('svg').first().evaluate((svg) => svg.getBoundingClientRect().width);
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.floor(width * 2) - 2);
  const svg = await downloaded(page, () => chart.getByRole('button', { name: `Download ${title} as SVG` }).click());
  expect(svg.name).toMatch(/\.svg$/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length, marks: doc.querySelectorAll('g.role-mark > *').length };
  }, svg.bytes.toString('utf8'));
  expect(parsed.root).toBe('svg');
  expect(parsed.errors).toBe(0);
  expect(parsed.marks).toBeGreaterThan(0);
}

/** A table's CSV, from the button under it: its header is the table's header cells, and it has the table's rows. */
export async function checkTableCsv(page: Page, table: Locator, label: string): Promise<void> {
  const { name, bytes } = await downloaded(page, () => page.getByRole('button', { name: `Download ${label} as CSV` }).first().click());
  expect(name).toMatch(/\.csv$/);
  const rows = Papa.parse<string[]>(bytes.toString('utf8').trimEnd(), { newline: '\r\n' }).data;
  const header = (await table.locator('thead tr').last().locator('th, td').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
  expect(rows[0]).toEqual(header.filter((text) => text !== ''));
  expect(rows.length - 1).toBe(await table.locator('tbody tr').count());
}
