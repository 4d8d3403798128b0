import type { TopLevelSpec } from 'vega-lite';
import { dayToIso } from '../core/days';
import { opsChartTexts as L } from '../messages/serving';
import { ALERT_KINDS, type Alert, type AlertKind } from '../monitor/alert-rules';
import { ACCENT_COLOR, CHART_HEIGHT, dateEncoding, dateTooltip, GROUP_COLORS, SCHEMA } from './chart-defaults';

/** A retraining, a promotion, a rollback: something the operator (or the policy) did. */
export interface OpsTimelineEvent {
  /** Days since 1970-01-01. */
  date: number;
  /** 'retrain', 'promote', 'rollback', 'archive', … (shown by its label in ../messages/serving). */
  kind: string;
  text: string;
}

export interface OpsTimelineInput {
  /** The served forecasts' WAPE per period (../ops/timeline-input); days since 1970-01-01. */
  error: readonly { date: number; wape: number | null }[];
  /** The same per store, for the stores an alert named ('store S1'). */
  segments?: readonly { date: number; segment: string; wape: number }[];
  /** Which version served when (../ops/timeline-input); `end` exclusive. */
  versions: readonly { version: string; start: number; end: number }[];
  alerts: readonly Pick<Alert, 'key' | 'date' | 'kind' | 'severity' | 'title' | 'explanation'>[];
  events?: readonly OpsTimelineEvent[];
  /** When the scenario starts changing the world (the instructor knows; the monitor does not). */
  driftOnset?: number | null;
  /** The serving champion's test WAPE at training: the level the line should stay near. */
  reference?: number | null;
}

export interface OpsTimelineSpecOptions {
  title?: string;
}

/** One hue per alert kind, fixed so a kind reads the same from run to run. */
export const ALERT_COLORS: Readonly<Record<AlertKind, string>> = {
  'data-drift': '#f28e2b',
  'prediction-drift': '#edc948',
  'target-drift': '#b07aa1',
  performance: '#e15759',
  cost: '#9c755f',
  'data-quality': '#76b7b2',
};
const EVENT_COLOR = '#333333';
const SEGMENT_COLORS = ['#d62728', '#9467bd', '#8c564b', '#17becf', '#bcbd22'];
/** Segment alerts (one store's bias) are performance alerts, named and coloured apart in the legend. */
const SEGMENT_ALERT_COLOR = '#ff9da7';
const REFERENCE_COLOR = '#888888';

/** A layer of a layered spec, as vega-lite types it (derived: the package exports no name for it). */
type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/**
 * The whole operations story in one picture: the served forecasts' rolling WAPE over time, background bands for
 * the version that served, a rule per alert (coloured by kind) and per retraining or promotion (dark), the
 * scenario's drift onset as a dashed rule, and the test WAPE as a grey reference line. Hover a rule for what
 * happened and why. Layers without data are left out.
 */
export function opsTimelineSpec(input: OpsTimelineInput, options: OpsTimelineSpecOptions = {}): TopLevelSpec {
  const { events = [], driftOnset = null, reference = null } = input;
  const y = { type: 'quantitative' as const, title: L.errorAxis, axis: { format: '.0%' }, scale: { zero: true } };
  const layers: Layer[] = [];
  if (input.versions.length > 0) layers.push(versionBands(input.versions));
  if (reference !== null && Number.isFinite(reference)) {
    layers.push({
      data: { values: [{ reference, label: L.reference }] },
      mark: { type: 'rule', color: REFERENCE_COLOR, strokeDash: [2, 2] },
      encoding: {
        y: { field: 'reference', ...y },
        tooltip: [
          { field: 'label', type: 'nominal', title: L.event },
          { field: 'reference', type: 'quantitative', title: L.reference, format: '.1%' },
        ],
      },
    });
  }
  // No error layer before the first actuals arrive: an empty layer gives its scales an infinite extent (a vega warning).
  const error = input.error.filter((p) => p.wape !== null && Number.isFinite(p.wape)).map((p) => ({ date: dayToIso(p.date), wape: p.wape }));
  if (error.length > 0) {
    layers.push({
      data: { values: error },
      mark: { type: 'line', strokeWidth: 1.6, color: '#222222', point: { size: 10 } },
      encoding: { x: dateEncoding(), y: { field: 'wape', ...y }, tooltip: [dateTooltip(), { field: 'wape', type: 'quantitative', title: L.errorAxis, format: '.1%' }] },
    });
  }
  const segments = (input.segments ?? []).filter((p) => Number.isFinite(p.wape));
  if (segments.length > 0) {
    const names = [...new Set(segments.map((p) => p.segment))];
    layers.push({
      data: { values: segments.map((p) => ({ date: dayToIso(p.date), segment: p.segment, wape: p.wape })) },
      mark: { type: 'line', strokeWidth: 1.4, strokeDash: [4, 2] },
      encoding: {
        x: dateEncoding(),
        y: { field: 'wape', ...y },
        color: nominalColors('segment', L.segmentLines, names, SEGMENT_COLORS),
        tooltip: [dateTooltip(), { field: 'segment', type: 'nominal', title: L.segmentLines }, { field: 'wape', type: 'quantitative', title: L.errorAxis, format: '.1%' }],
      },
    });
  }
  if (input.alerts.length > 0) layers.push(alertRules(input.alerts));
  if (events.length > 0) {
    layers.push(
      ruleLayer({
        values: events.map((e) => ({ date: dayToIso(e.date), event: L.eventKinds[e.kind] ?? e.kind, text: e.text })),
        style: { color: EVENT_COLOR, strokeWidth: 2 },
        tooltip: [nominal('event', L.event), nominal('text', L.explanation)],
      }),
    );
  }
  if (driftOnset !== null && Number.isFinite(driftOnset)) {
    layers.push(
      ruleLayer({
        values: [{ date: dayToIso(driftOnset), event: L.driftOnset }],
        style: { color: ACCENT_COLOR, strokeWidth: 1.5, strokeDash: [6, 4] },
        tooltip: [nominal('event', L.event)],
      }),
    );
  }
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? L.timelineTitle, subtitle: [...L.timelineSubtitle] },
    width: 'container',
    height: CHART_HEIGHT,
    layer: layers,
    // Versions and alert kinds are different things: each gets its own colour scale and legend.
    resolve: { scale: { color: 'independent' } },
  };
}

/** One colour per value, in order, cycling through `palette`; the legend on top. */
function nominalColors(field: string, title: string, values: readonly string[], palette: readonly string[]) {
  return { field, type: 'nominal' as const, title, scale: { domain: [...values], range: values.map((_, i) => palette[i % palette.length] as string) }, legend: { orient: 'top' as const } };
}

function versionBands(spans: OpsTimelineInput['versions']): Layer {
  const versions = [...new Set(spans.map((s) => s.version))];
  const day = (field: string, title: string) => ({ field, type: 'temporal' as const, timeUnit: 'utcyearmonthdate' as const, format: '%Y-%m-%d', title });
  return {
    data: { values: spans.map((s) => ({ version: s.version, start: dayToIso(s.start), end: dayToIso(s.end) })) },
    mark: { type: 'rect', opacity: 0.14 },
    encoding: {
      x: { ...dateEncoding(), field: 'start' },
      x2: { field: 'end' },
      color: nominalColors('version', L.version, versions, GROUP_COLORS),
      tooltip: [nominal('version', L.version), day('start', L.from), day('end', L.to)],
    },
  };
}

function alertRules(alerts: OpsTimelineInput['alerts']): Layer {
  const isSegment = (a: OpsTimelineInput['alerts'][number]) => /^performance:.+=/.test(a.key);
  const labelOf = (a: OpsTimelineInput['alerts'][number]) => (isSegment(a) ? L.segmentAlert : L.alertKinds[a.kind]);
  const kinds = ALERT_KINDS.filter((k) => alerts.some((a) => a.kind === k && !isSegment(a)));
  const domain = [...kinds.map((k) => L.alertKinds[k]), ...(alerts.some(isSegment) ? [L.segmentAlert] : [])];
  const range = [...kinds.map((k) => ALERT_COLORS[k]), ...(alerts.some(isSegment) ? [SEGMENT_ALERT_COLOR] : [])];
  return ruleLayer({
    values: alerts.map((a) => ({ date: dayToIso(a.date), kind: labelOf(a), severity: a.severity, title: a.title, explanation: a.explanation })),
    style: { strokeWidth: 1.5, opacity: 0.85 },
    tooltip: [nominal('kind', L.alert), nominal('severity', L.severity), nominal('title', L.title), nominal('explanation', L.explanation)],
    color: {
      field: 'kind',
      type: 'nominal',
      title: L.alert,
      scale: { domain, range },
      legend: { orient: 'top' },
    },
  });
}

interface RuleLayerOptions {
  values: Record<string, unknown>[];
  style: { color?: string; strokeWidth?: number; strokeDash?: number[]; opacity?: number };
  tooltip: ReturnType<typeof nominal>[];
  color?: {
    field: string;
    type: 'nominal';
    title: string;
    scale: { domain: string[]; range: string[] };
    legend: { orient: 'top' };
  };
}

/** A vertical rule per dated row, the full height of the chart, with the date first in its tooltip. */
function ruleLayer({ values, style, tooltip, color }: RuleLayerOptions): Layer {
  return {
    data: { values },
    mark: { type: 'rule', ...style },
    encoding: { x: dateEncoding(), tooltip: [dateTooltip(), ...tooltip], ...(color ? { color } : {}) },
  };
}

function nominal(field: string, title: string) {
  return { field, type: 'nominal' as const, title };
}
