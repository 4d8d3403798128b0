import type { GateResult } from '../registry/types';
import { gatesPass } from '../registry/gates';
import type { RetrainPolicy } from './retrain-policy';

export interface JudgeChallengerOptions {
  policy: Pick<RetrainPolicy, 'shadowPeriods' | 'autoPromote'>;
  /** The period the challenger started forecasting: its first forecast is of the period after. */
  since: number;
  /** The newest period whose actuals have arrived. */
  known: number;
  /** The promotion gates, with the champion and the challenger compared on the periods from `from` to `known`. */
  gates: (from: number) => GateResult[];
}

/**
 * 'wait': the shadow period is not over (`shadowPeriods` of the challenger's forecasts have no actuals yet);
 * otherwise the gates decide, and without auto-promotion the challenger is kept for a person to decide ('keep').
 */
export type ChallengerVerdict = { verdict: 'wait' } | { verdict: 'keep' | 'promote' | 'archive'; gates: GateResult[] };

/** Whether a challenger has been watched long enough, and what its gates say once it has. */
export function judgeChallenger({ policy, since, known, gates }: JudgeChallengerOptions): ChallengerVerdict {
  const from = judgedFrom(since);
  if (known - from + 1 < policy.shadowPeriods) return { verdict: 'wait' };
  const results = gates(from);
  if (!policy.autoPromote) return { verdict: 'keep', gates: results };
  return { verdict: gatesPass(results) ? 'promote' : 'archive', gates: results };
}

/** The first period a challenger that started at `since` forecast (none before the simulation's first). */
export function judgedFrom(since: number): number {
  return Math.max(since + 1, 0);
}
