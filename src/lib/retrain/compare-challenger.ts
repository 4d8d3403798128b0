import { finiteOrNull } from '../eda/finite-or-null';
import { wape } from '../evaluate/wape';
import { challengerMessages as M } from '../messages/retrain';

/** Per (series, period[, step]) row: the actual and both versions' forecasts of it (./shadow-pairs gives these). */
export interface CompareChallengerOptions {
  actual: ArrayLike<number>;
  champion: ArrayLike<number>;
  challenger: ArrayLike<number>;
  /** Per row, the simulated period it falls in (to count the periods compared). */
  period: ArrayLike<number>;
  /** Relative WAPE improvement the challenger must beat (0.02 = 2 % better); 0 by default: any improvement. */
  minImprovement?: number;
}

export interface ChallengerComparison {
  championWape: number | null;
  challengerWape: number | null;
  /** (champion − challenger) / champion: 0.1 = the challenger's error is 10 % lower. */
  improvement: number | null;
  /** Distinct periods compared. */
  periods: number;
  /** Rows compared: both forecasts and the actual known. */
  rows: number;
  /** The champion stays on a tie or a too-small improvement; null when nothing could be compared. */
  winner: 'challenger' | 'champion' | null;
  /** A plain sentence for the audit trail. */
  summary: string;
}

/**
 * Champion against challenger on the rows both forecast during the shadow period, by WAPE (the Evaluate stage's
 * measure). Only rows where all three numbers are known count, so neither version is judged on rows the other
 * skipped. The incumbent keeps its place unless the challenger is strictly better by more than `minImprovement`.
 */
export function compareChallenger(options: CompareChallengerOptions): ChallengerComparison {
  const { minImprovement = 0 } = options;
  const actual: number[] = [];
  const champion: number[] = [];
  const challenger: number[] = [];
  const periods = new Set<number>();
  for (let i = 0; i < options.actual.length; i++) {
    const y = options.actual[i] as number;
    const a = options.champion[i] as number;
    const b = options.challenger[i] as number;
    if (!Number.isFinite(y) || !Number.isFinite(a) || !Number.isFinite(b)) continue;
    actual.push(y);
    champion.push(a);
    challenger.push(b);
    periods.add(options.period[i] as number);
  }
  const championWape = finiteOrNull(wape(actual, champion));
  const challengerWape = finiteOrNull(wape(actual, challenger));
  const improvement = championWape === null || challengerWape === null || championWape === 0 ? null : (championWape - challengerWape) / championWape;
  const rows = actual.length;
  if (championWape === null || challengerWape === null) {
    return { championWape, challengerWape, improvement, periods: periods.size, rows, winner: null, summary: M.noRows() };
  }
  // A perfect champion (WAPE 0) cannot be beaten; otherwise the improvement decides.
  const winner = improvement !== null && improvement > minImprovement ? 'challenger' : 'champion';
  return { championWape, challengerWape, improvement, periods: periods.size, rows, winner, summary: M.verdict({ winner, championWape, challengerWape, rows }) };
}
