import type { Alert, AlertKind } from '../monitor/alert-rules';
import { retrainMessages as M } from '../messages/retrain';
import type { RetrainPolicy } from './retrain-policy';

export interface ShouldRetrainOptions {
  policy: RetrainPolicy;
  /** The simulated period now ending. */
  period: number;
  /** When the serving model's lineage was last retrained; null: never since the original training (counted as period 0). */
  lastRetrainPeriod: number | null;
  /** Alerts raised so far (or since the last retraining): those after it count. */
  alerts: readonly Pick<Alert, 'kind' | 'period' | 'title'>[];
  /** The user pressed "Retrain". */
  manualRequest?: boolean;
  /** A challenger is training or in shadow. */
  challengerActive?: boolean;
}

export interface RetrainDecision {
  retrain: boolean;
  /** Why, or why not yet: a plain sentence for the audit trail and the timeline. */
  reason: string;
}

const DECAY: readonly AlertKind[] = ['performance', 'cost'];
const DRIFT_OR_DECAY: readonly AlertKind[] = ['data-drift', 'prediction-drift', 'target-drift', ...DECAY];

/**
 * Whether to train a challenger at the end of `period`. In order: never while a challenger is active (it is judged
 * first); always on a manual request (a click must do something); otherwise only at least `minPeriodsBetween`
 * periods after the last training, and then as the trigger says. An alert that comes too soon is not lost: it still
 * counts once the wait is over, as long as it is passed in.
 */
export function shouldRetrain(options: ShouldRetrainOptions): RetrainDecision {
  const { policy, period, lastRetrainPeriod, alerts, manualRequest = false, challengerActive = false } = options;
  if (challengerActive) return no(M.challengerActive());
  if (manualRequest) return yes(M.manual());
  if (policy.trigger === 'manual') return no(M.manualOnly());
  const last = lastRetrainPeriod ?? 0;
  const since = period - last;
  if (since < policy.minPeriodsBetween) return no(M.tooSoon(since, policy.minPeriodsBetween));
  if (policy.trigger === 'scheduled') return since >= policy.every ? yes(M.scheduled(policy.every)) : no(M.notYetScheduled(since, policy.every));
  const kinds = policy.trigger === 'on-decay' ? DECAY : DRIFT_OR_DECAY;
  const triggering = alerts.filter((a) => kinds.includes(a.kind) && a.period <= period && (lastRetrainPeriod === null || a.period > lastRetrainPeriod));
  const first = triggering[0];
  if (first === undefined) return no(policy.trigger === 'on-decay' ? M.noDecayAlert() : M.noDriftAlert());
  return yes(M.alerted(first.title, first.period, triggering.length - 1));
}

const yes = (reason: string): RetrainDecision => ({ retrain: true, reason });
const no = (reason: string): RetrainDecision => ({ retrain: false, reason });
