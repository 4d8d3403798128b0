import type { TopLevelSpec } from 'vega-lite';
import { dayToIso } from '../core/days';
import type { Frequency, ValidationReport } from '../data/types';
import type { SalesOverTime } from '../eda/aggregate-sales-over-time';
import { formatImprovement, leaderboard, leaderboardColumns, modelLabel, selectionSummary, testImprovement, testImprovementText } from '../evaluate/leaderboard';
import { comparisonModels, defaultModel, roleViews, type RoleMetricRow, type RoleViews } from '../evaluate/role-views';
import { formatMetric } from '../format/format-metric';
import { formatNumber } from '../format/format-number';
import { formatTimestamp } from '../storage/format-timestamp';
import { formatBytes } from '../storage/format-bytes';
import { errorBySeriesRows, errorBySeriesSpec } from '../charts/error-by-series-spec';
import { errorByStepRows, errorByStepSpec } from '../charts/error-by-step-spec';
import { moneyRows, moneySpec } from '../charts/money-spec';
import { opsTimelineSpec } from '../charts/ops-timeline-spec';
import { defaultSampleSeries, predictedVsActualSpec } from '../charts/predicted-vs-actual-spec';
import { residualsSpec } from '../charts/residuals-spec';
import { salesOverTimeSpec } from '../charts/sales-over-time-spec';
import { dataPanelTexts } from '../messages/data';
import { evaluateMessages, evaluatePanelMessages } from '../messages/evaluate';
import { explorePanelTexts } from '../messages/explore';
import { auditTexts, registryPanelTexts, versionName } from '../messages/registry';
import { reportTexts as t } from '../messages/report';
import { recoveryText, retrainPanelTexts } from '../messages/retrain';
import { scopePanelTexts } from '../messages/scope';
import type { NotebookConfig } from '../notebook/config';
import { recoverySummary } from '../ops/recovery-summary';
import { timelineInput } from '../ops/timeline-input';
import type { SimulationSnapshot } from '../ops/types';
import { evaluateGates } from '../registry/gates';
import { auditRows, versionByAlias } from '../registry/registry';
import type { Registry } from '../registry/types';
import type { ForecastSample, RunMetrics } from '../runs/types';
import { PROBLEM_STATEMENT } from '../scope/candidate-solutions';
import { defaultCostModel } from '../scope/cost-model';
import { resolveHorizon } from '../scope/default-horizon';
import { estimateYearlySavings } from '../scope/estimate-yearly-savings';
import type { ReportBlock, ReportDocument, ReportSection, ReportTable } from './report-html';

/**
 * What the report is written from: the stages' results as they stand, plain data only (the state layer gathers it).
 * Anything not run yet is null, and its section says so.
 */
export interface ReportInput {
  generated: Date;
  config: Pick<NotebookConfig, 'scope' | 'horizon'>;
  /** The cleaned data's frequency; null before any data is cleaned. */
  frequency: Frequency | null;
  data: ReportData | null;
  overTime: SalesOverTime | null;
  metrics: RunMetrics | null;
  samples: readonly ForecastSample[];
  /** The registry stored in this browser. */
  registry: Registry | null;
  /** The simulated deployment, once it has run. */
  operations: SimulationSnapshot | null;
}

export interface ReportData {
  name: string;
  sizeBytes: number;
  hash: string;
  report: ValidationReport;
  cleaned: { rowCount: number; seriesCount: number } | null;
}

/**
 * The notebook as a manager reads it, in the stages' order:
 *   1. scope (the problem, requirements, cost model, value)   2. data summary (facts, validation, sales over time)
 *   3. leaderboard   4. the three role views of the pick   5. registry (versions, aliases, gates, audit)
 *   6. operations (recovery, timeline, events).
 * Charts come as vega-lite specs (null: not run yet); the state layer draws them to SVG before reportHtml writes the file.
 */
export function reportDocument(input: ReportInput): ReportDocument {
  return {
    title: t.title,
    subtitle: t.subtitle(input.data?.name ?? t.notRunYet, formatTimestamp(input.generated.toISOString())),
    intro: t.intro,
    sections: [scopeSection(input), dataSection(input), leaderboardSection(input), rolesSection(input), registrySection(input), operationsSection(input)],
  };
}

function section(id: ReportSection['id'], blocks: ReportBlock[]): ReportSection {
  return { id, title: t.sections[id], blocks };
}

const paragraph = (text: string): ReportBlock => ({ kind: 'paragraph', text });
const heading = (text: string): ReportBlock => ({ kind: 'heading', text });
const notRun = (): ReportBlock => ({ kind: 'paragraph', text: t.notRunYet, muted: true });
const chart = (title: string, spec: TopLevelSpec | null): ReportBlock => ({ kind: 'chart', title, spec });
const table = (value: ReportTable): ReportBlock => ({ kind: 'table', table: value });

function scopeSection({ config, frequency, metrics }: ReportInput): ReportSection {
  const { scope } = config;
  const r = scope.requirements;
  const s = t.scope;
  const cost = scope.cost ?? defaultCostModel(frequency ?? 'daily');
  const blocks: ReportBlock[] = [
    heading(s.problem),
    {
      kind: 'facts',
      items: [
        { label: scopePanelTexts.problemTerms.forecast, value: PROBLEM_STATEMENT.forecast },
        { label: scopePanelTexts.problemTerms.decision, value: PROBLEM_STATEMENT.decision },
        { label: scopePanelTexts.problemTerms.judgedBy, value: PROBLEM_STATEMENT.judgedBy },
      ],
    },
    heading(s.requirements),
    {
      kind: 'facts',
      items: [
        { label: s.horizon, value: s.horizonValue(resolveHorizon(config.horizon, frequency), frequency ?? 'daily') },
        { label: s.primaryMetric, value: evaluateMessages.metricLabel[scope.primaryMetric] },
        { label: s.predictionFrequency, value: r.predictionFrequency ?? s.sameAsData },
        { label: s.latency, value: s.latencyValue(r.latencyBudgetMs) },
        { label: s.explainability, value: scopePanelTexts.explainabilityLevels[r.explainability] },
        { label: s.compliance, value: r.compliance || s.unset },
        { label: s.budget, value: r.budget || s.unset },
        { label: s.team, value: r.team || s.unset },
      ],
    },
    heading(s.cost),
    table({
      caption: scope.cost === null ? `${s.cost} (${s.costDefaults})` : s.cost,
      header: [s.costColumns.item, s.costColumns.value],
      rows: (Object.keys(scopePanelTexts.costFields) as (keyof typeof cost)[]).map((key) => [scopePanelTexts.costFields[key], formatNumber(cost[key])]),
    }),
    heading(s.value),
    paragraph(metrics === null ? s.valuePending : valueSentence(metrics)),
  ];
  return section('scope', blocks);
}

function valueSentence(metrics: RunMetrics): string {
  const estimate = estimateYearlySavings(metrics);
  const current = scopePanelTexts.modelLabel['seasonal-naive'];
  if (!estimate.ok) {
    if (estimate.reason === 'no-best-model') return scopePanelTexts.valueNoBest();
    return estimate.reason === 'no-current-method' ? scopePanelTexts.valueNoCurrent(current) : scopePanelTexts.valueNoCost();
  }
  const model = modelLabel(estimate.best);
  const saving = `${scopePanelTexts.valueSavings(model, current)}: ${formatNumber(estimate.perYear)} ${scopePanelTexts.perYear}.`;
  return estimate.perYear < 0 ? `${saving} ${scopePanelTexts.valueLoss(model, current)}` : saving;
}

function dataSection({ data, overTime }: ReportInput): ReportSection {
  if (data === null) return section('data', [notRun(), chart(explorePanelTexts.charts.overTime, null)]);
  const { report } = data;
  const f = dataPanelTexts.facts;
  const date = (day: number | null) => (day === null ? dataPanelTexts.noDate : dayToIso(day));
  const facts: ReportBlock = {
    kind: 'facts',
    items: [
      { label: f.source, value: data.name },
      { label: f.rows, value: report.rowCount.toLocaleString('en') },
      { label: f.series, value: report.seriesCount.toLocaleString('en') },
      { label: f.frequency, value: report.frequency ?? dataPanelTexts.unknownFrequency },
      { label: f.dates, value: dataPanelTexts.dateRange(date(report.start), date(report.end)) },
      { label: f.size, value: formatBytes(data.sizeBytes) },
      { label: f.hash, value: data.hash },
      ...(data.cleaned ? [{ label: t.data.afterCleaning, value: t.data.afterCleaningValue(data.cleaned.rowCount, data.cleaned.seriesCount) }] : []),
    ],
  };
  const c = t.data.issueColumns;
  const issues: ReportBlock =
    report.issues.length === 0
      ? paragraph(t.data.noIssues)
      : table({
          caption: t.data.issues,
          header: [c.severity, c.count, c.message],
          rows: report.issues.map((issue) => [dataPanelTexts.report.severity[issue.severity], issue.count.toLocaleString('en'), issue.message]),
        });
  const spec = overTime ? salesOverTimeSpec(overTime.rows, { groupTitle: overTime.key ?? 'Series' }) : null;
  return section('data', [heading(t.data.facts), facts, heading(t.data.issues), issues, chart(explorePanelTexts.charts.overTime, spec)]);
}

/** The leaderboard as the Evaluate stage shows it, as text cells (the report's table and the page's CSV alike). */
export function leaderboardTable(metrics: RunMetrics, primary: NotebookConfig['scope']['primaryMetric']): ReportTable {
  const l = evaluatePanelMessages.leaderboard;
  const columns = leaderboardColumns(primary);
  const [first, ...rest] = columns;
  const primaryLabel = evaluateMessages.metricLabel[primary];
  return {
    caption: l.title,
    header: [l.rank, l.model, l.family, l.selectionColumn(primaryLabel), l.testColumn(primaryLabel), ...rest.map((c) => c.label), l.vsReference],
    rows: leaderboard(metrics, { primary }).map((row) => [
      String(row.rank),
      [row.label, row.best ? `(${l.best})` : '', row.members.length > 0 ? `— ${row.members.join(' + ')}` : '', row.forms.length > 0 ? `— ${row.forms.join(', ')}` : '']
        .filter((part) => part !== '')
        .join(' '),
      evaluatePanelMessages.family[row.family],
      formatMetric(row.backtest[first!.key], first!.format),
      row.test ? formatMetric(row.test[first!.key], first!.format) : '–',
      ...rest.map((c) => formatMetric(row.backtest[c.key], c.format)),
      row.reference ? '–' : formatImprovement(row.improvement),
    ]),
  };
}

function leaderboardSection({ metrics, config }: ReportInput): ReportSection {
  if (metrics === null) return section('leaderboard', [notRun()]);
  const primary = config.scope.primaryMetric;
  return section('leaderboard', [
    paragraph(t.leaderboard.caption),
    paragraph(selectionSummary(metrics, primary)),
    table(leaderboardTable(metrics, primary)),
    paragraph(testImprovementText(testImprovement(metrics))),
  ]);
}

/** A role view's metrics (test window, backtest mean) as text cells. */
export function roleMetricTable(caption: string, rows: readonly RoleMetricRow[]): ReportTable {
  const c = t.metricColumns;
  return { caption, header: [c.metric, c.test, c.backtest], rows: rows.map((row) => [row.label, formatMetric(row.test, row.format), formatMetric(row.backtest, row.format)]) };
}

function rolesSection({ metrics, samples, config }: ReportInput): ReportSection {
  const roles = evaluatePanelMessages.role;
  const charts = evaluatePanelMessages.charts;
  const model = metrics ? defaultModel(metrics, null) : null;
  const views: RoleViews | null = metrics && model ? roleViews(metrics, model) : null;
  if (metrics === null || views === null) {
    return section('roles', [
      notRun(),
      heading(roles.dataScientist.title),
      ...[charts.forecast, charts.residuals, charts.errorByStep, charts.errorBySeries].map((title) => chart(title, null)),
      heading(roles.expert.title),
      heading(roles.business.title),
      chart(charts.cost, null),
    ]);
  }
  const models = comparisonModels(metrics, views.model);
  const series = defaultSampleSeries([...samples]);
  const value = views.value
    ? evaluatePanelMessages.valueEstimate(formatMetric(views.value.perYear, 'money'), views.value.periodsPerYear)
    : evaluatePanelMessages.valueMissing;
  return section('roles', [
    paragraph(t.roles.model(modelLabel(views.model))),
    heading(roles.dataScientist.title),
    paragraph(roles.dataScientist.intro),
    table(roleMetricTable(t.roles.table(roles.dataScientist.title), views.dataScientist.rows)),
    chart(charts.forecast, samples.length > 0 ? predictedVsActualSpec(samples, { models, series }) : null),
    chart(charts.residuals, samples.length > 0 ? residualsSpec(samples, { models, series }) : null),
    chart(charts.errorByStep, errorByStepSpec(errorByStepRows(metrics, { primary: config.scope.primaryMetric }))),
    chart(charts.errorBySeries, errorBySeriesSpec(errorBySeriesRows(metrics, { models }))),
    heading(roles.expert.title),
    paragraph(roles.expert.intro),
    table(roleMetricTable(t.roles.table(roles.expert.title), views.expert.rows)),
    heading(roles.business.title),
    paragraph(roles.business.intro),
    paragraph(value),
    paragraph(evaluatePanelMessages.savingsAgainst(modelLabel(views.baseline))),
    table(roleMetricTable(t.roles.table(roles.business.title), views.business.rows)),
    chart(charts.cost, moneySpec(moneyRows(metrics))),
  ]);
}

/** A registry's versions as the Registry stage lists them (without its buttons). */
export function versionsTable(registry: Registry, caption: string): ReportTable {
  const c = registryPanelTexts.columns;
  const pct = (x: number | null) => (x === null ? '–' : `${formatNumber(x * 100)}%`);
  const aliases = (id: string) =>
    (['champion', 'challenger'] as const)
      .filter((alias) => registry.aliases[alias] === id)
      .map((alias) => registryPanelTexts.alias[alias])
      .join(', ');
  return {
    caption,
    header: [c.version, c.model, c.source, c.trainedThrough, c.wape, c.baselineWape, c.cost, c.aliases],
    rows: registry.versions.map((v) => [
      versionName(v.version),
      v.model,
      registryPanelTexts.source[v.source],
      dayToIso(v.trainEnd),
      pct(v.metrics.wape),
      pct(v.metrics.baselineWape),
      formatNumber(v.metrics.cost),
      aliases(v.id),
    ]),
  };
}

/** The audit trail, newest first, as the Registry stage shows it. */
export function auditTable(registry: Registry): ReportTable {
  const c = auditTexts.columns;
  return {
    caption: t.registry.audit,
    header: [c.when, c.action, c.version, c.why, c.actor, c.gates],
    rows: auditRows(registry).toReversed().map((row) => [row.when, row.action, row.version, row.why, row.actor, row.gates]),
  };
}

function registrySection({ registry, config }: ReportInput): ReportSection {
  if (registry === null || registry.versions.length === 0) return section('registry', [paragraph(t.registry.empty)]);
  const r = t.registry;
  const aliases = (['champion', 'challenger'] as const).flatMap((alias) => {
    const version = versionByAlias(registry, alias);
    return version ? [r.aliasValue(registryPanelTexts.alias[alias], `${versionName(version.version)} (${version.model})`)] : [];
  });
  const champion = versionByAlias(registry, 'champion');
  const gates = champion ? evaluateGates(champion.metrics, config.scope.gates) : [];
  return section('registry', [
    heading(r.versions),
    table(versionsTable(registry, r.versions)),
    heading(r.aliases),
    aliases.length > 0 ? { kind: 'list', items: aliases } : paragraph(r.noAlias),
    ...(champion
      ? [heading(r.gates(versionName(champion.version))), gates.length > 0 ? ({ kind: 'list', items: gates.map((g) => `${g.pass ? '✔' : '✘'} ${g.message}`) } as const) : paragraph(registryPanelTexts.noGates)]
      : []),
    heading(r.audit),
    table(auditTable(registry)),
  ]);
}

/** The simulation's events in date order, as the Retrain stage lists them. */
export function eventsTable(snapshot: Pick<SimulationSnapshot, 'events'>): ReportTable {
  const c = t.operations.eventColumns;
  return {
    caption: t.operations.events,
    header: [c.date, c.kind, c.what],
    rows: snapshot.events.toSorted((a, b) => a.period - b.period).map((e) => [dayToIso(e.date), e.kind, e.text]),
  };
}

function operationsSection({ operations: snapshot }: ReportInput): ReportSection {
  if (snapshot === null) return section('operations', [notRun(), chart(retrainPanelTexts.timelineChart, null)]);
  const story = recoverySummary(snapshot);
  const pct = (x: number | null) => (x === null ? '–' : `${formatNumber(x * 100)}%`);
  const p = retrainPanelTexts;
  const blocks: ReportBlock[] = [];
  if (snapshot.onsetDate !== null) {
    blocks.push(
      heading(t.operations.summary),
      paragraph(`${p.beforeDrift} ${pct(story.before)} · ${p.worstSince} ${pct(story.peak)} · ${p.now} ${pct(story.latest)} · ${p.sinceOnset(story.alerts, story.promotions)} · ${recoveryText(story.recoveryPeriods)}.`),
    );
  }
  blocks.push(
    chart(p.timelineChart, snapshot.timeline.length > 0 ? opsTimelineSpec(timelineInput(snapshot)) : null),
    heading(t.operations.events),
    snapshot.events.length > 0 ? table(eventsTable(snapshot)) : paragraph(p.noEvents),
    heading(t.operations.versions),
    table(versionsTable(snapshot.registry, t.operations.versions)),
  );
  return section('operations', blocks);
}
