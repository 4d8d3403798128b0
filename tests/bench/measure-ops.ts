import type { Browser, Page } from 'playwright-core';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../src/lib/notebook/config';
import { encodeConfigHash } from '../../src/lib/notebook/url-hash';
import { defaultModelSpec } from '../../src/lib/models/default-model-specs';
import { DEFAULT_OPS } from '../../src/lib/ops/ops-config';
import type { OpsEventKind } from '../../src/lib/ops/types';
import type { RetrainTrigger } from '../../src/lib/retrain/retrain-policy';
import { scenarioInfo } from '../../src/lib/scenarios/scenarios';
import { deployPanelTexts } from '../../src/lib/messages/ops';
import { byTestId, goToStage, readFacts } from '../e2e/notebook';
import { trainOnce, withPage } from './measure-training';

/** The simulated year: the e2e test's short training (ridge, 8 epochs, the test window alone), then a year of days. */
export const OPS_YEAR = {
  horizon: 14,
  periods: 365,
  /** Periods per second while playing: the most the Deploy stage allows. */
  speed: 60,
  retrainEvery: 7,
  model: { ...defaultModelSpec('ridge'), epochs: 8, batchSize: 512 },
  backend: 'wasm' as const,
};

export interface OpsYear {
  trigger: RetrainTrigger;
  /** The Data stage's series count, as shown. */
  series: string;
  /** Click on the Train cell's Run → train.models fresh, ms. */
  trainedMs: number;
  /** Click on Play → the clock says "finished", ms (page clock). */
  playMs: number;
  /** What the Deploy stage shows: "Period 365 of 365 · … · finished", and its serving-figures table, row by row. */
  period: string;
  figures: { label: string; value: string }[];
  /** Events of the Retrain stage's "What happened" list, by kind. */
  events: Record<OpsEventKind, number>;
  champion: string;
}

/** Each wait may take this long: a year with weekly retraining trains some forty ridges in the ops worker. */
const TIMEOUT_MS = 15 * 60_000;

/**
 * A simulated year in the built app, as a user drives it: open the app on the default example with OPS_YEAR's
 * settings and `trigger` (scheduled: a challenger every OPS_YEAR.retrainEvery periods, auto-promoted through the
 * gates; manual: serving only), train (the Train cell's Run), register the run's model as champion, run the Deploy
 * cell, press Play, and time it until the clock says finished. Then read the serving figures and count the events.
 */
export async function measureOpsYear(browser: Browser, options: { url: string; trigger: RetrainTrigger }): Promise<OpsYear> {
  return withPage(browser, async (page) => {
    const { clickAt, trainedAt } = await trainOnce(page, options.url + opsYearHash(options.trigger), {
      timeoutMs: TIMEOUT_MS,
      beforeClick: () => goToStage(page, 'train'),
    });
    const { series } = await readFacts(page);
    await registerChampion(page);
    await goToStage(page, 'deploy');
    await page.click('[data-testid="cell-deploy.simulate"] button.run');
    await page.waitForFunction(
      () => ['fresh', 'error'].includes(document.querySelector('[data-testid="cell-deploy.simulate"]')?.getAttribute('data-status') ?? ''),
      null,
      { polling: 100, timeout: TIMEOUT_MS },
    );
    await throwIfOpsFailed(page);
    const playAt = await page.evaluate(() => performance.now());
    await byTestId(page, 'sim-play').click();
    const finishedAt = (await (
      await page.waitForFunction(
        (finished) =>
          document.querySelector('[data-testid="sim-period"]')?.textContent?.includes(finished) || document.querySelector('[data-testid="ops-error"]') !== null
            ? performance.now()
            : false,
        deployPanelTexts.finished,
        { polling: 50, timeout: TIMEOUT_MS },
      )
    ).jsonValue()) as number;
    await throwIfOpsFailed(page);
    const period = (await byTestId(page, 'sim-period').innerText()).trim();
    const figures = await byTestId(page, 'serving-figures').evaluate((table) =>
      [...table.querySelectorAll('tr')].map((row) => ({ label: row.querySelector('th')?.textContent?.trim() ?? '', value: row.querySelector('td')?.textContent?.trim() ?? '' })),
    );
    await goToStage(page, 'retrain');
    const count = (kind: OpsEventKind) => byTestId(page, 'ops-events').locator(`li[data-kind="${kind}"]`).count();
    const kinds: OpsEventKind[] = ['retrain', 'promote', 'archive', 'rollback', 'onset'];
    const counts = await Promise.all(kinds.map(count));
    return {
      trigger: options.trigger,
      series,
      trainedMs: trainedAt - clickAt,
      playMs: finishedAt - playAt,
      period,
      figures,
      events: Object.fromEntries(kinds.map((kind, i) => [kind, counts[i]!])) as Record<OpsEventKind, number>,
      champion: (await byTestId(page, 'sim-champion').innerText()).trim(),
    };
  });
}

/** The notebook link of the simulated year: the control world, OPS_YEAR's model and clock, retraining by `trigger`. */
export function opsYearHash(trigger: RetrainTrigger, { periods = OPS_YEAR.periods }: { periods?: number } = {}): string {
  const config: NotebookConfig = {
    ...DEFAULT_CONFIG,
    horizon: OPS_YEAR.horizon,
    split: { ...DEFAULT_CONFIG.split, folds: 0 },
    models: { candidates: [OPS_YEAR.model], classical: [], backend: OPS_YEAR.backend, strategy: 'recursive' },
    ops: {
      ...DEFAULT_OPS,
      scenario: { ...scenarioInfo('control').defaults },
      simulation: { ...DEFAULT_OPS.simulation, periods, speed: OPS_YEAR.speed },
      // minPeriodsBetween 0: `every` alone paces a scheduled retrain (shouldRetrain checks both, and a challenger in
      // shadow holds the next one back either way).
      policy: { ...DEFAULT_OPS.policy, trigger, every: OPS_YEAR.retrainEvery, minPeriodsBetween: 0, autoPromote: true },
    },
    stage: 'train',
  };
  return encodeConfigHash(config);
}

/** The Registry stage's form as it comes (the newest run, its best model, alias champion): one click on Register. */
export async function registerChampion(page: Page): Promise<void> {
  await goToStage(page, 'registry');
  const form = byTestId(page, 'register-form');
  await form.locator('[data-testid="register-run"]').waitFor({ timeout: TIMEOUT_MS });
  await byTestId(form, 'register-button').click();
  await byTestId(page, 'registry-versions').locator('[data-testid="version-row"]').first().waitFor({ timeout: TIMEOUT_MS });
}

export async function throwIfOpsFailed(page: Page): Promise<void> {
  const error = await page.evaluate(
    () =>
      document.querySelector('[data-testid="ops-error"]')?.textContent ??
      (document.querySelector('[data-testid="cell-deploy.simulate"]')?.getAttribute('data-status') === 'error'
        ? (document.querySelector('[data-testid="cell-deploy.simulate"] [role="alert"]')?.textContent ?? 'the Deploy cell failed')
        : null),
  );
  if (error) throw new Error(`the simulation failed: ${error}`);
}
