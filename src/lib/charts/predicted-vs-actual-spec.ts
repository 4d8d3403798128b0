import type { TopLevelSpec } from 'vega-lite';
import { modelLabel } from '../evaluate/leaderboard';
import type { ForecastSample, ModelName } from '../runs/types';
import { CHART_HEIGHT, dateEncoding, dateTooltip, SALES_FORMAT, SCHEMA } from './chart-defaults';
import { ACTUAL_COLOR, MODEL_COLORS } from './model-colors';

export interface SampleOptions {
  /** The series to draw (a ForecastSample row's `series`); default: the first one with a P10–P90 band. */
  series?: string | null;
  /** Models to draw, in legend order; default every sample's model. */
  models?: readonly ModelName[];
}

export interface PredictedVsActualSpecOptions extends SampleOptions {
  title?: string;
}

const ACTUAL = 'Actual';

/** The series a set of samples covers, in first-seen order ('total' first when forecastSample made them). */
export function sampleSeries(samples: readonly ForecastSample[]): string[] {
  const seen = new Set<string>();
  for (const sample of samples) for (const row of sample.rows) seen.add(row.series);
  return [...seen];
}

/**
 * The series to show: `wanted` when the samples have it, else the first with a band (one real series), else the
 * first at all; null without rows.
 */
export function defaultSampleSeries(samples: readonly ForecastSample[], wanted: string | null = null): string | null {
  if (wanted !== null && samples.some((s) => s.rows.some((r) => r.series === wanted))) return wanted;
  for (const sample of samples) for (const row of sample.rows) if (row.p10 !== null && row.p90 !== null) return row.series;
  return sampleSeries(samples)[0] ?? null;
}

/** The samples asked for, in that order, with their rows cut to one series. */
export function selectSamples(samples: readonly ForecastSample[], options: SampleOptions): { series: string | null; samples: ForecastSample[] } {
  const series = options.series ?? defaultSampleSeries(samples);
  const chosen = options.models ? options.models.flatMap((m) => samples.filter((s) => s.model === m)) : [...samples];
  return { series, samples: chosen.map((s) => ({ model: s.model, rows: s.rows.filter((r) => r.series === series) })) };
}

/**
 * Forecast against actual over the test window for one series: the actual in near-black, each model's P50 in its
 * colour, and its P10–P90 band shaded where the model has one (baselines and summed totals have none).
 */
export function predictedVsActualSpec(samples: readonly ForecastSample[], options: PredictedVsActualSpecOptions = {}): TopLevelSpec {
  const { series, samples: chosen } = selectSamples(samples, options);
  const actualRows = chosen[0]?.rows ?? [];
  const lines = [
    ...actualRows.filter((r) => r.actual !== null).map((r) => ({ date: r.date, model: ACTUAL, value: r.actual as number })),
    ...chosen.flatMap((s) => s.rows.filter((r) => Number.isFinite(r.p50)).map((r) => ({ date: r.date, model: modelLabel(s.model), value: r.p50 }))),
  ];
  const bands = chosen.flatMap((s) =>
    s.rows.filter((r) => r.p10 !== null && r.p90 !== null).map((r) => ({ date: r.date, model: modelLabel(s.model), p10: r.p10, p90: r.p90 })),
  );
  const color = {
    field: 'model',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [ACTUAL, ...chosen.map((s) => modelLabel(s.model))], range: [ACTUAL_COLOR, ...chosen.map((s) => MODEL_COLORS[s.model])] },
  };
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? 'Forecast against actual (test window)', subtitle: series === null ? '' : `${series}; shaded: P10–P90` },
    width: 'container',
    height: CHART_HEIGHT,
    // The bands share the lines' colours but not their legend (which would otherwise vanish with the bands' null legend).
    resolve: { legend: { color: 'independent' } },
    // No band layer without bands (baselines, totals): an empty layer makes vega warn of an infinite extent.
    layer: [
      ...(bands.length === 0
        ? []
        : [
            {
              data: { values: bands },
              mark: { type: 'area' as const, opacity: 0.18 },
              encoding: {
                x: dateEncoding(),
                y: { field: 'p10', type: 'quantitative' as const, title: 'Sales (units)' },
                y2: { field: 'p90' },
                color: { ...color, legend: null },
                tooltip: [
                  dateTooltip(),
                  { field: 'model', type: 'nominal' as const, title: 'Model' },
                  { field: 'p10', type: 'quantitative' as const, title: 'P10', format: SALES_FORMAT },
                  { field: 'p90', type: 'quantitative' as const, title: 'P90', format: SALES_FORMAT },
                ],
              },
            },
          ]),
      {
        data: { values: lines },
        mark: { type: 'line', strokeWidth: 1.6, point: { size: 14 } },
        encoding: {
          x: dateEncoding(),
          y: { field: 'value', type: 'quantitative', title: 'Sales (units)', axis: { format: '~s' } },
          color,
          tooltip: [
            dateTooltip(),
            { field: 'model', type: 'nominal', title: 'Line' },
            { field: 'value', type: 'quantitative', title: 'Units', format: SALES_FORMAT },
          ],
        },
      },
    ],
  };
}
