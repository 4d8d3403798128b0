import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../src/lib/notebook/config';
import { DEFAULT_SPLIT } from '../../src/lib/notebook/stage-configs';
import { encodeConfigHash } from '../../src/lib/notebook/url-hash';
import { defaultModelSpec } from '../../src/lib/models/default-model-specs';
import { DEFAULT_OPS } from '../../src/lib/ops/ops-config';
import type { ScenarioSpec } from '../../src/lib/scenarios/types';
import { opsMessages } from '../../src/lib/messages/ops';
import { cellNeedsFirst } from '../../src/lib/messages/notebook';
import { launchChromium, openApp, screenshotOf, type AppPage } from './browser';
import { LONG, byTestId, cell, goToStage, settledCharts, waitForCells } from './notebook';

// The instructor's path through the last four stages, in the built app: train, register the champion, pick a drift
// scenario, press Play, watch monitoring raise alerts and a retrained challenger take over; and the control world,
// which plays with no alert. Small settings through the link (ridge, few epochs, a short horizon) keep it quick:
// the point is the path. Every wait is on a condition; nothing is timed.

const HORIZON = 14;

function link(scenario: ScenarioSpec, periods: number): string {
  const config: NotebookConfig = {
    ...DEFAULT_CONFIG,
    horizon: HORIZON,
    split: { ...DEFAULT_SPLIT, folds: 0 },
    models: { candidates: [{ ...defaultModelSpec('ridge'), epochs: 8, batchSize: 512 }], classical: [], backend: 'wasm', strategy: 'recursive' },
    ops: { ...DEFAULT_OPS, scenario, simulation: { ...DEFAULT_OPS.simulation, periods, speed: 60 } },
    stage: 'train',
  };
  return encodeConfigHash(config);
}

/** Train (a click on Run), then register the run's best model as champion on the Registry stage. */
async function trainAndRegister(page: Page): Promise<void> {
  await waitForCells(page, { ids: ['data.load', 'data.clean', 'features.build'], status: 'fresh' });
  await goToStage(page, 'train');
  await cell(page, 'train.models').getByRole('button', { name: 'Run', exact: true }).click();
  await waitForCells(page, { ids: ['train.models', 'registry.versions'], status: 'fresh' });
  await registerBest(page);
}

/** Register the newest run's best model as champion on the Registry stage. */
async function registerBest(page: Page): Promise<void> {
  await goToStage(page, 'registry');
  const form = byTestId(page, 'register-form');
  await expect.poll(() => form.getByTestId('register-run').count(), { timeout: LONG }).toBe(1);
  await form.getByTestId('register-button').click();
  await expect.poll(() => byTestId(page, 'registry-versions').locator('[data-testid="version-row"]').count(), { timeout: LONG }).toBe(1);
}

/** Start the simulation (the Deploy cell's Run), press Play and wait for the clock to reach the end. */
async function playToTheEnd(page: Page): Promise<void> {
  await goToStage(page, 'deploy');
  await cell(page, 'deploy.simulate').getByRole('button', { name: 'Run', exact: true }).click();
  await waitForCells(page, { ids: ['deploy.simulate'], status: 'fresh' });
  await byTestId(page, 'sim-play').click();
  await expect.poll(() => byTestId(page, 'sim-period').textContent(), { timeout: 6 * LONG }).toContain('finished');
}

describe('operations: registry, simulated deployment, monitoring, retraining (built app, Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sudden level shift: an alert fires, a retrained challenger is promoted, the timeline shows recovery', async () => {
    const app: AppPage = await openApp(browser, { hash: link({ id: 'level-shift', onset: 42, strength: 0.6, target: null }, 110) });
    const { page } = app;
    await trainAndRegister(page);
    const registryRow = byTestId(page, 'registry-versions').locator('[data-testid="version-row"]').first();
    await expect.poll(() => registryRow.textContent()).toContain('champion');
    await byTestId(page, 'show-card').first().click();
    const card = (await byTestId(page, 'model-card').textContent()) ?? '';
    for (const section of ['Intended use', 'Data and features', 'Metrics', 'Limitations', 'Lineage']) expect(card).toContain(section);
    // The network was fitted once more before registering, on every row up to the data's last day.
    expect(card).toMatch(/Fitted for serving on every row up to \d{4}-\d{2}-\d{2} \([\d,]+ rows, the test window’s included\) for \d+ epochs?/);
    await screenshotOf(page.locator('#stage-registry'), 'operations-registry');

    await playToTheEnd(page);
    expect(await byTestId(page, 'ops-backend').textContent()).toBe('wasm');
    const deployCharts = await settledCharts(page, 'deploy');
    expect(deployCharts.length).toBe(2);
    expect(deployCharts.filter((c) => c.state !== 'ready' || !(c.marks > 0))).toEqual([]);
    await screenshotOf(page.locator('#stage-deploy'), 'operations-deploy');

    await goToStage(page, 'monitor');
    const alerts = byTestId(page, 'alert-item');
    await expect.poll(() => alerts.count()).toBeGreaterThan(0);
    // The first alert after the drift explains itself: what crossed which threshold, and the two distributions.
    await alerts.last().click();
    const explanation = byTestId(page, 'alert-explanation');
    expect(await explanation.textContent()).toMatch(/threshold/i);
    await expect.poll(() => explanation.locator('[data-testid="chart"]').count()).toBe(1);
    const monitorCharts = await settledCharts(page, 'monitor');
    expect(monitorCharts.filter((c) => c.state !== 'ready' || !(c.marks > 0))).toEqual([]);
    await screenshotOf(page.locator('#stage-monitor'), 'operations-monitor');

    await goToStage(page, 'retrain');
    const events = byTestId(page, 'ops-events');
    expect(await events.locator('li[data-kind="retrain"]').count()).toBeGreaterThan(0);
    expect(await events.locator('li[data-kind="promote"]').count()).toBeGreaterThan(0);
    const summary = byTestId(page, 'recovery-summary');
    const [peak, latest, promotions] = await Promise.all(['data-peak', 'data-latest', 'data-promotions'].map((name) => summary.getAttribute(name)));
    expect(Number(promotions)).toBeGreaterThan(0);
    expect(Number(latest)).toBeLessThan(Number(peak));
    const charts = await settledCharts(page, 'retrain');
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.filter((c) => c.state !== 'ready' || !(c.marks > 0))).toEqual([]);
    await screenshotOf(page.locator('#stage-retrain'), 'operations-retrain');

    // The stored registry is the one built by hand; the simulation's retrains live with the simulation.
    await goToStage(page, 'registry');
    expect(await byTestId(page, 'registry-versions').locator('[data-testid="version-row"]').count()).toBe(1);
    expect(await byTestId(page, 'simulated-versions').locator('[data-testid="version-row"]').count()).toBeGreaterThan(1);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('control: four simulated months play with no alert (and Deploy without a champion says what to do)', async () => {
    const app = await openApp(browser, { hash: link({ id: 'control', onset: 0, strength: 0, target: null }, 120) });
    const { page } = app;
    // Run on Deploy before training: it says training comes first (an expensive cell waits for its own click).
    await waitForCells(page, { ids: ['data.load', 'data.clean', 'features.build'], status: 'fresh' });
    await goToStage(page, 'deploy');
    const deploy = cell(page, 'deploy.simulate');
    await deploy.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => deploy.getByRole('alert').first().textContent()).toBe(cellNeedsFirst(['Train the candidate models']));
    // Trained but nothing registered: the simulation has no champion to serve, and says so.
    await goToStage(page, 'train');
    await cell(page, 'train.models').getByRole('button', { name: 'Run', exact: true }).click();
    await waitForCells(page, { ids: ['train.models', 'registry.versions'], status: 'fresh' });
    await goToStage(page, 'deploy');
    await deploy.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForCells(page, { ids: ['deploy.simulate'], status: 'error' });
    expect(await deploy.getByRole('alert').first().textContent()).toBe(opsMessages.noChampion);
    await registerBest(page);
    await playToTheEnd(page);
    await goToStage(page, 'monitor');
    await expect.poll(() => byTestId(page, 'no-alerts').count()).toBe(1);
    expect(await byTestId(page, 'monitor-summary').count()).toBe(1);
    await goToStage(page, 'retrain');
    expect(await byTestId(page, 'ops-events').locator('li[data-kind="retrain"]').count()).toBe(0);
    await screenshotOf(page.locator('#stage-monitor'), 'operations-control-monitor');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
