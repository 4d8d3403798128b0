import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { modelLabel } from '../../src/lib/evaluate/leaderboard';
import { BUILTIN_FILES, DEFAULT_CONFIG } from '../../src/lib/notebook/config';
import { encodeConfigHash } from '../../src/lib/notebook/url-hash';
import type { ModelName, RunMetrics } from '../../src/lib/runs/types';
import { byTestId, goToStage, leaderboardRows, readFacts, roleValues, type Facts } from '../e2e/notebook';
import { newestRunMetrics, trainOnce, withPage } from './measure-training';

/** One dataset the quality section trains on: the generated example (no hash: the defaults) or a built-in file. */
export interface QualityDataset {
  name: string;
  /** The URL hash to open the app at; '' for the defaults. */
  hash: string;
  /** The peers' protocol and best result on this file (../shared/reference/peer-accuracy.json); null for the example. */
  peer: { horizon: number; best: string; wape: number } | null;
}

interface PeerFile {
  datasets: Record<string, { horizon: number; best: string; models: Record<string, { wape: number }> }>;
}

/** The peers' accuracy on the shipped files: R forecast, Prophet and a gradient-boosted global model, same test windows. */
const PEERS = JSON.parse(readFileSync(new URL('../../../shared/reference/peer-accuracy.json', import.meta.url), 'utf8')) as PeerFile;

/**
 * The default example, then the three shipped real datasets at the peers' horizon (each file's usual H), every other
 * setting left at its default.
 */
export const QUALITY_DATASETS: QualityDataset[] = [
  { name: 'generated example (the default dataset)', hash: '', peer: null },
  ...BUILTIN_FILES.map((file) => {
    const peer = PEERS.datasets[file];
    const horizon = peer?.horizon ?? null;
    return {
      name: file,
      hash: encodeConfigHash({ ...DEFAULT_CONFIG, dataset: { kind: 'builtin', file }, horizon }),
      peer: peer ? { horizon: peer.horizon, best: peer.best, wape: peer.models[peer.best]!.wape } : null,
    };
  }),
];

/** One model's line, every figure as the Evaluate stage shows it. */
export interface QualityRow {
  model: ModelName;
  label: string;
  family: string;
  best: boolean;
  /** The Data scientist table's "Test window" column, with this model picked in "Model to inspect". */
  testWape: string;
  testMase: string;
  /** The same two as stored with the run, unrounded (null when the run has none). */
  storedTestWape: number | null;
  storedTestMase: number | null;
  /** The selection score as stored (mean WAPE over the folds), and the model's time over every window (s). */
  storedSelectionWape: number | null;
  seconds: number;
  /** An ensemble's members, or the forms a classical model chose most often. */
  detail: string;
  /** The leaderboard's columns: means over the selection folds (the pick's score), the test window's WAPE, "vs seasonal naive". */
  backtestWape: string;
  shownTestWape: string;
  backtestMase: string;
  vsReference: string;
}

export interface QualityResult {
  dataset: QualityDataset;
  facts: Facts;
  /** "Trained on: …" of the Train stage. */
  backend: string;
  /** Click on Run → train.models fresh, ms. */
  trainedMs: number;
  /** The train worker's warm-up (tfjs, the backend probe) as the Train stage came into view, before the click. */
  warmUpMs: number;
  /** As stored with the run (the horizon the defaults resolved to, the folds before the test window). */
  horizon: number | null;
  folds: number | null;
  /** The leaderboard's caption ("Backtest mean over 2 windows, sorted by WAPE …") and the quality-bar sentence. */
  caption: string;
  qualityBar: string;
  rows: QualityRow[];
  /** Figures the UI shows that do not round from the stored run's own numbers (empty when the two agree). */
  mismatches: string[];
}

/** Training the small real datasets on 2 cores takes minutes: each wait may take this long. */
const TIMEOUT_MS = 30 * 60_000;

/**
 * Model quality as a user sees it: open the built app on `dataset` with default settings in a fresh context, go to
 * the Train stage and click Run, wait for training to end, then on the Evaluate stage read the leaderboard (backtest
 * means, "vs seasonal naive", the quality-bar sentence) and, picking each model in turn, the test-window WAPE and
 * MASE of the Data scientist table. The stored run is read too, only to check that the page showed its numbers.
 */
export async function measureQuality(browser: Browser, options: { url: string; dataset: QualityDataset }): Promise<QualityResult> {
  return withPage(browser, async (page) => {
    const { clickAt, trainedAt, warmUpMs } = await trainOnce(page, options.url + options.dataset.hash, {
      timeoutMs: TIMEOUT_MS,
      beforeClick: () => goToStage(page, 'train'),
    });
    const backend = (await byTestId(page, 'backend-used').locator('strong').innerText()).trim();
    const facts = await readFacts(page);
    await goToStage(page, 'evaluate');
    const board = await leaderboardRows(page);
    const metrics = await newestRunMetrics(page);
    const rows: QualityRow[] = [];
    for (const row of board) {
      rows.push({ ...(await testWindowOf(page, row.model)), ...storedTestWindow(metrics, row.model), ...leaderboardFigures(row) });
    }
    return {
      dataset: options.dataset,
      facts,
      backend,
      trainedMs: trainedAt - clickAt,
      warmUpMs,
      horizon: metrics?.horizon ?? null,
      folds: metrics?.folds ?? null,
      caption: (await page.locator('.leaderboard .caption').innerText()).trim(),
      qualityBar: (await byTestId(page, 'test-improvement').innerText()).trim(),
      rows,
      mismatches: metrics ? mismatches(rows) : ['no stored run to compare with'],
    };
  });
}

type BoardRow = Awaited<ReturnType<typeof leaderboardRows>>[number];

function leaderboardFigures(row: BoardRow): Omit<QualityRow, 'testWape' | 'testMase' | 'storedTestWape' | 'storedTestMase' | 'storedSelectionWape' | 'seconds' | 'detail'> {
  const column = (heading: string) => row.byColumn[heading] ?? '?';
  return {
    model: row.model as ModelName,
    label: modelLabel(row.model as ModelName),
    family: row.family,
    best: row.best,
    backtestWape: column('WAPE, selection folds'),
    shownTestWape: column('WAPE, test window'),
    backtestMase: column('MASE'),
    vsReference: column('vs seasonal naive'),
  };
}

/** Pick `model` in "Model to inspect" and read its test-window WAPE and MASE from the Data scientist table. */
async function testWindowOf(page: Page, model: string): Promise<Pick<QualityRow, 'testWape' | 'testMase'>> {
  await byTestId(page, 'evaluate-model').selectOption(model);
  const values = await roleValues(page, 'role-data-scientist');
  const test = (metric: string) => values.find((v) => v.metric === metric)?.test ?? '?';
  return { testWape: test('wape'), testMase: test('mase') };
}

/** A number as the app prints it ("12.3%", "1,234", "0.873", "−2"), or null for "–" and anything else. */
function parseShown(text: string): number | null {
  const cleaned = text.replace(/,/g, '').replace('−', '-').replace(/%$/, '');
  return /^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}

/** A model's test-window WAPE and MASE as stored with the run (the window named 'test', else the last). */
function storedTestWindow(metrics: RunMetrics | null, model: string): Pick<QualityRow, 'storedTestWape' | 'storedTestMase' | 'storedSelectionWape' | 'seconds' | 'detail'> {
  const result = metrics?.models.find((m) => m.name === model);
  const test = result?.windows.find((w) => w.window === 'test') ?? result?.windows.at(-1);
  const finite = (value: number | null | undefined) => (value !== null && value !== undefined && Number.isFinite(value) ? value : null);
  return {
    storedTestWape: finite(test?.evaluation.expert.wape),
    storedTestMase: finite(test?.evaluation.dataScientist.mase),
    storedSelectionWape: finite(result?.backtest.wape),
    seconds: (result?.windows ?? []).reduce((sum, w) => sum + w.durationMs, 0) / 1000,
    detail: [...(result?.members ?? []), ...(result?.forms?.slice(0, 2) ?? [])].join(result?.members ? ' + ' : ', '),
  };
}

/** Each shown test-window figure against the stored run's value, within the rounding of what is shown. */
function mismatches(rows: QualityRow[]): string[] {
  const found: string[] = [];
  for (const row of rows) {
    const check = (label: string, shown: string, stored: number | null, scale: number) => {
      const value = parseShown(shown);
      if (value === null && stored === null) return;
      const decimals = /\.(\d+)/.exec(shown.replace(/e.*$/, ''))?.[1]?.length ?? 0;
      const tolerance = 0.5 * 10 ** -decimals + 1e-9;
      if (value === null || stored === null || Math.abs(value - stored * scale) > tolerance) found.push(`${row.model} ${label}: shown ${shown}, stored ${stored ?? 'none'}`);
    };
    check('test WAPE', row.testWape, row.storedTestWape, 100);
    check('test MASE', row.testMase, row.storedTestMase, 1);
  }
  return found;
}
