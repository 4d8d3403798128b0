/**
 * The selection loop of the Train stage: windows × candidates → metrics → pick, with the test window last.
 *
 *   1. every candidate (baselines, classical, neural) forecasts every selection fold, oldest first (lanes side by side,
 *      each at its own pace)
 *   2. candidates are ranked by the mean of the primary metric over those folds; ensembles of the top k (mean and
 *      median, k = 2 … maxMembers) are scored on the same folds, and the best k of each kind is kept
 *   3. the pick: the lowest selection score among candidates and the two ensembles — fixed here, before step 4
 *   4. the test window: every candidate and kept ensemble forecasts it once, for the report only
 *
 * The test window cannot influence the pick because it is not forecast until the pick is made (a Node test holds
 * the order). How each forecast is made (a worker, tfjs, a proxy) is the caller's: this file only orders the calls
 * and does the arithmetic.
 */
import type { HeadlineMetrics, ModelFamily, ModelName, SelectionRecord } from '../runs/types';
import type { MetricName } from '../notebook/stage-configs';
import { trainMessages } from '../messages/train';
import { finiteOrNull } from '../core/finite';
import { meanHeadline } from './headline-metrics';

export interface BacktestCandidate {
  name: ModelName;
  family: ModelFamily;
  /**
   * Candidates of one lane forecast one after another; lanes run side by side (the classical models fit in the data
   * worker while a network trains in the train worker, so two cores both work). Default: one lane for all.
   */
  lane?: string;
}

export type EnsembleMethod = 'mean' | 'median';

/** One forecast of one window, scored: `metrics` is what selection reads; `detail` is kept for the caller. */
export interface WindowOutcome<D> {
  metrics: HeadlineMetrics;
  detail: D;
}

export interface BacktestForecaster<D> {
  /** Forecast window `window` (index into the plan) with a candidate, and score it. */
  forecast(candidate: BacktestCandidate, window: number): Promise<WindowOutcome<D>>;
  /** Combine the members' forecasts of `window` (already made by `forecast`) and score the combination. */
  combine(ensemble: { name: ModelName; members: ModelName[]; method: EnsembleMethod }, window: number): Promise<WindowOutcome<D>>;
}

export interface RunBacktestOptions<D> {
  /** Window labels in plan order; the last is the test window, every other a selection fold. */
  windows: string[];
  candidates: BacktestCandidate[];
  forecaster: BacktestForecaster<D>;
  primary: MetricName;
  /** Largest ensemble tried (default 5). */
  maxMembers?: number;
  signal?: AbortSignal;
}

export interface CandidateResult<D> {
  name: ModelName;
  family: ModelFamily;
  members: ModelName[] | null;
  /** Per window label, in plan order (ensembles: the folds and, when kept, the test window). */
  windows: { window: string; metrics: HeadlineMetrics; detail: D }[];
  /** Mean of each metric over the selection folds. */
  selection: HeadlineMetrics;
  /** The test window's metrics; null until step 4 (or when the candidate failed there). */
  test: HeadlineMetrics | null;
}

export interface BacktestResult<D> {
  results: CandidateResult<D>[];
  selection: SelectionRecord;
}

const ENSEMBLES: { name: ModelName; method: EnsembleMethod; minMembers: number }[] = [
  { name: 'ensemble-mean', method: 'mean', minMembers: 2 },
  // A median of two is their mean: the median ensemble starts at three.
  { name: 'ensemble-median', method: 'median', minMembers: 3 },
];

export async function runBacktest<D>(options: RunBacktestOptions<D>): Promise<BacktestResult<D>> {
  const { windows, candidates, forecaster, primary, signal } = options;
  const maxMembers = options.maxMembers ?? 5;
  if (windows.length < 2) throw new Error(trainMessages.noSelectionFold);
  const folds = windows.slice(0, -1);
  const testIndex = windows.length - 1;
  const checkCancelled = () => {
    if (signal?.aborted) throw new Error(trainMessages.trainingCancelled);
  };

  // Every candidate on each of `ws`, lane by lane side by side; outcomes per window in candidate order. A lane goes
  // on to the next window as soon as its own candidates are done (a network's next fold needs only its own previous
  // fold), so a fast lane never waits for a slow one until the pick.
  const lanes = new Map<string, number[]>();
  candidates.forEach((c, i) => lanes.set(c.lane ?? '', [...(lanes.get(c.lane ?? '') ?? []), i]));
  const forecastWindows = async (ws: number[]): Promise<WindowOutcome<D>[][]> => {
    const outcomes = ws.map(() => new Array<WindowOutcome<D>>(candidates.length));
    await Promise.all(
      [...lanes.values()].map(async (members) => {
        for (const [k, w] of ws.entries()) {
          for (const i of members) {
            checkCancelled();
            outcomes[k]![i] = await forecaster.forecast(candidates[i]!, w);
          }
        }
      }),
    );
    return outcomes;
  };

  // 1. Every candidate on every selection fold.
  const results = candidates.map<CandidateResult<D>>((c) => ({ name: c.name, family: c.family, members: null, windows: [], selection: emptyMetrics(), test: null }));
  (await forecastWindows(folds.map((_, w) => w))).forEach((outcomes, w) => outcomes.forEach((outcome, i) => results[i]!.windows.push({ window: folds[w]!, ...outcome })));
  for (const result of results) result.selection = meanHeadline(result.windows.map((w) => w.metrics));

  // 2. Rank; ensembles of the top k, each k scored on the same folds.
  const score = (r: CandidateResult<D>) => finiteOrNull(r.selection[primary]);
  const ranked = results.filter((r) => score(r) !== null).sort((a, b) => (score(a) as number) - (score(b) as number));
  const ensembles: CandidateResult<D>[] = [];
  for (const kind of ENSEMBLES) {
    let best: CandidateResult<D> | null = null;
    for (let k = kind.minMembers; k <= Math.min(maxMembers, ranked.length); k++) {
      const members = ranked.slice(0, k).map((r) => r.name);
      const tried: CandidateResult<D> = { name: kind.name, family: 'ensemble', members, windows: [], selection: emptyMetrics(), test: null };
      for (let w = 0; w < folds.length; w++) {
        checkCancelled();
        tried.windows.push({ window: folds[w]!, ...(await forecaster.combine({ name: kind.name, members, method: kind.method }, w)) });
      }
      tried.selection = meanHeadline(tried.windows.map((w) => w.metrics));
      const value = score(tried);
      if (value !== null && (best === null || value < (score(best) as number))) best = tried;
    }
    if (best) ensembles.push(best);
  }

  // 3. The pick, on the folds alone. A single model wins ties: it is simpler to serve and to explain.
  const ranking = [...ranked, ...ensembles]
    .map((r, order) => ({ name: r.name, score: score(r) as number, order }))
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .map(({ name, score: s }) => ({ name, score: s }));
  const selection: SelectionRecord = { metric: primary, windows: folds, ranking, picked: ranking[0]?.name ?? null };

  // 4. The test window, reported after the pick.
  const testLabel = windows[testIndex]!;
  (await forecastWindows([testIndex]))[0]!.forEach((outcome, i) => {
    results[i]!.windows.push({ window: testLabel, ...outcome });
    results[i]!.test = outcome.metrics;
  });
  for (const ensemble of ensembles) {
    checkCancelled();
    const method = ENSEMBLES.find((e) => e.name === ensemble.name)!.method;
    const outcome = await forecaster.combine({ name: ensemble.name, members: ensemble.members ?? [], method }, testIndex);
    ensemble.windows.push({ window: testLabel, ...outcome });
    ensemble.test = outcome.metrics;
  }
  return { results: [...results, ...ensembles], selection };
}

function emptyMetrics(): HeadlineMetrics {
  return meanHeadline([]);
}
