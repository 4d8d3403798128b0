import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { NotebookConfig } from '../../src/lib/notebook/config';
import type { StageId } from '../../src/lib/notebook/stages';

/**
 * How the end-to-end tests read and drive the notebook: by data-testid and by the URL hash (the configuration),
 * always waiting on a condition, never on the clock. Generous limits: the machine may be a slow 2-core box.
 */
export const LONG = 120_000;

export const DATA_CELLS = ['data.load', 'data.clean'] as const;
export const EXPLORE_CELLS = ['explore.summary', 'explore.charts'] as const;
export const DATA_AND_EXPLORE = [...DATA_CELLS, ...EXPLORE_CELLS] as const;

export type Status = 'not-run' | 'fresh' | 'stale' | 'running' | 'error';

export function byTestId(scope: Page | Locator, id: string): Locator {
  return scope.locator(`[data-testid="${id}"]`);
}

export function cell(page: Page, id: string): Locator {
  return byTestId(page, `cell-${id}`);
}

export interface NotebookSnapshot {
  statuses: Record<string, string | null>;
  /** Each cell's error text, where it shows one. */
  errors: Record<string, string>;
  config: unknown;
}

/** What the page shows about its cells and configuration, for waiting and for failure messages. */
export function snapshot(page: Page): Promise<NotebookSnapshot> {
  return page.evaluate(() => {
    const statuses: Record<string, string | null> = {};
    const errors: Record<string, string> = {};
    for (const element of document.querySelectorAll<HTMLElement>('[data-cell]')) {
      const id = element.dataset.cell ?? '';
      statuses[id] = element.dataset.status ?? null;
      const error = element.querySelector(':scope > [role="alert"]');
      if (error?.textContent) errors[id] = error.textContent.trim();
    }
    let config: unknown;
    try {
      config = JSON.parse(decodeURIComponent(location.hash.slice(1)));
    } catch {
      config = location.hash;
    }
    return { statuses, errors, config };
  });
}

/**
 * Wait until every cell in `ids` has `status`. Waiting for 'fresh' stops early when one of them fails, so the
 * failure message shows the cell's error instead of a timeout.
 */
export async function waitForCells(page: Page, options: { ids?: readonly string[]; status?: Status } = {}): Promise<void> {
  const ids = options.ids ?? DATA_AND_EXPLORE;
  const status = options.status ?? 'fresh';
  await page
    .waitForFunction(
      ({ ids, status }) => {
        const statuses = ids.map((id) => document.querySelector(`[data-testid="cell-${id}"]`)?.getAttribute('data-status'));
        return statuses.every((s) => s === status) || (status === 'fresh' && statuses.includes('error'));
      },
      { ids, status },
      { timeout: LONG },
    )
    .catch(() => undefined);
  const state = await snapshot(page);
  expect(Object.fromEntries(ids.map((id) => [id, state.statuses[id]])), JSON.stringify(state.errors)).toEqual(
    Object.fromEntries(ids.map((id) => [id, status])),
  );
}

/** Deep partial, for "the configuration in the hash now has these fields". */
export type ConfigMatch = { [K in keyof NotebookConfig]?: NotebookConfig[K] extends object ? Partial<NotebookConfig[K]> | null : NotebookConfig[K] };

/**
 * Wait until the URL hash holds a configuration matching `expected`. The hash is written after a change has marked
 * its cells stale, so once it matches, "all fresh" means fresh for this configuration, not the one before.
 */
export async function waitForConfig(page: Page, expected: ConfigMatch): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const matches = (actual: unknown, wanted: unknown): boolean =>
        wanted === null || typeof wanted !== 'object'
          ? actual === wanted
          : actual !== null &&
            typeof actual === 'object' &&
            Object.entries(wanted).every(([key, value]) => matches((actual as Record<string, unknown>)[key], value));
      try {
        return matches(JSON.parse(decodeURIComponent(location.hash.slice(1))), expected);
      } catch {
        return false;
      }
    },
    expected,
    { timeout: LONG },
  );
}

/** Open a stage from the rail, as a user, and wait until the hash says it is in view. */
export async function goToStage(page: Page, id: StageId): Promise<void> {
  await byTestId(page, `rail-${id}`).click();
  await waitForConfig(page, { stage: id });
}

export async function readConfig(page: Page): Promise<NotebookConfig> {
  return JSON.parse(decodeURIComponent(new URL(page.url()).hash.slice(1))) as NotebookConfig;
}

export interface Facts {
  name: string;
  rows: string;
  series: string;
  frequency: string;
}

export async function readFacts(page: Page): Promise<Facts> {
  const text = (id: string) => byTestId(page, id).innerText({ timeout: LONG });
  const [name, rows, series, frequency] = await Promise.all(['data-name', 'data-rows', 'data-series', 'data-frequency'].map(text));
  return { name: name!, rows: rows!, series: series!, frequency: frequency! };
}

export interface ChartState {
  label: string | null;
  state: string | null;
  marks: number;
}

/** Every chart in `stageId`'s section once none is still rendering. */
export async function settledCharts(page: Page, stageId = 'explore'): Promise<ChartState[]> {
  const selector = `[data-testid="stage-${stageId}"] [data-testid="chart"]`;
  await page.waitForFunction(
    (selector) => {
      const charts = [...document.querySelectorAll(selector)];
      return charts.length > 0 && charts.every((chart) => chart.getAttribute('data-state') !== 'rendering');
    },
    selector,
    { timeout: LONG },
  );
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll<HTMLElement>(selector)].map((chart) => ({
        label: chart.getAttribute('aria-label'),
        state: chart.dataset.state ?? null,
        marks: Number(chart.dataset.marks ?? 0),
      })),
    selector,
  );
}

/** Every chart on the Explore stage drawn, none empty: returns them for further checks. */
export async function expectExploreChartsDrawn(page: Page): Promise<ChartState[]> {
  const charts = await settledCharts(page);
  expect(charts.length).toBeGreaterThan(0);
  expect(charts.filter((chart) => chart.state !== 'ready' || !(chart.marks > 0))).toEqual([]);
  return charts;
}

/** The sales-over-time chart (the Explore stage's first cell), once drawn. */
export async function salesOverTime(page: Page): Promise<ChartState> {
  const chart = (await settledCharts(page)).find((c) => c.label === 'Sales over time');
  expect(chart).toBeDefined();
  return chart!;
}

export type FileToImport = string | { name: string; mimeType: string; buffer: Buffer };

/** Import a file through the Data stage's file input, as a user choosing it in the file dialog. */
export async function chooseFile(page: Page, file: FileToImport): Promise<void> {
  await byTestId(page, 'file-input').setInputFiles(file, { timeout: LONG });
}

/**
 * After choosing `name`: 'used' when the notebook switched to it (the hash names it), 'rejected' when the app
 * refused it and said why (the data in use unchanged).
 */
export async function waitForImport(page: Page, name: string): Promise<'used' | 'rejected'> {
  const outcome = await page.waitForFunction(
    (name) => {
      try {
        const config = JSON.parse(decodeURIComponent(location.hash.slice(1))) as { dataset?: { kind?: string; name?: string } };
        if (config.dataset?.kind === 'imported' && config.dataset.name === name) return 'used';
      } catch {
        // not a configuration yet
      }
      const rejected = document.querySelector('[data-testid="rejected-file"]');
      return rejected?.textContent?.includes(`“${name}”`) ? 'rejected' : false;
    },
    name,
    { timeout: LONG },
  );
  return (await outcome.jsonValue()) as 'used' | 'rejected';
}

export interface StoredItem {
  key: string;
  name: string;
  detail: string;
  size: string;
}

/** The datasets the Storage panel lists, once storage is open and no action is running. */
export async function storedDatasets(page: Page): Promise<StoredItem[]> {
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('[data-testid="storage-export"]')?.disabled === false, null, {
    timeout: LONG,
  });
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="storage-row-datasets"]')].map((row) => ({
      key: row.dataset.key ?? '',
      name: row.querySelector('th')?.textContent?.trim() ?? '',
      detail: row.querySelector('td')?.textContent?.trim() ?? '',
      size: row.querySelector('[data-testid="storage-size"]')?.textContent?.trim() ?? '',
    })),
  );
}

/** The page has not gone blank: the rail and the Data stage are on screen. */
export async function expectPageAlive(page: Page): Promise<void> {
  await byTestId(page, 'rail-data').waitFor({ state: 'visible', timeout: LONG });
  await byTestId(page, 'stage-data').waitFor({ state: 'visible', timeout: LONG });
  await cell(page, 'data.load').waitFor({ state: 'visible', timeout: LONG });
}

/** Count of performance marks a cell left when it finished (`fl:<id>:end`, see notebook.svelte.ts). */
export function finishedRuns(page: Page, id: string): Promise<number> {
  return page.evaluate((id) => performance.getEntriesByName(`fl:${id}:end`).length, id);
}

export interface LeaderboardRow {
  model: string;
  best: boolean;
  family: string;
  /** The cells of the metric columns, primary metric (WAPE) first, as shown. */
  values: string[];
  /** Every cell of the row (rank, model, kind, the metrics, "vs seasonal naive") by its column heading, as shown. */
  byColumn: Record<string, string>;
}

/** The Evaluate stage's leaderboard, row by row as shown (best first). */
export async function leaderboardRows(page: Page): Promise<LeaderboardRow[]> {
  return byTestId(page, 'leaderboard').evaluate((table) => {
    const text = (element: Element | undefined) => element?.textContent?.trim() ?? '';
    const headings = [...table.querySelectorAll('thead th')].map(text);
    return [...table.querySelectorAll('tbody tr')].map((row) => {
      const cells = [...row.querySelectorAll('td')].map(text);
      const byColumn = Object.fromEntries(headings.map((heading, i) => [heading, text(row.children[i])]));
      // rank, family, the metric columns, then "vs reference".
      return { model: row.getAttribute('data-model') ?? '', best: row.classList.contains('best'), family: cells[1] ?? '', values: cells.slice(2, -1), byColumn };
    });
  });
}

/** Test-window values of a role section's metric table. */
export function roleValues(page: Page, role: string): Promise<{ metric: string; test: string; backtest: string }[]> {
  return byTestId(page, role)
    .locator('table.metrics tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        metric: row.getAttribute('data-metric') ?? '',
        test: row.querySelector('[data-window="test"]')?.textContent?.trim() ?? '',
        backtest: row.querySelector('[data-window="backtest"]')?.textContent?.trim() ?? '',
      })),
    );
}
