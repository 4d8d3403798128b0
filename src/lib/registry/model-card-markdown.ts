import { dayToIso } from '../core/days';
import { parseFeatureSpec } from '../features/parse-feature-spec';
import type { FeatureSpec } from '../features/types';
import { formatMetric, type MetricFormat } from '../format/format-metric';
import { evaluatePanelMessages } from '../messages/evaluate';
import { auditTexts, modelCardTexts as t } from '../messages/registry';
import { auditRows, requireVersion, versionLabel } from './registry';
import type { Alias, ModelVersion, Registry, VersionMetrics } from './types';

export interface ModelCardOptions {
  registry: Registry;
  versionId: string;
  /** Replaces the default "Intended use" paragraph (the "Not for" line stays). */
  intendedUse?: string;
  /** What monitoring found, oldest first; absent or empty: "Not monitored yet". */
  driftHistory?: { when: string; what: string }[];
  /** The data's frequency ('daily', 'weekly', 'monthly'): the period the card speaks of. */
  frequency?: string;
  /** Periods forecast ahead. */
  horizon?: number;
  /** The data's key columns (['store', 'product']; [] for a file of one series): what the card says is forecast. */
  seriesKeys?: readonly string[];
}

/**
 * A version's model card (after Mitchell et al., "Model Cards for Model Reporting") as Markdown, so it can be
 * downloaded and read anywhere:
 *   title and aliases · intended use · data and features · metrics per role · limitations · lineage · drift · audit.
 * Dates are ISO (UTC), so the card reads the same in every time zone.
 */
export function modelCardMarkdown(options: ModelCardOptions): string {
  const { registry } = options;
  const version = requireVersion(registry, options.versionId);
  const sections = [
    header(registry, version),
    section(t.sections.intendedUse, `${options.intendedUse?.trim() || intendedUse(options)}\n\n${t.notFor}`),
    section(t.sections.data, dataAndFeatures(version, options.frequency)),
    section(t.sections.metrics, metrics(version.metrics)),
    section(t.sections.limitations, t.limitations.map((line) => `- ${line}`).join('\n')),
    section(t.sections.lineage, lineage(registry, version)),
    section(t.sections.drift, drift(options.driftHistory ?? [])),
    section(t.sections.audit, audit(registry, version.id)),
  ];
  return `${sections.join('\n\n')}\n`;
}

function section(title: string, body: string): string {
  return `## ${title}\n\n${body}`;
}

function header(registry: Registry, version: ModelVersion): string {
  const aliases = (Object.entries(registry.aliases) as [Alias, string][]).filter(([, id]) => id === version.id).map(([alias]) => alias);
  const title = `# ${t.title(registry.name, version.version, modelName(version.model))}`;
  const lines = [title, t.aliases(aliases), t.created(version.created, version.source)];
  if (version.description.trim() !== '') lines.push(version.description.trim());
  return lines.join('\n\n');
}

function modelName(model: string): string {
  return Object.hasOwn(evaluatePanelMessages.modelName, model)
    ? evaluatePanelMessages.modelName[model as keyof typeof evaluatePanelMessages.modelName]
    : model;
}

function intendedUse(options: ModelCardOptions): string {
  const period = t.periodOf(options.frequency);
  const horizon = options.horizon === undefined ? t.someHorizon : t.horizonAhead(options.horizon, period);
  return t.intendedUse(t.unitsOf(options.seriesKeys), period, horizon);
}

function dataAndFeatures(version: ModelVersion, frequency: string | undefined): string {
  const start = version.trainStart === null ? t.data.allHistory : dayToIso(version.trainStart);
  const rows: [string, string][] = [
    [t.data.dataset, `\`${version.dataHash}\``],
    [t.data.trainingWindow, t.data.window(start, dayToIso(version.trainEnd))],
  ];
  const parsed = parseFeatureSpec(version.featureSpec);
  if (!parsed.ok) return `${markdownTable([t.field, t.value], rows)}\n\n${t.data.unreadable(parsed.error)}`;
  return markdownTable([t.field, t.value], [...rows, ...featureRows(parsed.spec, frequency)]);
}

function featureRows(spec: FeatureSpec, frequency: string | undefined): [string, string][] {
  const list = (items: readonly string[]) => (items.length === 0 ? t.data.none : items.join(', '));
  const c = spec.calendar;
  // An absent encoding follows the data's frequency (see FeatureSpec.calendar.monthEncoding).
  const encoding = c.monthEncoding ?? (frequency === undefined ? null : frequency === 'monthly' ? 'one-hot' : 'cyclic');
  const calendar = [
    c.dayOfWeek ? t.calendar.dayOfWeek : null,
    c.month ? (encoding === null ? t.calendar.month('default') : t.calendar.month(encoding)) : null,
    c.weekOfYear ? t.calendar.weekOfYear : null,
    c.holiday === null ? null : t.calendar.holiday(c.holiday),
    c.holiday !== null && c.holidayDistance ? t.calendar.holidayDistance : null,
  ].filter((part): part is string => part !== null);
  return [
    [t.data.lags, list(spec.lags.map(String))],
    [t.data.rolling, list(spec.rolling.map((r) => t.rolling(r.window, r.stats)))],
    [t.data.calendar, list(calendar)],
    [t.data.covariates, list(spec.covariates)],
    [t.data.seriesIdentity, spec.seriesIdentity],
    [t.data.target, spec.target],
    [t.data.scale, spec.scale],
  ];
}

function metrics(m: VersionMetrics): string {
  const savings = m.cost === null || m.baselineCost === null ? null : m.baselineCost - m.cost;
  const improvement = m.wape === null || m.baselineWape === null || m.baselineWape <= 0 ? null : 1 - m.wape / m.baselineWape;
  const label = t.metricLabel;
  const roles: [string, [string, number | null, MetricFormat][]][] = [
    [
      t.roles.dataScientist,
      [
        [label.wape, m.wape, 'fraction'],
        [label.mase, m.mase, 'number'],
        [label.mae, m.mae, 'number'],
        [label.rmse, m.rmse, 'number'],
        [label.bias, m.bias, 'number'],
        [label.coverage80, m.coverage80, 'fraction'],
      ],
    ],
    [
      t.roles.planner,
      [
        [label.serviceLevel, m.serviceLevel, 'fraction'],
        [label.stockoutUnits, m.stockoutUnits, 'count'],
        [label.overstockUnits, m.overstockUnits, 'count'],
      ],
    ],
    [
      t.roles.business,
      [
        [label.cost, m.cost, 'money'],
        [label.baselineCost, m.baselineCost, 'money'],
        [label.savings, savings, 'money'],
        [label.baselineWape, m.baselineWape, 'fraction'],
        [label.improvement, improvement, 'fraction'],
      ],
    ],
  ];
  const tables = roles.map(([role, rows]) => {
    const cells = rows.map(([name, value, format]) => [name, formatMetric(value, format)]);
    return `### ${role}\n\n${markdownTable([t.metric, t.value], cells)}`;
  });
  return [t.metricsIntro, ...tables].join('\n\n');
}

function lineage(registry: Registry, version: ModelVersion): string {
  const l = t.lineage;
  const table = markdownTable([t.field, t.value], [
    [l.run, version.runId === null ? l.noRun : `\`${version.runId}\``],
    [l.source, version.source],
    [l.seed, String(version.seed)],
    [l.backend, version.backend ?? l.noBackend],
    [l.parent, version.parent === null ? l.noParent : versionLabel(registry, version.parent)],
  ]);
  const spec = version.spec === null ? l.baseline : `\`\`\`json\n${JSON.stringify(version.spec, null, 2)}\n\`\`\``;
  return `${table}\n\n${l.spec}:\n\n${spec}`;
}

function drift(history: readonly { when: string; what: string }[]): string {
  if (history.length === 0) return t.notMonitored;
  return markdownTable([t.drift.when, t.drift.what], history.map((d) => [d.when, d.what]));
}

function audit(registry: Registry, versionId: string): string {
  const rows = auditRows(registry, { versionId });
  if (rows.length === 0) return auditTexts.empty;
  const c = auditTexts.columns;
  return markdownTable(
    [c.when, c.action, c.version, c.why, c.actor, c.gates],
    rows.map((r) => [r.iso, r.action, r.version, r.why, r.actor, r.gates]),
  );
}

/**
 * A GitHub-flavoured Markdown table. Cells are escaped so a reason typed with a "|" or a line break cannot split or
 * end the table; an empty cell gets a dash so every row keeps its columns in any renderer.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function cell(text: string): string {
  const clean = text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return clean === '' ? '–' : clean;
}
