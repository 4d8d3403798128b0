// User-facing texts of the Retrain stage (src/lib/retrain): why a retraining starts or waits, and how a challenger
// compared with the champion. See ./index.ts.

const periods = (count: number): string => `${count} ${count === 1 ? 'period' : 'periods'}`;
const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;

export const retrainMessages = {
  challengerActive: () => 'A challenger is already in shadow: it is judged before another one is trained.',
  manual: () => 'Retraining was requested by hand.',
  manualOnly: () => 'Retraining is manual: press “Retrain” to train a challenger.',
  tooSoon: (since: number, min: number) =>
    `Waiting: the model was trained ${periods(since)} ago, and the policy keeps at least ${periods(min)} between trainings.`,
  scheduled: (every: number) => `Scheduled retraining: every ${periods(every)}.`,
  notYetScheduled: (since: number, every: number) => `Next scheduled retraining in ${periods(every - since)} (every ${periods(every)}).`,
  alerted: (title: string, period: number, more: number) =>
    `Triggered by the alert “${title}” (period ${period})${more > 0 ? ` and ${more} more` : ''}.`,
  noDriftAlert: () => 'No drift or decay alert since the last training.',
  noDecayAlert: () => 'No performance or cost alert since the last training.',
} as const;

export const challengerMessages = {
  noRows: () => 'No actuals to judge the challenger on yet (no row has both forecasts and its actual, or the actuals are all zero).',
  verdict: ({ winner, championWape, challengerWape, rows }: { winner: 'challenger' | 'champion'; championWape: number; challengerWape: number; rows: number }) =>
    `${winner === 'challenger' ? 'The challenger wins' : 'The champion stays'}: WAPE ${pct(challengerWape)} against ${pct(championWape)} over ${rows} forecasts compared.`,
} as const;
