import type { TopLevelSpec } from 'vega-lite';
import { dayToIso } from '../core/days';
import { opsChartTexts as L } from '../messages/serving';
import { CHART_HEIGHT, dateEncoding, dateTooltip, GROUP_COLORS, lineDescription, SCHEMA } from './chart-defaults';

/** One period's latency percentiles (../serving/summarize-latency), null where the period had no samples. */
export interface LatencyPoint {
  /** Days since 1970-01-01. */
  date: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface OpsLatencySpecOptions {
  title?: string;
  /** The Scope's latency budget (ms), drawn as a dashed rule; none by default. */
  budgetMs?: number | null;
}

const PERCENTILES = ['p50', 'p95', 'p99'] as const;

/** One row per period and percentile with a latency. */
export function latencyRows(points: readonly LatencyPoint[]): { date: string; percentile: string; ms: number }[] {
  return points.flatMap((p) =>
    PERCENTILES.flatMap((q) => {
      const ms = p[q];
      return ms === null || !Number.isFinite(ms) ? [] : [{ date: dayToIso(p.date), percentile: q, ms }];
    }),
  );
}

/**
 * The endpoint's latency over the simulated periods: p50, p95 and p99 as lines, against the Scope's budget. The
 * tail (p99) is what a user waiting on a forecast feels; the median hides it.
 */
export function opsLatencySpec(points: readonly LatencyPoint[], options: OpsLatencySpecOptions = {}): TopLevelSpec {
  const { budgetMs = null } = options;
  const y = { type: 'quantitative' as const, title: L.latencyAxis, axis: { format: '~s' }, scale: { zero: true } };
  const lines = {
    data: { values: latencyRows(points) },
    mark: { type: 'line' as const, strokeWidth: 1.4 },
    encoding: {
      x: dateEncoding(),
      y: { field: 'ms', ...y },
      color: { field: 'percentile', type: 'nominal' as const, title: L.percentile, scale: { domain: [...PERCENTILES], range: GROUP_COLORS.slice(0, 3) } },
      tooltip: [
        dateTooltip(),
        { field: 'percentile', type: 'nominal' as const, title: L.percentile },
        { field: 'ms', type: 'quantitative' as const, title: L.latencyAxis, format: ',.1f' },
      ],
      description: lineDescription({ field: 'percentile' }),
    },
  };
  const budget =
    budgetMs !== null && Number.isFinite(budgetMs)
      ? [
          {
            data: { values: [{ budget: budgetMs, label: L.budget }] },
            mark: { type: 'rule' as const, color: '#888888', strokeDash: [6, 4] },
            encoding: {
              y: { field: 'budget', ...y },
              tooltip: [{ field: 'label', type: 'nominal' as const, title: L.budget }, { field: 'budget', type: 'quantitative' as const, title: L.latencyAxis }],
            },
          },
        ]
      : [];
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? L.latencyTitle, subtitle: L.latencySubtitle },
    width: 'container',
    height: CHART_HEIGHT,
    layer: [lines, ...budget],
  };
}
