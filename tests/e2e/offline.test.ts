import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../src/lib/notebook/config';
import { DEFAULT_SPLIT } from '../../src/lib/notebook/stage-configs';
import { encodeConfigHash } from '../../src/lib/notebook/url-hash';
import { defaultModelSpec } from '../../src/lib/models/default-model-specs';
import { DEFAULT_OPS } from '../../src/lib/ops/ops-config';
import { deployPanelTexts } from '../../src/lib/messages/ops';
import { cellTexts } from '../../src/lib/messages/notebook';
import { registryPanelTexts } from '../../src/lib/messages/registry';
import { appManifestTexts, updatePromptTexts } from '../../src/lib/messages/offline';
import { appUrl, launchChromium, openApp, type AppPage } from './browser';
import { LONG, byTestId, cell, goToStage, leaderboardRows, waitForCells } from './notebook';

// The installed app with the network off: one visit online stores the build (the page, workers, tfjs's .wasm, the
// shipped datasets) in the service worker's precache; then, offline, a reload opens the app and the lifecycle runs —
// train, evaluate, register the champion, serve it in the simulated deployment. Small settings through the link (ridge
// on the wasm backend, a few epochs, no backtest folds, a short simulation): the point is that nothing needs the network.

const PERIODS = 6;

function link(): string {
  const config: NotebookConfig = {
    ...DEFAULT_CONFIG,
    horizon: 14,
    split: { ...DEFAULT_SPLIT, folds: 0 },
    models: { candidates: [{ ...defaultModelSpec('ridge'), epochs: 4, batchSize: 512 }], classical: [], backend: 'wasm', strategy: 'recursive' },
    ops: { ...DEFAULT_OPS, simulation: { ...DEFAULT_OPS.simulation, periods: PERIODS, speed: 60 } },
    stage: 'train',
  };
  return encodeConfigHash(config);
}

/** What the page's manifest says, as Chromium read it, and why Chromium would not offer to install the app (none). */
async function installability(page: Page): Promise<{ manifestErrors: unknown[]; installErrors: unknown[]; name: string | undefined }> {
  const devtools = await page.context().newCDPSession(page);
  const manifest = (await devtools.send('Page.getAppManifest')) as { errors: unknown[]; data?: string };
  const { installabilityErrors } = (await devtools.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  await devtools.detach();
  const data = manifest.data ? (JSON.parse(manifest.data) as { name?: string }) : {};
  // A playwright context is an off-the-record profile, where Chromium offers no install whatever the app: not the app's doing.
  return { manifestErrors: manifest.errors, installErrors: installabilityErrors.filter((error) => error.errorId !== 'in-incognito'), name: data.name };
}

describe('offline: the installed app runs the lifecycle with the network off (built app, Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('after one visit, a reload offline opens the app, and Train → Evaluate → Registry → Deploy work', async () => {
    // Service workers allowed by name: this test is about one, whatever the other tests' contexts do.
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, serviceWorkers: 'allow' });
    const app: AppPage = await openApp(browser, { hash: link(), context });
    const { page } = app;
    // The manifest is linked and served, and Chromium finds nothing missing to call the app installable.
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('./manifest.webmanifest');
    const served = await context.request.get(`${appUrl()}manifest.webmanifest`);
    expect(served.ok()).toBe(true);
    expect(served.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    expect(((await served.json()) as { name: string }).name).toBe(appManifestTexts.name);

    // One visit: the service worker installs once it has stored every file of the build, and says so.
    await expect.poll(() => byTestId(page, 'offline-ready').textContent(), { timeout: LONG }).toContain(updatePromptTexts.offlineReady);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
    expect(await installability(page)).toEqual({ manifestErrors: [], installErrors: [], name: appManifestTexts.name });

    await context.setOffline(true);
    // The network is off for the service worker too, not only for the page.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    expect(await worker.evaluate(() => fetch('./not-stored').then(() => 'online', () => 'offline'))).toBe('offline');
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    // A stored response keeps the headers it came with: offline, the page and its workers still run under the host's policy.
    expect(reloaded?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // And for the page: Chromium logs the refused request as an error, which is the probe's, not the app's.
    const seen = app.errors.length;
    expect(await page.evaluate(() => fetch('./not-stored').then(() => 'online', () => 'offline'))).toBe('offline');
    await expect.poll(() => app.errors.slice(seen)).toEqual(['console: Failed to load resource: net::ERR_INTERNET_DISCONNECTED']);
    app.errors.splice(seen);

    // Train (the data generated, features built, ridge trained on tfjs's wasm backend) and Evaluate.
    await waitForCells(page, { ids: ['data.load', 'data.clean', 'features.build'], status: 'fresh' });
    await goToStage(page, 'train');
    await cell(page, 'train.models').getByRole('button', { name: cellTexts.run, exact: true }).click();
    await waitForCells(page, { ids: ['train.models', 'registry.versions'], status: 'fresh' });
    expect(await byTestId(page, 'stage-evaluate').getAttribute('data-status')).toBe('fresh');
    expect((await leaderboardRows(page)).map((row) => row.model)).toContain('ridge');

    // Registry: the run's model registered as champion (the default gates pass).
    await goToStage(page, 'registry');
    const form = byTestId(page, 'register-form');
    await expect.poll(() => form.getByTestId('register-run').count(), { timeout: LONG }).toBe(1);
    await form.getByTestId('register-button').click();
    const versionRow = byTestId(page, 'registry-versions').locator('[data-testid="version-row"]').first();
    await expect.poll(() => versionRow.textContent(), { timeout: LONG }).toContain(registryPanelTexts.alias.champion);

    // Deploy: the champion served from the ops worker (tfjs again) for a few simulated periods.
    await goToStage(page, 'deploy');
    await cell(page, 'deploy.simulate').getByRole('button', { name: cellTexts.run, exact: true }).click();
    await waitForCells(page, { ids: ['deploy.simulate'], status: 'fresh' });
    await byTestId(page, 'sim-play').click();
    await expect.poll(() => byTestId(page, 'sim-period').textContent(), { timeout: 3 * LONG }).toContain(deployPanelTexts.finished);
    expect(await byTestId(page, 'ops-backend').textContent()).toBe('wasm');

    expect(app.errors).toEqual([]);
    expect(app.violations).toEqual([]);
    await context.close();
  });
});
