/**
 * The selection loop of the Train stage: windows × candidates → metrics → pick, with the test window last.
 *
 *   1. every candidate (baselines, classical, neural) forecasts every selection fold, oldest first; then, still in its
 *      lane, prepares the test window without looking at it (a network trains on the rows up to its cutoff)
 *   2. candidates are ranked by the mean of the primary metric over those folds; ensembles of the top k (mean and
 *      median, k = 2 … maxMembers) are scored on the same folds, and the best k of each kind is kept
 *   3. the pick: the lowest selection score among candidates and the two ensembles — fixed here, before step 4
 *   4. the test window: every candidate and kept ensemble forecasts it once, for the report only
 *
 * The test window cannot influence the pick because it is not forecast until the pick is made (a Node test holds
 * the order); preparing it reads only rows before it. How each forecast is made (a worker, tfjs, a proxy) is the
 * caller's: this file only orders the calls and does the arithmetic.
 *
 * Lanes: candidates of one lane share its slots (the data worker is one slot; each train worker another). A free slot
 * takes the waiting step of the earliest window, then of the costliest candidate, and a candidate's own steps run in
 * window order (a network's next fold starts from its previous fold's weights). So no slot idles while a step waits
 * anywhere in its lane, and no lane waits for another until the pick.
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
   * The lane whose slots the candidate's steps take (see above): lanes run side by side, so the classical models fit
   * in the data worker while networks train in the train workers. Default: one lane for all.
   */
  lane?: string;
  /**
   * How long its steps take next to its lane's other candidates (any unit; default 1). A freed slot takes the costliest
   * waiting step of the earliest window, so the long chains start first and the short ones fill in around them.
   */
  cost?: number;
}

export type EnsembleMethod = 'mean' | 'median';

/** One forecast of one window, scored: `metrics` is what selection reads; `detail` is kept for the caller. */
export interface WindowOutcome<D> {
  metrics: HeadlineMetrics;
  detail: D;
}

export interface BacktestForecaster<D> {
  /** Forecast window `window` (index into the plan) with a candidate, and score it; `slot` is the lane's slot it runs in. */
  forecast(candidate: BacktestCandidate, window: number, slot: number): Promise<WindowOutcome<D>>;
  /**
   * Ready the test window for `forecast` without reading anything from it or after its cutoff (a network's training
   * on the rows before it). Runs in the candidate's lane right after its last fold, before the pick, so a lane that is
   * done with its folds does not idle; the test forecast itself waits for the pick. Optional.
   */
  prepare?(candidate: BacktestCandidate, window: number, slot: number): Promise<void>;
  /** Combine the members' forecasts of `window` (already made by `forecast`) and score the combination. */
  combine(ensemble: { name: ModelName; members: ModelName[]; method: EnsembleMethod }, window: number): Promise<WindowOutcome<D>>;
}

export interface RunBacktestOptions<D> {
  /** Window labels in plan order; the last is the test window, every other a selection fold. */
  windows: string[];
  candidates: BacktestCandidate[];
  forecaster: BacktestForecaster<D>;
  primary: MetricName;
  /** Steps a lane runs at once, by lane name (default 1 each). */
  slots?: Record<string, number>;
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

  const lanes = createLanes(options.slots ?? {});
  // One step of candidate i: it waits for a slot of the candidate's lane, and gives it back whatever happens.
  const step = async (i: number, window: number, run: (slot: number) => Promise<void>) => {
    const lane = candidates[i]!.lane ?? '';
    const slot = await lanes.acquire(lane, { window, cost: candidates[i]!.cost ?? 1, order: i });
    try {
      checkCancelled();
      await run(slot);
    } finally {
      lanes.release(lane, slot);
    }
  };

  // 1. Every candidate on every selection fold, in order, then its preparation of the test window.
  const results = candidates.map<CandidateResult<D>>((c) => ({ name: c.name, family: c.family, members: null, windows: [], selection: emptyMetrics(), test: null }));
  const foldsDone = candidates.map(async (candidate, i) => {
    for (const [w, label] of folds.entries()) {
      await step(i, w, async (slot) => {
        results[i]!.windows.push({ window: label, ...(await forecaster.forecast(candidate, w, slot)) });
      });
    }
  });
  const prepared = Promise.all(
    foldsDone.map(async (done, i) => {
      await done;
      if (forecaster.prepare) await step(i, testIndex, (slot) => forecaster.prepare!(candidates[i]!, testIndex, slot));
    }),
  );
  // Awaited after the pick; a failure meanwhile is not left unhandled (that await rethrows it).
  prepared.catch(() => undefined);
  await Promise.all(foldsDone);
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
  await prepared;
  const testLabel = windows[testIndex]!;
  await Promise.all(
    candidates.map((candidate, i) =>
      step(i, testIndex, async (slot) => {
        const outcome = await forecaster.forecast(candidate, testIndex, slot);
        results[i]!.windows.push({ window: testLabel, ...outcome });
        results[i]!.test = outcome.metrics;
      }),
    ),
  );
  for (const ensemble of ensembles) {
    checkCancelled();
    const method = ENSEMBLES.find((e) => e.name === ensemble.name)!.method;
    const outcome = await forecaster.combine({ name: ensemble.name, members: ensemble.members ?? [], method }, testIndex);
    ensemble.windows.push({ window: testLabel, ...outcome });
    ensemble.test = outcome.metrics;
  }
  return { results: [...results, ...ensembles], selection };
}

interface Waiting {
  window: number;
  cost: number;
  /** The candidate's place in the list: the last tie-break. */
  order: number;
  grant: (slot: number) => void;
}

/**
 * Slots per lane: a free slot goes to the waiting step of the earliest window, then of the costliest candidate, then
 * of the earliest in the list. Slots are handed out a microtask after a request or a release, so the steps asked for
 * together (every candidate's first fold, at the start) are ranked together, not served in the order they asked.
 */
function createLanes(slots: Record<string, number>) {
  interface Pool {
    free: number[];
    waiting: Waiting[];
    dispatching: boolean;
  }
  const pools = new Map<string, Pool>();
  const pool = (lane: string) => {
    let found = pools.get(lane);
    if (!found) {
      found = { free: Array.from({ length: Math.max(1, slots[lane] ?? 1) }, (_, i) => i), waiting: [], dispatching: false };
      pools.set(lane, found);
    }
    return found;
  };
  const dispatch = (p: Pool) => {
    if (p.dispatching) return;
    p.dispatching = true;
    queueMicrotask(() => {
      p.dispatching = false;
      p.waiting.sort((a, b) => a.window - b.window || b.cost - a.cost || a.order - b.order);
      p.free.sort((a, b) => a - b);
      while (p.free.length > 0 && p.waiting.length > 0) p.waiting.shift()!.grant(p.free.shift()!);
    });
  };
  return {
    acquire(lane: string, step: Omit<Waiting, 'grant'>): Promise<number> {
      const p = pool(lane);
      const granted = new Promise<number>((grant) => p.waiting.push({ ...step, grant }));
      dispatch(p);
      return granted;
    },
    release(lane: string, slot: number): void {
      const p = pool(lane);
      p.free.push(slot);
      dispatch(p);
    },
  };
}

function emptyMetrics(): HeadlineMetrics {
  return meanHeadline([]);
}
