// User-facing texts of the Deploy stage's simulated serving (src/lib/serving) and its operations charts
// (src/lib/charts/ops-*).

export const servingMessages = {
  periodOutOfOrder: (period: number, last: number) =>
    `Period ${period} cannot be logged after period ${last}: served periods are logged in order, once each.`,
  wrongLength: (field: string, actual: number, expected: number) =>
    `The served “${field}” has ${actual} values where the log expects ${expected} (series × horizon steps).`,
} as const;

/** Titles, axes and legends of the operations charts. */
export const opsChartTexts = {
  timelineTitle: 'Operations timeline',
  timelineSubtitle: [
    'Served forecast error over time (black line: all series; dashed: each store an alert named); bands: the version serving.',
    'Coloured rules: alerts; black rules: retraining, promotion, archiving, rollback; dashed red rule: the drift onset.',
  ],
  segmentLines: 'Served error of',
  segmentAlert: 'Bias in one store',
  errorAxis: 'Rolling WAPE (served)',
  reference: 'Test WAPE at training',
  version: 'Serving version',
  alert: 'Alert',
  alertKinds: {
    'data-drift': 'Data drift',
    'prediction-drift': 'Prediction drift',
    'target-drift': 'Target drift',
    performance: 'Performance',
    cost: 'Cost',
    'data-quality': 'Data quality',
  },
  severity: 'Severity',
  title: 'What',
  explanation: 'Why',
  event: 'Event',
  eventKinds: { retrain: 'Retrained', promote: 'Promoted', promotion: 'Promoted', rollback: 'Rolled back', archive: 'Challenger archived' } as Record<string, string>,
  driftOnset: 'Drift starts (scenario)',
  from: 'From',
  to: 'To',
  rows: 'Forecasts compared',
  latencyTitle: 'Endpoint latency',
  latencySubtitle: 'Per period: median (p50), p95 and p99 of request latency',
  latencyAxis: 'Latency (ms)',
  percentile: 'Percentile',
  budget: 'Latency budget',
  driftBinsTitle: (column: string) => `Distribution of ${column}: training vs now`,
  driftBinsSubtitle: 'Share of values per bin in the training reference and in the current window',
  bin: 'Bin',
  share: 'Share of values',
  sample: 'Sample',
  referenceSample: 'Training (reference)',
  currentSample: 'Current window',
} as const;
