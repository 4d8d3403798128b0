/**
 * A classical model's fitted parameters as one JSON file: the Evaluate stage's "Download … parameters (JSON)" and
 * each run's MLflow artifact `models/<model>/params.json` write the same text, from what the run stored
 * (RunArtifacts.classical, written by runs/classical-params.ts on the test window).
 *
 *   ClassicalParams + the run's id and metrics ──► the file: the run, the window, the note and snippet, then per
 *   series its form, its parameters (R's names) and the forecast Forecast Lab scored, date by date.
 */
import { CLASSICAL_SNIPPET, classicalParamsHowTo } from '../messages/classical-params';
import type { ClassicalKind, FittedParams } from '../models/types';
import type { ClassicalParams, HeadlineMetrics, RunMetrics } from '../runs/types';

export interface ClassicalParamsFile {
  model: ClassicalKind;
  /** The stored run's id; null for a run that could not be stored. */
  runId: string | null;
  frequency: ClassicalParams['frequency'];
  season: number;
  /** Every series is fitted on its history up to here ('YYYY-MM-DD'); the forecast starts the period after. */
  cutoff: string;
  horizon: number;
  /** The model's headline metrics on the test window, as the leaderboard shows them. */
  test: HeadlineMetrics | null;
  howToUse: string[];
  /** Point forecasts from the parameters, in JavaScript (ETS and Theta). */
  snippet?: string;
  /** What every series shares (the calendar regression's coefficients). */
  shared?: FittedParams;
  series: {
    label: string;
    form: string;
    params: FittedParams;
    forecast: { date: string; p50: number | null; p10: number | null; p90: number | null }[];
  }[];
}

export function classicalParamsFile(options: { runId: string | null; metrics: RunMetrics; params: ClassicalParams }): ClassicalParamsFile {
  const { runId, metrics, params } = options;
  const result = metrics.models.find((m) => m.name === params.model);
  const snippet = params.model === 'ets' || params.model === 'theta' ? { snippet: CLASSICAL_SNIPPET } : {};
  return {
    model: params.model,
    runId,
    frequency: params.frequency,
    season: params.season,
    cutoff: params.cutoff,
    horizon: metrics.horizon,
    test: result?.test ?? null,
    howToUse: classicalParamsHowTo(params.model, { frequency: params.frequency, cutoff: params.cutoff, horizon: metrics.horizon }),
    ...snippet,
    ...(params.shared ? { shared: params.shared } : {}),
    series: params.series.map((s) => ({
      label: s.label,
      form: s.form,
      params: s.params,
      forecast: s.dates.map((date, k) => ({ date, p50: s.p50[k] ?? null, p10: s.p10[k] ?? null, p90: s.p90[k] ?? null })),
    })),
  };
}

/** The file as written (indented: people read it). */
export function classicalParamsJson(options: Parameters<typeof classicalParamsFile>[0]): string {
  return `${JSON.stringify(classicalParamsFile(options), null, 2)}\n`;
}
