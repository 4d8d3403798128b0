import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { ForecastLabDb } from '../../src/adapters/db';
import { runProblems, runStatusExplanations } from '../../src/lib/messages/runs';
import type { NotebookConfig } from '../../src/lib/notebook/config';
import { RunsState } from '../../src/state/runs.svelte';
import { StorageState } from '../../src/state/storage.svelte';
import RunsPanel from '../../src/ui/RunsPanel.svelte';
import { makeConfig, makeRun } from '../lib/runs/make-run';
import { uniqueDbName } from '../node/storage/helpers';

const cleanups: (() => void | Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Run A: the reference. B: better errors, another seed and MLP width. C: left 'running' by a closed tab. */
const A = makeRun('run-aaaa-0001', { created: '2024-05-01T10:00:00.000Z', epochs: 10 });
const B = makeRun('run-bbbb-0002', { created: '2024-05-02T10:00:00.000Z', errorScale: 0.8, seed: 7, mlpHidden: [32], epochs: 8 });
const C = makeRun('run-cccc-0003', { created: '2024-05-03T10:00:00.000Z', status: 'running' });

/** Stores the runs in a fresh real IndexedDB, then opens it as the app does (marking cut-off runs 'interrupted'). */
async function setUp(records: unknown[] = [A, B, C]) {
  const name = uniqueDbName('runs-panel');
  const db = new ForecastLabDb(name);
  await db.runs.bulkPut(records as never[]);
  db.close();
  const storage = new StorageState({ name, storageManager: null });
  cleanups.push(() => Dexie.delete(name), () => storage.close());
  await storage.open();
  const runs = new RunsState(storage);
  const onopen = vi.fn<(config: NotebookConfig, problems: string[]) => void>();
  const screen = await render(RunsPanel, { runs, onopen });
  await expect.poll(() => screen.getByTestId('run-row').elements().length).toBe(records.length);
  return { runs, onopen, screen, storage, name };
}

const rowIds = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('[data-testid="run-row"]')].map((row) => row.dataset.id);

function rowOf(container: HTMLElement, id: string): HTMLElement {
  const row = container.querySelector<HTMLElement>(`[data-testid="run-row"][data-id="${id}"]`);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

function control(container: HTMLElement, id: string, testId: string): HTMLInputElement {
  const element = rowOf(container, id).querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
  if (!element) throw new Error(`no ${testId} in row ${id}`);
  return element;
}

describe('RunsPanel.svelte (real IndexedDB)', () => {
  it('lists the runs newest first with their statuses; a run cut off by a closed tab shows as interrupted', async () => {
    const { screen } = await setUp();
    expect(rowIds(screen.container)).toEqual([C.id, B.id, A.id]);
    const statuses = [...screen.container.querySelectorAll<HTMLElement>('[data-testid="run-status"]')].map((b) => b.dataset.status);
    expect(statuses).toEqual(['interrupted', 'done', 'done']);
    const badge = rowOf(screen.container, C.id).querySelector('[data-testid="run-status"]');
    expect(badge?.getAttribute('title')).toBe(runStatusExplanations.interrupted);
    expect(rowOf(screen.container, B.id).textContent).toContain('16.0%'); // best model's WAPE, 0.2 × 0.8
    expect(rowOf(screen.container, C.id).querySelector('[data-column="wape"]')?.textContent).toBe('–');
  });

  it('sorts by WAPE when its header is clicked, runs without results last, and says so with aria-sort', async () => {
    const { screen } = await setUp();
    await screen.getByTestId('run-sort-wape').click();
    await expect.element(screen.getByTestId('run-column-wape')).toHaveAttribute('aria-sort', 'ascending');
    expect(rowIds(screen.container)).toEqual([B.id, A.id, C.id]);
    await screen.getByTestId('run-sort-wape').click();
    await expect.element(screen.getByTestId('run-column-wape')).toHaveAttribute('aria-sort', 'descending');
    expect(rowIds(screen.container)).toEqual([A.id, B.id, C.id]);
    expect(screen.getByTestId('run-column-created').element().hasAttribute('aria-sort')).toBe(false);
  });

  it('filters by text and by status', async () => {
    const { screen } = await setUp();
    await screen.getByTestId('runs-filter-text').fill('bbbb');
    await expect.poll(() => rowIds(screen.container)).toEqual([B.id]);
    await screen.getByTestId('runs-filter-text').fill('');
    await screen.getByTestId('runs-filter-status').selectOptions('interrupted');
    await expect.poll(() => rowIds(screen.container)).toEqual([C.id]);
  });

  it('compares two selected runs: metric deltas, learning curves and only the parameters that differ', async () => {
    const { screen } = await setUp();
    expect(screen.getByTestId('run-compare').elements()).toHaveLength(0);
    control(screen.container, A.id, 'run-select').click();
    control(screen.container, B.id, 'run-select').click();
    const compare = screen.getByTestId('run-compare');
    await expect.element(compare).toBeVisible();

    const cell = (run: string, metric: string) =>
      compare.element().querySelector<HTMLElement>(`[data-model="mlp"][data-run="${run}"] [data-metric="${metric}"]`);
    expect(cell(A.id, 'wape')?.textContent?.trim()).toBe('20.0%');
    expect(cell(A.id, 'wape')?.dataset.verdict).toBe('none');
    expect(cell(B.id, 'wape')?.textContent).toContain('16.0%');
    expect(cell(B.id, 'wape')?.querySelector('[data-testid="run-metric-delta"]')?.textContent?.replace(/\s+/g, ' ')).toContain('−4.0 pp −20%');
    expect(cell(B.id, 'wape')?.dataset.verdict).toBe('better');
    expect(cell(B.id, 'cost')?.dataset.verdict).toBe('better');
    expect(getComputedStyle(cell(B.id, 'wape') as HTMLElement).backgroundColor).not.toBe(getComputedStyle(cell(A.id, 'wape') as HTMLElement).backgroundColor);

    const params = [...compare.element().querySelectorAll<HTMLElement>('[data-testid="run-param-row"]')].map((r) => r.dataset.path);
    expect(params).toEqual(['seed', 'models.candidates[1].hidden']);

    const chart = compare.getByTestId('chart');
    await expect.element(chart).toHaveAttribute('data-state', 'ready');
    expect(Number(chart.element().getAttribute('data-marks'))).toBeGreaterThan(0);

    // The interrupted run has no results but can still join the comparison (its cells stay empty).
    control(screen.container, C.id, 'run-select').click();
    await expect.poll(() => compare.element().querySelectorAll('[data-testid="run-compare-run"]').length).toBe(3);
    expect(compare.element().querySelector(`[data-run="${C.id}"]`)).toBeNull();
  });

  it('opens a run: onopen gets the run’s config, validated', async () => {
    const { screen, onopen } = await setUp();
    rowOf(screen.container, B.id).querySelector<HTMLButtonElement>('[data-testid="run-open"]')?.click();
    await expect.poll(() => onopen.mock.calls.length).toBe(1);
    expect(onopen.mock.calls[0]).toEqual([makeConfig({ seed: 7, mlpHidden: [32] }), []]);
  });

  it('shows a malformed stored run as a row that cannot be read, and the table still works', async () => {
    const broken = { id: 'broken-run', status: 'exploded', config: 'nope', metrics: 12 };
    const { screen } = await setUp([A, B, broken]);
    const row = rowOf(screen.container, 'broken-run');
    expect(row.dataset.status).toBe('unreadable');
    expect(row.querySelector('[data-testid="run-problem"]')?.textContent).toBe(runProblems.badStatus('“exploded”'));
    expect(control(screen.container, 'broken-run', 'run-select').disabled).toBe(true);
    expect(control(screen.container, 'broken-run', 'run-open').disabled).toBe(true);
    await screen.getByTestId('run-sort-wape').click();
    expect(rowIds(screen.container)).toEqual([B.id, A.id, 'broken-run']);
  });

  it('refresh() shows a run that just ended; Delete asks first, then removes the run', async () => {
    const { screen, runs, name } = await setUp([A]);
    const db = new ForecastLabDb(name);
    cleanups.push(() => db.close());
    await db.runs.put(B);
    await runs.refresh();
    await expect.poll(() => rowIds(screen.container)).toEqual([B.id, A.id]);

    control(screen.container, A.id, 'run-delete').click();
    await expect.poll(() => rowOf(screen.container, A.id).querySelector('[data-testid="run-confirm-delete"]')).not.toBeNull();
    rowOf(screen.container, A.id).querySelector<HTMLButtonElement>('[data-testid="run-confirm-delete"]')?.click();
    await expect.poll(() => rowIds(screen.container)).toEqual([B.id]);
    expect(await db.runs.get(A.id)).toBeUndefined();
  });
});
