import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../src/lib/notebook/config';
import { DEFAULT_SPLIT } from '../../src/lib/notebook/stage-configs';
import { encodeConfigHash } from '../../src/lib/notebook/url-hash';
import { defaultModelSpec } from '../../src/lib/models/default-model-specs';
import { DEFAULT_OPS } from '../../src/lib/ops/ops-config';
import type { ScenarioSpec } from '../../src/lib/scenarios/types';
import { deployPanelTexts, opsMessages } from '../../src/lib/messages/ops';
import { cellTexts } from '../../src/lib/messages/notebook';
import { registryPanelTexts } from '../../src/lib/messages/registry';
import { launchChromium, openApp, screenshotOf, type AppPage } from './browser';
import { expectAccessible } from './axe';
import { checkChartDownloads, checkReport, checkTableCsv } from './report-check';
import { LONG, byTestId, cell, goToStage, readConfig, settledCharts, snapshot, waitForCells } from './notebook';
import { checkMlruns } from '../lib/export/mlflow-rules';
import type { ForecastsJson } from '../../src/lib/export/tfjs-bundle';
import { expectSameForecast, forecastsJsonRows, parsed, readmeScript, runScript, scriptRows, text, unzipBundle } from '../node/export/bundle-check';

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

/** The playback speed in the page's link. */
async function readSpeed(page: Page): Promise<number> {
  return (await readConfig(page)).ops.simulation.speed;
}

/** Start the simulation (the Deploy cell's Run), press Play and wait for the clock to reach the end. */
async function playToTheEnd(page: Page): Promise<void> {
  await goToStage(page, 'deploy');
  await cell(page, 'deploy.simulate').getByRole('button', { name: cellTexts.run, exact: true }).click();
  await waitForCells(page, { ids: ['deploy.simulate'], status: 'fresh' });
  await byTestId(page, 'sim-play').click();
  await expect.poll(() => byTestId(page, 'sim-period').textContent(), { timeout: 6 * LONG }).toContain(deployPanelTexts.finished);
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
    // Charts with nothing to draw yet are left out: no scale of any chart gets an infinite extent along the story.
    const chartWarnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' && /infinite extent/i.test(message.text())) chartWarnings.push(message.text());
    });
    // Run all: train, register the best servable model as champion (its gates pass), start the simulated endpoint,
    // and say what to do next; no cell ends in error.
    await waitForCells(page, { ids: ['data.load', 'data.clean', 'features.build'], status: 'fresh' });
    await byTestId(page, 'run-all').click();
    await expect.poll(() => byTestId(page, 'run-all-note').count(), { timeout: 6 * LONG }).toBe(1);
    expect(await byTestId(page, 'run-all-note').textContent()).toMatch(/^Run all is done: v1 \(ridge\) is the champion.*Next: on the Deploy stage, pick a drift scenario and press Play/);
    const after = await snapshot(page);
    expect(Object.entries(after.statuses).filter(([, status]) => status !== 'fresh')).toEqual([]);
    const registryRow = byTestId(page, 'registry-versions').locator('[data-testid="version-row"]').first();
    await expect.poll(() => registryRow.textContent()).toContain(registryPanelTexts.alias.champion);
    await byTestId(page, 'show-card').first().click();
    const card = (await byTestId(page, 'model-card').textContent()) ?? '';
    for (const section of ['Intended use', 'Data and features', 'Metrics', 'Limitations', 'Lineage']) expect(card).toContain(section);
    // The network was fitted once more before registering, on every row up to the data's last day.
    expect(card).toMatch(/Fitted for serving on every row up to \d{4}-\d{2}-\d{2} \([\d,]+ rows, the test window’s included\) for \d+ epochs?/);
    await screenshotOf(page.locator('#stage-registry'), 'operations-registry');
    // Each stage after Run all, as a screen-reader or keyboard user meets it: axe finds nothing critical or serious.
    await expectAccessible(page, 'registry');

    await playToTheEnd(page);
    expect(await byTestId(page, 'ops-backend').textContent()).toBe('wasm');
    const deployCharts = await settledCharts(page, 'deploy');
    expect(deployCharts.length).toBe(2);
    expect(deployCharts.filter((c) => c.state !== 'ready' || !(c.marks > 0))).toEqual([]);
    await screenshotOf(page.locator('#stage-deploy'), 'operations-deploy');
    await expectAccessible(page, 'deploy');

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
    await expectAccessible(page, 'monitor');

    await goToStage(page, 'retrain');
    const events = byTestId(page, 'ops-events');
    expect(await events.locator('li[data-kind="retrain"]').count()).toBeGreaterThan(0);
    expect(await events.locator('li[data-kind="promote"]').count()).toBeGreaterThan(0);
    const summary = byTestId(page, 'recovery-summary');
    const [peak, latest, promotions] = await Promise.all(['data-peak', 'data-latest', 'data-promotions'].map((name) => summary.getAttribute(name)));
    expect(Number(promotions)).toBeGreaterThan(0);
    // The store that collapsed has its own served-error line in the timeline, named in its legend; the adaptive
    // window (the default) lets its retrains learn the new level, and the summary says when it was back.
    await expect.poll(() => page.locator('#stage-retrain [data-testid="chart"] svg', { hasText: 'store S1' }).count()).toBe(1);
    expect(Number(await summary.getAttribute('data-recovery'))).toBeGreaterThan(0);
    expect(await summary.textContent()).toMatch(/back within the alert rules \d+ periods after the onset/);
    expect(chartWarnings).toEqual([]);
    // Deploy names the version serving now: the simulation's champion, which its promotions changed.
    expect(await byTestId(page, 'serving-label').textContent()).toMatch(/^Serving v([2-9]|\d\d+) ridge, the champion in the simulation/);
    expect(Number(latest)).toBeLessThan(Number(peak));
    const charts = await settledCharts(page, 'retrain');
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.filter((c) => c.state !== 'ready' || !(c.marks > 0))).toEqual([]);
    await screenshotOf(page.locator('#stage-retrain'), 'operations-retrain');
    await expectAccessible(page, 'retrain');

    // The stored registry is the one built by hand; the simulation's retrains live with the simulation.
    await goToStage(page, 'registry');
    expect(await byTestId(page, 'registry-versions').locator('[data-testid="version-row"]').count()).toBe(1);
    expect(await byTestId(page, 'simulated-versions').locator('[data-testid="version-row"]').count()).toBeGreaterThan(1);
    // The shareable report, opened where nothing can load: every section, its charts drawn as inline SVG. Then a
    // chart's PNG and SVG, and a table's CSV, read from its data (the leaderboard) or from the cells as drawn.
    const t0 = Date.now();
    const reportBytes = await checkReport(browser, page);
    console.info(`report: ${reportBytes} bytes, ${Date.now() - t0} ms`);
    await checkChartDownloads(page, page.locator('#stage-retrain [data-testid="chart"]').first());
    await checkTableCsv(page, byTestId(page, 'leaderboard'), 'Leaderboard');
    await checkTableCsv(page, byTestId(page, 'column-summary'), 'Column summaries');
    console.info(`downloads: ${Date.now() - t0} ms`);
    // Export to MLflow: the zip's mlruns/ keeps every rule of ../shared/reference/mlflow-filestore.md (checked as
    // MLflow's file store reads it), with the run, its params, tags and metric histories, and the stored champion.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), page.locator('#stage-registry [data-testid="export-mlflow"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^forecast-lab-mlflow-\d{4}-\d{2}-\d{2}\.zip$/);
    const mlruns = checkMlruns(unzipSync(readFileSync(await download.path())));
    expect(mlruns.rules.filter((rule) => rule.violations.length > 0)).toEqual([]);
    const [exported] = mlruns.experiments.flatMap((e) => e.runs);
    expect(mlruns.experiments.flatMap((e) => e.runs)).toHaveLength(1);
    expect(exported!.meta.status).toBe(3);
    expect(exported!.params.get('models.candidates.0.kind')).toBe('ridge');
    expect(exported!.tags.get('mlflow.runName')).toBe(exported!.meta.run_name);
    expect([...exported!.metrics.values()].some((m) => m.history.length > 1 && new Set(m.history.map((p) => p.step)).size === m.history.length)).toBe(true);
    expect(mlruns.models.map((m) => [Object.fromEntries(m.aliases), m.versions.map((v) => v.meta.run_id)])).toEqual([[{ champion: '1' }, [exported!.runId]]]);
    expect(await byTestId(page, 'export-mlflow-notice').first().textContent()).toMatch(/1 run, 1 model version/);
    expect(await page.locator('#stage-evaluate [data-testid="export-mlflow"]').count()).toBe(1);
    // Download model (TF.js) on the champion's row: the network in TF.js's layers format with its features and ready
    // inputs, unzipped and run by node as its README says (tfjs's cpu backend), gives the forecasts the app made in the
    // browser (wasm) and wrote beside them.
    const [modelDownload] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), byTestId(page, 'registry-versions').locator('[data-testid="download-model"]').first().click()]);
    expect(modelDownload.suggestedFilename()).toBe('forecaster-v1-tfjs.zip');
    const { files } = unzipBundle(readFileSync(await modelDownload.path()));
    expect([...files.keys()].sort()).toEqual(['README.md', 'feature-spec.json', 'feature-state.json', 'features.duckdb.sql', 'features.spark.sql', 'forecast.mjs', 'forecasts.json', 'group1-shard1of1.bin', 'inputs.json', 'model-spec.json', 'model.json']);
    const madeInBrowser = forecastsJsonRows(parsed<ForecastsJson>(files, 'forecasts.json'));
    expect(madeInBrowser.size).toBe(50);
    expectSameForecast(scriptRows(await runScript(files, readmeScript(text(files, 'README.md')))), madeInBrowser);
    expect(await byTestId(page, 'download-model-notice').textContent()).toMatch(/^Saved forecaster-v1-tfjs\.zip/);

    // A reload: the stored run of this data and link is the Train cell's result, and the stored champion is served,
    // so the story plays again at once, with nothing trained.
    await page.reload();
    const restored = ['train.models', 'registry.versions', 'deploy.simulate'];
    await waitForCells(page, { ids: restored, status: 'fresh' });
    expect(await page.evaluate(() => performance.getEntriesByName('fl:train.models:start').length)).toBe(0);
    expect(await cell(page, 'train.models').getByRole('alert').textContent()).toMatch(/^Stored run of \d{4}-\d{2}-\d{2}/);
    expect(await byTestId(page, 'stage-evaluate').getAttribute('data-status')).toBe('fresh');
    expect(await byTestId(page, 'leaderboard').locator('tbody tr').count()).toBeGreaterThan(1);
    await goToStage(page, 'deploy');
    expect(await byTestId(page, 'sim-period').textContent()).toMatch(new RegExp(`^${deployPanelTexts.period(0, 110)}`));
    await byTestId(page, 'sim-step').click();
    await expect.poll(() => byTestId(page, 'sim-period').textContent()).toMatch(new RegExp(`^${deployPanelTexts.period(1, 110)}`));
    // The playback speed changes how fast the story is shown, not the story: nothing goes stale.
    await byTestId(page, 'sim-speed').fill('30');
    await byTestId(page, 'sim-speed').dispatchEvent('change');
    await expect.poll(() => readSpeed(page)).toBe(30);
    expect(await Promise.all(['deploy.simulate', 'monitor.report', 'retrain.timeline'].map((id) => cell(page, id).getAttribute('data-status')))).toEqual(['fresh', 'fresh', 'fresh']);
    expect(app.errors).toEqual([]);
    expect(app.violations).toEqual([]);
    await app.context.close();
  });

  it('control: four simulated months play with no alert (and Deploy without a champion says what to do)', async () => {
    const app = await openApp(browser, { hash: link({ id: 'control', onset: 0, strength: 0, target: null }, 120) });
    const { page } = app;
    // Run on Deploy before anything is registered: it says what it needs (a champion) and how to get one.
    await waitForCells(page, { ids: ['data.load', 'data.clean', 'features.build'], status: 'fresh' });
    await goToStage(page, 'deploy');
    const deploy = cell(page, 'deploy.simulate');
    await deploy.getByRole('button', { name: cellTexts.run, exact: true }).click();
    await expect.poll(() => deploy.getByRole('alert').first().textContent()).toBe(opsMessages.noChampion);
    // Trained but nothing registered: the simulation has no champion to serve, and says so.
    await goToStage(page, 'train');
    await cell(page, 'train.models').getByRole('button', { name: cellTexts.run, exact: true }).click();
    await waitForCells(page, { ids: ['train.models', 'registry.versions'], status: 'fresh' });
    await goToStage(page, 'deploy');
    await deploy.getByRole('button', { name: cellTexts.run, exact: true }).click();
    await waitForCells(page, { ids: ['deploy.simulate'], status: 'error' });
    expect(await deploy.getByRole('alert').first().textContent()).toBe(opsMessages.noChampion);
    // The Scope's gates guard the champion: with a WAPE ceiling nothing meets, registering as champion is refused,
    // naming the gate; overriding takes a reason and is kept, with the failed gate, in the audit trail.
    await goToStage(page, 'scope');
    // Typed as a user would (0.1 %), so the app, not the test, writes the link.
    await byTestId(page, 'gate-maxWape').fill('0.1');
    await byTestId(page, 'gate-maxWape').press('Tab');
    await expect.poll(async () => (await readConfig(page)).scope.gates.maxWape).toBe(0.001);
    await goToStage(page, 'registry');
    const form = byTestId(page, 'register-form');
    await expect.poll(() => form.getByTestId('register-run').count(), { timeout: LONG }).toBe(1);
    await form.getByTestId('register-button').click();
    await expect.poll(() => byTestId(page, 'registry-error').textContent(), { timeout: LONG }).toMatch(/^Not registered: a champion must pass the Scope's promotion gates.*WAPE/);
    expect(await byTestId(page, 'registry-versions').count()).toBe(0);
    await form.getByTestId('register-override').check();
    await form.locator('label.why input').fill('Control world: served for the demo although the WAPE ceiling is not met');
    await form.getByTestId('register-button').click();
    await expect.poll(() => byTestId(page, 'registry-versions').locator('[data-testid="version-row"]').count(), { timeout: LONG }).toBe(1);
    const audit = byTestId(page, 'registry-audit');
    expect(await audit.locator('tbody tr').first().textContent()).toMatch(/set as champion.*Control world: served for the demo.*passed: overridden/);
    await playToTheEnd(page);
    await goToStage(page, 'monitor');
    await expect.poll(() => byTestId(page, 'no-alerts').count()).toBe(1);
    expect(await byTestId(page, 'monitor-summary').count()).toBe(1);
    await goToStage(page, 'retrain');
    expect(await byTestId(page, 'ops-events').locator('li[data-kind="retrain"]').count()).toBe(0);
    await screenshotOf(page.locator('#stage-monitor'), 'operations-control-monitor');
    expect(app.errors).toEqual([]);
    expect(app.violations).toEqual([]);
    // The count above can be trusted: a string run as script, in the page and in the data worker, is refused by each
    // policy there (the page has two: index.html's and the host's) and recorded.
    await page.evaluate(() => setTimeout('void 0', 0));
    await page.workers().find((worker) => worker.url().includes('data.worker'))?.evaluate(() => setTimeout('void 0', 0));
    await expect
      .poll(() => app.violations.map((violation) => violation.replace(/ at .*$/, '')).sort())
      .toEqual(['data.worker: CSP violation: script-src refused eval', ...Array<string>(2).fill('page: CSP violation: script-src refused eval')]);
    await app.context.close();
  });
});
