import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

/** Screenshots land in a git-ignored folder for people to look at; tests never compare pixels. */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-output/screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far: a test can assert none happened. */
  errors: string[];
}

/** A fresh profile (new context = empty IndexedDB) with the app open at `hash`. */
export async function openApp(browser: Browser, options: { hash?: string; context?: BrowserContext } = {}): Promise<AppPage> {
  const context = options.context ?? (await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true }));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await page.goto(appUrl(options.hash ?? ''));
  return { context, page, errors };
}

export function appUrl(hash = ''): string {
  return inject('baseUrl') + hash;
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

/** One element (a stage section, a chart) as it is drawn, however tall. */
export async function screenshotOf(locator: Locator, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await locator.screenshot({ path });
  return path;
}
