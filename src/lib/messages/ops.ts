// User-facing texts of the operations loop (src/lib/ops) and its stages (Deploy, Monitor, Retrain).
import type { RoutingKind, ServingMode } from '../serving/simulation-config';

export const opsMessages = {
  noChampion: 'There is no champion to serve: train models on the Train stage, then register one as champion on the Registry stage.',
  noChallenger: 'There is no challenger to promote: retrain, or register a version as the challenger first.',
  onset: (notes: string[]) => (notes.length > 0 ? `Drift begins: ${notes.join(' ')}` : 'Drift begins.'),
  retrained: (version: string, reason: string, start: string, end: string) =>
    `Retrained ${version} on ${start} … ${end} (${reason}); it runs as challenger in shadow.`,
  autoPromoted: 'The challenger passed every promotion gate on the newest actuals.',
  archived: 'The challenger failed a promotion gate on the newest actuals; the champion stays.',
  archivedEvent: (version: string) => `${version} failed a gate and was archived; the champion keeps serving.`,
  promoted: (version: string) => `${version} is the new champion.`,
  rolledBack: (version: string) => `Rolled back: ${version} is champion again.`,
  serving: (version: string, model: string, simulated: boolean) =>
    simulated
      ? `Serving ${version} ${model}, the champion in the simulation (its retraining and promotions are the story's, not the stored registry's).`
      : `Serving ${version} ${model} (the registry's champion) from a worker.`,
  servingNone: 'Register a champion on the Registry stage first.',
  deployHow: 'Press Run to build the simulated future and load the model; then Play. The scenario and its seed are in the link: the same link replays the same story.',
  notStarted: 'The simulation has not started: press Play or Step on the Deploy stage.',
  needsTraining: 'Train models on the Train stage first: the registry registers a trained run’s model.',
  simulationFailed: (detail: string) => `The simulation stopped: ${detail}. Nothing stored was changed.`,
  registered: (version: string) => `Registered ${version}.`,
  segmentChart: (column: string) => `Share of units by ${column}: what sold against what was forecast`,
  driftChart: (column: string) => `Distribution of ${column}: the reference weeks against the current window`,
  segmentSubtitle: 'Over the monitoring window; a bar pair that differs is where the forecasts went wrong',
  driftSubtitle: (test: string) => `Share of values per bin; the test (${test}) compares the two`,
  actualUnits: 'Actual units',
  forecastUnits: 'Forecast units',
  referenceSample: 'Reference (a year before)',
  currentSample: 'Current window',
} as const;

/** The Deploy stage's labels: the drift scenario, serving settings, the clock and the serving figures. */
export const deployPanelTexts = {
  scenarioLegend: 'Drift scenario',
  scenario: 'Scenario',
  onset: 'Onset (periods after deployment)',
  target: 'Target (key value or column; empty = default)',
  whatHappens: 'What happens:',
  whatMonitoringShows: 'What monitoring should show:',
  servingLegend: 'Serving',
  periods: 'Simulated periods',
  periodsPlaceholder: 'one year',
  delay: 'Actuals arrive after (periods)',
  mode: 'Mode',
  modes: { batch: 'batch (one request per period, every series)', online: 'online (one request per series)' } satisfies Record<ServingMode, string>,
  challenger: 'Challenger',
  routing: { shadow: 'shadow (scores alongside, unused)', canary: 'canary (serves a share of series)', 'champion-only': 'not run' } satisfies Record<RoutingKind, string>,
  canaryShare: 'Canary share (%)',
  speed: 'Speed (periods per second)',
  play: 'Play',
  pause: 'Pause',
  step: (periods: number) => (periods === 1 ? 'Step' : `Step ${periods}`),
  period: (period: number, total: number) => `Period ${period} of ${total}`,
  finished: 'finished',
  latency: 'Latency p50 / p95 / p99',
  milliseconds: (ms: string) => `${ms} ms`,
  throughput: 'Throughput',
  requests: (perSecond: string, count: number) => `${perSecond} requests/s (${count} requests)`,
  errors: 'Errors',
  backend: 'Backend',
  forecastChart: "The newest request's forecast against the actuals that have arrived",
  latencyChart: 'Request latency over simulated time',
} as const;
