// User-facing texts of the Retrain stage (src/lib/retrain): why a retraining starts or waits, what rows it learns
// from, how a challenger compared with the champion, and how long recovery took.

import type { RetrainTrigger, RetrainWindow } from '../retrain/retrain-policy';

const periods = (count: number): string => `${count} ${count === 1 ? 'period' : 'periods'}`;
const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;
/** The Retrain stage's button, which the manual policy's reason names. */
const RETRAIN_NOW = 'Retrain now';

export const retrainMessages = {
  challengerActive: () => 'A challenger is already in shadow: it is judged before another one is trained.',
  manual: () => 'Retraining was requested by hand.',
  manualOnly: () => `Retraining is manual: press “${RETRAIN_NOW}” to train a challenger.`,
  tooSoon: (since: number, min: number) =>
    `Waiting: the model was trained ${periods(since)} ago, and the policy keeps at least ${periods(min)} between trainings.`,
  scheduled: (every: number) => `Scheduled retraining: every ${periods(every)}.`,
  notYetScheduled: (since: number, every: number) => `Next scheduled retraining in ${periods(every - since)} (every ${periods(every)}).`,
  alerted: (title: string, period: number, more: number) =>
    `Triggered by the alert “${title}” (period ${period})${more > 0 ? ` and ${more} more` : ''}.`,
  noDriftAlert: () => 'No drift or decay alert since the last training.',
  noDecayAlert: () => 'No performance or cost alert since the last training.',
  afterShift: (column: string, value: string, from: string, weight: number) =>
    `The sales level of ${column} ${value} shifted: its series learn from ${from} on, each of those rows counted ${weight} times.`,
  shiftedRows: (series: number, from: string, weight: number) => ` (${series} series only from ${from}, where their level shifted, those rows counted ${weight} times)`,
} as const;

/** The Retrain stage's training-window choices: a label each and one line on what it does. */
export const retrainWindowTexts: Readonly<Record<RetrainWindow, { label: string; explain: string }>> = {
  adaptive: {
    label: 'adaptive (all history; a shifted store from its shift)',
    explain:
      'All history, except that a store whose sales level shifted (its bias alert fired) learns only from the shift on, those rows weighted up, so a retraining learns its new level instead of averaging it with years of the old one.',
  },
  expanding: { label: 'expanding (all history)', explain: 'All history up to the newest actuals: a store whose level shifted learns its new level slowly, a few weeks against years.' },
  sliding: { label: 'sliding (the last N periods)', explain: 'Only the last N periods, for every store: forgets old levels, and with them seasons and holidays older than N.' },
};

/** How long the served forecasts took to come back within the alert rules after the onset (RecoverySummary.recoveryPeriods). */
export const recoveryText = (periods: number | null): string =>
  periods === null ? 'not back within the alert rules yet' : periods === 0 ? 'no accuracy alert since the onset' : `back within the alert rules ${periods} ${periods === 1 ? 'period' : 'periods'} after the onset`;

export const challengerMessages = {
  noRows: () => 'No actuals to judge the challenger on yet (no row has both forecasts and its actual, or the actuals are all zero).',
  verdict: ({ winner, championWape, challengerWape, rows }: { winner: 'challenger' | 'champion'; championWape: number; challengerWape: number; rows: number }) =>
    `${winner === 'challenger' ? 'The challenger wins' : 'The champion stays'}: WAPE ${pct(challengerWape)} against ${pct(championWape)} over ${rows} forecasts compared.`,
} as const;

/** The Retrain stage's labels: the policy, the simulation's versions and buttons, the recovery summary and the events. */
export const retrainPanelTexts = {
  policyLegend: 'Retrain policy',
  trigger: 'When',
  triggers: {
    'on-drift': 'on a drift or performance alert',
    'on-decay': 'on performance decay only',
    scheduled: 'on a schedule',
    manual: 'by hand',
  } satisfies Record<RetrainTrigger, string>,
  every: 'Every (periods)',
  window: 'Training window',
  windowLength: 'N (periods; empty = one year)',
  shadowPeriods: 'Shadow for (periods)',
  minPeriodsBetween: 'At least … periods between trainings',
  autoPromote: 'promote automatically through the gates',
  empty: 'Start the simulation on the Deploy stage: the timeline fills as simulated time passes.',
  champion: 'Champion:',
  challenger: 'Challenger:',
  noChallenger: 'none',
  version: (version: string, model: string) => `${version} ${model}`,
  retrainNow: RETRAIN_NOW,
  promote: 'Promote challenger',
  promotedByHand: 'Promoted by hand on the Retrain stage',
  rollback: 'Roll back',
  rolledBackByHand: 'Rolled back by hand on the Retrain stage',
  beforeDrift: 'Served WAPE before the drift:',
  worstSince: 'worst since:',
  now: 'now:',
  sinceOnset: (alerts: number, promotions: number) => `${alerts} alerts and ${promotions} promotions since the onset`,
  timelineChart: 'Timeline: served error, the version serving, alerts, retrains and promotions',
  events: 'What happened',
  noEvents: 'Nothing yet.',
} as const;
