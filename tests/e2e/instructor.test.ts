import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../src/lib/notebook/config';
import { LOCK_GROUPS, type Lesson } from '../../src/lib/notebook/lesson';
import { CELLS } from '../../src/lib/notebook/cells';
import { STAGES } from '../../src/lib/notebook/stages';
import { decodeLinkHash, encodeConfigHash } from '../../src/lib/notebook/url-hash';
import { lockedNote } from '../../src/lib/messages/instructor';
import { blockingViolations, expectAccessible } from './axe';
import { launchChromium, openApp, screenshot, screenshotOf } from './browser';
import { LONG, byTestId, readConfig, waitForCells, waitForConfig } from './notebook';

// Instructor mode on the built app: a lesson link's locks hold in the page (shown read-only, refused even when a
// control is driven behind the UI's back), its hidden stages are not there at all, "Reset to the link" and Presenter
// work, and the dialog makes the link its checkboxes say. No training: Deploy's paused start is checked on OpsState
// in tests/browser/lesson.test.ts.
const LINK: NotebookConfig = { ...DEFAULT_CONFIG, dataset: { kind: 'builtin', file: 'us-retail-sales-monthly.csv' }, horizon: 6, stage: 'scope' };
const LESSON: Lesson = { locked: ['horizon', 'models'], hidden: ['monitor', 'retrain'], deployStartPeriod: 12, presenter: false };

/** Set a control's value and fire its change event from script, as no user can on a disabled control. */
function forceChange(page: Page, testId: string, value: string): Promise<void> {
  return page.evaluate(
    ({ testId, value }) => {
      const element = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-testid="${testId}"]`)!;
      element.value = value;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { testId, value },
  );
}

describe('instructor mode: a lesson link', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows locked settings locked, leaves hidden stages out, resets to the link, and makes the link its dialog says', async () => {
    const { page, errors, violations, context } = await openApp(browser, { hash: encodeConfigHash(LINK, LESSON) });
    await waitForCells(page);
    await byTestId(page, 'stage-train').waitFor({ timeout: LONG });
    await byTestId(page, 'strategy-select').waitFor({ timeout: LONG });

    // Hidden stages: neither in the rail nor on the page; the others keep their lifecycle numbers.
    for (const id of ['monitor', 'retrain']) {
      expect(await byTestId(page, `rail-${id}`).count(), id).toBe(0);
      expect(await byTestId(page, `stage-${id}`).count(), id).toBe(0);
    }
    expect(await page.locator('[data-testid^="rail-"]').count()).toBe(STAGES.length - 2);
    await expect.poll(() => byTestId(page, 'rail-deploy').innerText()).toContain('8');
    await byTestId(page, 'lesson-banner').waitFor();

    // Locked settings: read-only with the stage's note; the unlocked ones beside them still editable.
    expect(await byTestId(page, 'locked-note-scope').innerText()).toBe(lockedNote(['horizon']));
    expect(await byTestId(page, 'locked-note-train').innerText()).toBe(lockedNote(['models']));
    expect(await byTestId(page, 'locked-note-features').count()).toBe(0);
    for (const id of ['scope-horizon', 'strategy-select', 'backend-select', 'classical-theta']) {
      expect(await byTestId(page, id).isDisabled(), id).toBe(true);
    }
    expect(await page.locator('[data-lock="models"] input[type="number"]').evaluateAll((inputs) => inputs.length > 0 && inputs.every((i) => i.matches(':disabled')))).toBe(true);
    for (const id of ['scope-latency', 'split-folds']) expect(await byTestId(page, id).isDisabled(), id).toBe(false);
    // The cell's Run button and the table's download are not settings: they stay usable.
    expect(await page.locator('[data-testid="cell-train.models"] button.run').isDisabled()).toBe(false);
    expect(await page.locator('[data-testid="cell-train.models"] [data-testid="table-csv"]').isDisabled()).toBe(false);
    await expectAccessible(page, 'scope');
    await expectAccessible(page, 'train');
    await screenshot(page, 'instructor-view');
    await screenshotOf(byTestId(page, 'stage-train'), 'instructor-locked-train');

    // A user cannot type into a disabled field; driven from script, the change is refused by the notebook all the same.
    await byTestId(page, 'scope-horizon').fill('28', { timeout: 1000 }).catch(() => undefined);
    await forceChange(page, 'scope-horizon', '28');
    await forceChange(page, 'strategy-select', 'direct');
    await forceChange(page, 'split-folds', '1');
    await waitForConfig(page, { split: { folds: 1 } });
    const changed = await readConfig(page);
    expect(changed.horizon).toBe(6);
    expect(changed.models).toEqual(LINK.models);

    // Reset to the link: shown once the notebook differs from the link, it puts the unlocked change back.
    await byTestId(page, 'reset-to-link').click();
    await waitForConfig(page, { split: { folds: LINK.split.folds } });
    await byTestId(page, 'reset-to-link').waitFor({ state: 'detached' });
    expect(decodeLinkHash(new URL(page.url()).hash).lesson).toEqual(LESSON);

    // Presenter: a class on the root that enlarges the page; the reader's own choice, not the link's.
    await byTestId(page, 'presenter-toggle').click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('fl-presenter'))).toBe(true);
    expect(await byTestId(page, 'presenter-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('19px');
    await screenshot(page, 'instructor-presenter');
    await byTestId(page, 'cell-explore.charts').scrollIntoViewIfNeeded();
    await screenshot(page, 'instructor-presenter-chart');
    await byTestId(page, 'presenter-toggle').click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('fl-presenter'))).toBe(false);

    // The dialog opens on the lesson in force; the link it makes is the notebook plus what its checkboxes say.
    await byTestId(page, 'make-lesson').click();
    const dialog = byTestId(page, 'lesson-dialog');
    await dialog.waitFor();
    expect(await byTestId(page, 'lesson-lock-horizon').isChecked()).toBe(true);
    expect(await byTestId(page, 'lesson-start').inputValue()).toBe('12');
    await byTestId(page, 'lesson-lock-ops.scenario').check();
    await byTestId(page, 'lesson-lock-horizon').uncheck();
    await byTestId(page, 'lesson-hide-retrain').uncheck();
    await byTestId(page, 'lesson-hide-explore.summary').check();
    await byTestId(page, 'lesson-start').fill('20');
    await byTestId(page, 'lesson-presenter').check();
    const ticked = async (prefix: string, ids: readonly string[]) => {
      const on: string[] = [];
      for (const id of ids) if (await byTestId(page, `${prefix}${id}`).isChecked()) on.push(id);
      return on;
    };
    const hideable = [...STAGES.map((s) => s.id), ...CELLS.filter((c) => CELLS.filter((d) => d.stage === c.stage).length > 1).map((c) => c.id)];
    const expected: Lesson = {
      locked: (await ticked('lesson-lock-', LOCK_GROUPS.map((g) => g.id))) as Lesson['locked'],
      hidden: await ticked('lesson-hide-', hideable),
      deployStartPeriod: 20,
      presenter: true,
    };
    expect(expected).toEqual({ locked: ['models', 'ops.scenario'], hidden: ['monitor', 'explore.summary'], deployStartPeriod: 20, presenter: true });
    const made = decodeLinkHash(new URL(await byTestId(page, 'lesson-link').inputValue()).hash);
    expect(made.lesson).toEqual(expected);
    expect(made.config).toEqual(decodeLinkHash(new URL(page.url()).hash).config);
    expect(await blockingViolations(page, '[data-testid="lesson-dialog"]')).toEqual([]);
    await screenshot(page, 'instructor-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
