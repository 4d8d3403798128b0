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
  /**
   * Content-Security-Policy violations seen so far, in the page and in its workers (each counted once per policy it
   * breaks: the page has two, index.html's and the host's): a test can assert none happened.
   */
  violations: string[];
}

const VIOLATION = /^CSP violation: /;

/**
 * Runs in the page before its own scripts, and in each worker once it exists: every violation becomes a console
 * error that says what was refused. A worker's violations reach only its own global scope, and Chromium does not
 * report them to playwright at all, hence the listener there too (it can miss what a worker refuses while its
 * module first evaluates; the app's workers start idle and work on request). Self-contained: playwright sends its source.
 */
function reportPolicyViolations(): void {
  self.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.effectiveDirective} refused ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
  });
}

/** A fresh profile (new context = empty IndexedDB) with the app open at `hash`. */
export async function openApp(browser: Browser, options: { hash?: string; context?: BrowserContext } = {}): Promise<AppPage> {
  const context = options.context ?? (await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true }));
  const page = await context.newPage();
  const errors: string[] = [];
  const violations: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    // A worker's messages may come this way too (playwright routes some there): those are counted below.
    if (VIOLATION.test(msg.text()) && msg.worker() === null) violations.push(`page: ${msg.text()}`);
  });
  page.on('worker', (worker) => {
    const name = /([\w-]+\.worker)/.exec(worker.url())?.[1] ?? worker.url();
    worker.on('console', (msg) => {
      if (VIOLATION.test(msg.text())) violations.push(`${name}: ${msg.text()}`);
    });
    // A worker may be gone before it answers.
    worker.evaluate(reportPolicyViolations).catch(() => undefined);
  });
  await page.addInitScript(reportPolicyViolations);
  await page.goto(appUrl(options.hash ?? ''));
  return { context, page, errors, violations };
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
