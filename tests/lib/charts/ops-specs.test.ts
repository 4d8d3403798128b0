import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { hasChartData } from '../../../src/lib/charts/has-chart-data';
import { driftBinRows, opsDriftBinsSpec } from '../../../src/lib/charts/ops-drift-bins-spec';
import { latencyRows, opsLatencySpec } from '../../../src/lib/charts/ops-latency-spec';
import { opsTimelineSpec, type OpsTimelineInput } from '../../../src/lib/charts/ops-timeline-spec';
import { DEFAULT_ALERT_RULES } from '../../../src/lib/monitor/alert-rules';
import { raiseAlerts } from '../../../src/lib/monitor/alert-raise';
import { daysFromCivil } from '../../../src/lib/core/days';
import { compileSpec } from './compile-spec';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const loose = (spec: TopLevelSpec) => spec as unknown as Loose;

/** 2020-01-01: the first day of the fixture. */
const BASE = daysFromCivil(2020, 1, 1);
const alerts = raiseAlerts({
  period: 1,
  date: BASE + 1,
  drift: [{ column: 'price', drifted: true, statistic: 0.01, threshold: 0.05, test: 'ks' }],
  performance: { metric: 'wape', current: 0.3, reference: 0.1, ratio: 3 },
  rules: DEFAULT_ALERT_RULES,
  previous: [],
});
const timeline: OpsTimelineInput = {
  error: [
    { date: BASE, wape: 0.05 },
    { date: BASE + 1, wape: 0.08 },
    { date: BASE + 2, wape: 0.3 },
  ],
  versions: [
    { version: 'v1', start: BASE, end: BASE + 2 },
    { version: 'v2', start: BASE + 2, end: BASE + 4 },
  ],
  alerts,
  events: [
    { date: BASE + 1, kind: 'retrain', text: 'v2 trained on drift' },
    { date: BASE + 2, kind: 'promote', text: 'v2 promoted' },
  ],
  driftOnset: BASE + 1,
  reference: 0.02,
};
const latency = [
  { date: BASE, p50: 3, p95: 8, p99: 12 },
  { date: BASE + 1, p50: 4, p95: null, p99: 15 },
];
const bins = [
  { label: '< 1.5', reference: 0.5, current: 0.1 },
  { label: '1.5 – 2', reference: 0.3, current: 0.3 },
  { label: '≥ 2', reference: 0.2, current: 0.6 },
];

const cases: [string, TopLevelSpec, string[]][] = [
  ['opsTimelineSpec(input)', opsTimelineSpec(timeline), ['rect', 'rule', 'line', 'symbol', 'rule', 'rule', 'rule']],
  ['opsTimelineSpec({error only})', opsTimelineSpec({ error: timeline.error, versions: [], alerts: [] }), ['line', 'symbol']],
  ['opsLatencySpec(points, {budgetMs})', opsLatencySpec(latency, { budgetMs: 10 }), ['line', 'rule']],
  ['opsLatencySpec(points)', opsLatencySpec(latency), ['line']],
  ['opsDriftBinsSpec(bins, {column})', opsDriftBinsSpec(bins, { column: 'price' }), ['rect']],
];

describe('operations chart specs', () => {
  it.each(cases)('%s compiles with vega-lite, without warnings, to the expected marks', (_, spec, marks) => {
    const compiled = compileSpec(spec);
    expect(compiled.warnings).toEqual([]);
    expect(compiled.marks).toEqual(marks);
  });

  it.each(cases)('%s has inline data, a container width, a title and tooltips, as plain JSON', (_, spec) => {
    expect(hasChartData(spec)).toBe(true);
    expect(JSON.stringify(spec)).toContain('"width":"container"');
    expect(JSON.stringify(spec)).toContain('"tooltip":[');
    expect(loose(spec).title.text).toBeTruthy();
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('opsTimelineSpec(input) draws the WAPE line, version bands, alert and event rules and the drift onset', () => {
    const [bands, reference, line, alertLayer, events, onset] = loose(opsTimelineSpec(timeline)).layer;
    expect(bands.data.values).toEqual([
      { version: 'v1', start: '2020-01-01', end: '2020-01-03' },
      { version: 'v2', start: '2020-01-03', end: '2020-01-05' },
    ]);
    expect(bands.encoding.color.scale.domain).toEqual(['v1', 'v2']);
    expect(reference.data.values[0].reference).toBe(0.02);
    expect(line.data.values.map((v: Loose) => v.date)).toEqual(['2020-01-01', '2020-01-02', '2020-01-03']);
    expect(alertLayer.data.values.map((v: Loose) => [v.date, v.kind])).toEqual([
      ['2020-01-02', 'Data drift'],
      ['2020-01-02', 'Performance'],
    ]);
    expect(alertLayer.encoding.color.scale).toEqual({ domain: ['Data drift', 'Performance'], range: ['#f28e2b', '#e15759'] });
    expect(alertLayer.encoding.tooltip.map((t: Loose) => t.field)).toEqual(['date', 'kind', 'severity', 'title', 'explanation']);
    expect(events.data.values.map((v: Loose) => v.event)).toEqual(['Retrained', 'Promoted']);
    expect(onset.mark.strokeDash).toEqual([6, 4]);
    expect(loose(opsTimelineSpec(timeline)).resolve).toEqual({ scale: { color: 'independent' } });
  });

  it('latencyRows(points) and driftBinRows(bins) are the charts’ rows', () => {
    expect(latencyRows(latency)).toEqual([
      { date: '2020-01-01', percentile: 'p50', ms: 3 },
      { date: '2020-01-01', percentile: 'p95', ms: 8 },
      { date: '2020-01-01', percentile: 'p99', ms: 12 },
      { date: '2020-01-02', percentile: 'p50', ms: 4 },
      { date: '2020-01-02', percentile: 'p99', ms: 15 },
    ]);
    const rows = driftBinRows(bins);
    expect(rows).toHaveLength(6);
    expect(rows[5]).toEqual({ bin: '≥ 2', sample: 'Current window', share: 0.6 });
    const spec = loose(opsDriftBinsSpec(bins, { column: 'price' }));
    expect(spec.title.text).toBe('Distribution of price: training vs now');
    expect(spec.encoding.x.sort).toEqual(['< 1.5', '1.5 – 2', '≥ 2']);
  });
});
