import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { userEvent } from 'vitest/browser';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../src/lib/notebook/config';
import type { Lesson } from '../../src/lib/notebook/lesson';
import { decodeLinkHash, encodeConfigHash } from '../../src/lib/notebook/url-hash';
import { NotebookState } from '../../src/state/notebook.svelte';
import { OpsState } from '../../src/state/ops.svelte';
import type { RegistryState } from '../../src/state/registry.svelte';
import type { OpsClient } from '../../src/workers/ops-client';
import LessonDialog from '../../src/ui/LessonDialog.svelte';

const link: NotebookConfig = { ...DEFAULT_CONFIG, horizon: 14, stage: 'scope' };
const lesson: Lesson = { locked: ['horizon', 'models'], hidden: ['monitor', 'retrain'], deployStartPeriod: 30, presenter: false };

describe('NotebookState with a lesson link', () => {
  it('keeps locked settings at the link’s values whatever asks, and lets the others change', () => {
    const notebook = new NotebookState(encodeConfigHash(link, lesson));
    expect(notebook.lesson).toEqual(lesson);
    notebook.update({ horizon: 28, seed: 1, split: { ...link.split, folds: 3 } });
    expect(notebook.config.horizon).toBe(14);
    expect(notebook.config.seed).toBe(link.seed);
    expect(notebook.config.split.folds).toBe(3);
    // An opened run or saved notebook goes through the same door.
    notebook.replace({ ...link, models: { ...link.models, backend: 'cpu' } });
    expect(notebook.config.models).toEqual(link.models);
    expect(decodeLinkHash(notebook.hash).lesson).toEqual(lesson);
    expect(notebook.isShown('monitor')).toBe(false);
    expect(notebook.isShown('deploy')).toBe(true);
  });

  it('says when the notebook differs from the link, and resets to it keeping the stage in view', () => {
    const notebook = new NotebookState(encodeConfigHash(link, lesson));
    notebook.update({ stage: 'features' });
    expect(notebook.changedFromLink).toBe(false);
    notebook.update({ split: { ...link.split, folds: 0 } });
    expect(notebook.changedFromLink).toBe(true);
    notebook.resetToLink();
    expect(notebook.config).toEqual({ ...link, stage: 'features' });
    expect(notebook.changedFromLink).toBe(false);
  });

  it('takes a new link’s lesson and settings when one is pasted', () => {
    const notebook = new NotebookState(encodeConfigHash(link, lesson));
    notebook.openLink(encodeConfigHash({ ...link, horizon: 7 }));
    expect(notebook.lesson).toBeNull();
    expect(notebook.config.horizon).toBe(7);
    notebook.update({ horizon: 21 });
    expect(notebook.config.horizon).toBe(21);
  });
});

describe('OpsState.start(config, frequency, { pausedAt })', () => {
  /** A simulation of `total` periods in a fake worker that records the steps it is asked for. */
  function fakeOps(total: number) {
    const steps: number[] = [];
    let period = 0;
    const snapshot = () => ({ snapshot: { period, total, finished: period >= total }, backend: 'cpu' });
    const client = {
      api: {
        start: async () => ((period = 0), snapshot()),
        step: async (periods: number) => ((period = Math.min(total, period + periods)), steps.push(periods), snapshot()),
      },
      terminate: () => undefined,
    } as unknown as OpsClient;
    const registry = { registry: { aliases: { champion: 'v1' } }, weights: () => ({}) } as unknown as RegistryState;
    return { ops: new OpsState({ registry, client: () => client }), steps };
  }

  it('runs the story to the lesson’s period and waits for Play there', async () => {
    const { ops, steps } = fakeOps(100);
    await ops.start(DEFAULT_CONFIG, 'daily', { pausedAt: 30 });
    expect(steps).toEqual([30]);
    expect(ops.snapshot?.period).toBe(30);
    expect(ops.playing).toBe(false);
  });

  it('stops at the story’s end when the period lies beyond it, and starts at 0 without one', async () => {
    const short = fakeOps(12);
    await short.ops.start(DEFAULT_CONFIG, 'daily', { pausedAt: 30 });
    expect(short.steps).toEqual([12]);
    const plain = fakeOps(100);
    await plain.ops.start(DEFAULT_CONFIG, 'daily');
    expect(plain.steps).toEqual([]);
    expect(plain.ops.snapshot?.period).toBe(0);
  });
});

describe('LessonDialog.svelte', () => {
  it('makes the link its checkboxes say, from the notebook as it is, and closes on Escape with focus back on its button', async () => {
    const notebook = new NotebookState(encodeConfigHash(link));
    const screen = await render(LessonDialog, { notebook });
    const opener = screen.getByTestId('make-lesson');
    await userEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Make a lesson link' });
    await expect.element(dialog).toBeVisible();
    // A plain link until something is chosen.
    const field = screen.getByTestId('lesson-link');
    expect(decodeLinkHash(new URL((field.element() as HTMLInputElement).value).hash).lesson).toBeNull();

    await userEvent.click(screen.getByTestId('lesson-lock-models'));
    await userEvent.click(screen.getByTestId('lesson-lock-horizon'));
    await userEvent.click(screen.getByTestId('lesson-hide-retrain'));
    await userEvent.click(screen.getByTestId('lesson-hide-monitor'));
    await userEvent.click(screen.getByTestId('lesson-hide-explore.summary'));
    await userEvent.fill(screen.getByTestId('lesson-start'), '30');
    const made = decodeLinkHash(new URL((field.element() as HTMLInputElement).value).hash);
    expect(made.lesson).toEqual({ locked: ['horizon', 'models'], hidden: ['monitor', 'retrain', 'explore.summary'], deployStartPeriod: 30, presenter: false });
    expect(made.config).toEqual(link);
    expect(made.problems).toEqual([]);

    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(document.activeElement).toBe(opener.element());
  });

  it('keeps one stage: the last shown stage cannot be hidden', async () => {
    const notebook = new NotebookState(encodeConfigHash(link));
    const screen = await render(LessonDialog, { notebook });
    await userEvent.click(screen.getByTestId('make-lesson'));
    const ids = ['scope', 'data', 'explore', 'features', 'train', 'evaluate', 'registry', 'deploy', 'monitor'];
    for (const id of ids) await userEvent.click(screen.getByTestId(`lesson-hide-${id}`));
    await expect.element(screen.getByTestId('lesson-hide-retrain')).toBeDisabled();
  });
});
