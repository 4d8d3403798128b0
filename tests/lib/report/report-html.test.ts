import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/lib/notebook/config';
import { reportTexts } from '../../../src/lib/messages/report';
import { eventsTable, reportDocument, type ReportInput } from '../../../src/lib/report/report-content';
import { escapeHtml, isPlainSvg, REPORT_CSP, reportHtml, type ReportDocument } from '../../../src/lib/report/report-html';
import { registerVersion, setAlias } from '../../../src/lib/registry/registry-actions';
import { makeRunMetrics } from '../evaluate/make-run-metrics';
import { makeDraft, minute, promotedRegistry } from '../registry/fixtures';

const HOSTILE = `<script>alert("x")</script> & 'quoted' "name"`;
/** What vega's SVG renderer writes, in small: one <svg> of groups, paths and escaped text. */
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="marks" width="300" height="100" viewBox="0 0 300 100"><g clip-path="url(#clip1)"><path class="mark" d="M0,0L10,10"></path><text>Store &lt;1&gt;</text></g></svg>';

const { metrics, samples } = makeRunMetrics();

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    generated: new Date(Date.UTC(2025, 0, 2, 12)),
    config: DEFAULT_CONFIG,
    frequency: 'daily',
    data: {
      name: HOSTILE,
      sizeBytes: 1234,
      hash: 'abc123',
      report: { rowCount: 100, seriesCount: 2, frequency: 'daily', start: 19000, end: 19099, usable: true, issues: [{ kind: 'duplicate-rows', severity: 'warning', count: 3, message: `Column ${HOSTILE} repeats`, examples: [], actions: [] }] },
      cleaned: { rowCount: 97, seriesCount: 2 },
    },
    overTime: null,
    metrics,
    samples,
    registry: hostileRegistry(),
    operations: null,
    ...overrides,
  };
}

/** A registry whose reasons and model name come from a user and try to break out of the markup. */
function hostileRegistry() {
  let registry = promotedRegistry();
  registry = registerVersion(registry, makeDraft({ model: HOSTILE }), { now: minute(8), why: HOSTILE }).registry;
  return setAlias(registry, { alias: 'challenger', versionId: 'sales:v3', now: minute(9), why: `</td></tr></table>${HOSTILE}` });
}

/** Every chart drawn with the same small SVG, as the state layer does with vega. */
function drawn(doc: ReportDocument, svg = SVG): ReportDocument {
  return { ...doc, sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.kind === 'chart' && b.spec !== null ? { ...b, svg } : b)) })) };
}

describe('reportDocument(input) and reportHtml(document)', () => {
  it('writes every section, in the stages’ order, each with its heading', () => {
    const html = reportHtml(drawn(reportDocument(input())));
    const ids = [...html.matchAll(/<section id="report-([a-z]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['scope', 'data', 'leaderboard', 'roles', 'registry', 'operations']);
    for (const title of Object.values(reportTexts.sections)) expect(html).toContain(`>${title}</h2>`);
    // The three role views, the leaderboard's models and the registry's versions are all there.
    expect(html).toContain('Data scientist');
    expect(html).toContain('Demand planner');
    expect(html).toContain('>Business</h3>');
    expect(html).toContain('Seasonal naive');
    expect(html).toMatch(/<td>v1<\/td>[\s\S]*<td>v2<\/td>[\s\S]*<td>v3<\/td>/);
    expect(html).toContain(reportTexts.notRunYet);
  });

  it('inlines each drawn chart as SVG, labelled by its title, and names the charts not run yet', () => {
    const doc = drawn(reportDocument(input()));
    const html = reportHtml(doc);
    const charts = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'chart');
    const drawnCount = charts.filter((b) => b.spec !== null).length;
    expect(drawnCount).toBeGreaterThanOrEqual(5);
    expect(html.match(/<svg role="img" aria-label="[^"]+" xmlns=/g)).toHaveLength(drawnCount);
    expect(html).toContain('<text>Store &lt;1&gt;</text>');
    // No sales-over-time aggregate and no simulation: those charts are named, not drawn empty.
    expect(html).toContain(reportTexts.chartNotRun('Sales over time'));
    expect(html).toContain(reportTexts.chartNotRun('Timeline: served error, the version serving, alerts, retrains and promotions'));
  });

  it('escapes every text that came from a user: dataset, model and column names, reasons', () => {
    const html = reportHtml(drawn(reportDocument(input())));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('</td></tr></table><');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &quot;name&quot;');
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });

  it('loads nothing and runs nothing: a policy of its own, no script, no external address', () => {
    const html = reportHtml(drawn(reportDocument(input())));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replaceAll("'", '&#39;')}">`);
    expect(REPORT_CSP).toMatch(/^default-src 'none';/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    expect(html).not.toMatch(/\s(?:src|href|action)\s*=\s*(?!["']?#)/i);
    expect(html).toContain('href="#report-operations"');
    expect(html).not.toMatch(/url\(\s*['"]?(?:https?:|\/\/)/i);
  });

  it('refuses an SVG that could run or load something, and says the chart could not be drawn', () => {
    for (const bad of [
      '<svg><script>alert(1)</script></svg>',
      '<svg onload="alert(1)"><path d="M0,0"></path></svg>',
      '<svg><image href="https://example.com/x.png"></image></svg>',
      '<svg><a xlink:href="https://example.com"><text>x</text></a></svg>',
      '<svg><path style="fill: url(https://example.com/x)"></path></svg>',
      '<svg><foreignObject><div>x</div></foreignObject></svg>',
      '<p>not an svg</p>',
    ]) {
      expect(isPlainSvg(bad), bad).toBe(false);
      const html = reportHtml(drawn(reportDocument(input()), bad));
      expect(html).not.toContain(bad);
      expect(html).toContain(reportTexts.chartFailed('Residuals'));
    }
    expect(isPlainSvg(SVG)).toBe(true);
  });

  it('before anything ran: every section says so, no chart is drawn', () => {
    const html = reportHtml(reportDocument(input({ data: null, metrics: null, samples: [], registry: null })));
    expect(html.match(/<section /g)).toHaveLength(6);
    expect(html).not.toContain('<svg');
    expect(html).toContain(reportTexts.scope.valuePending);
    expect(html).toContain(reportTexts.registry.empty);
  });
});

describe('eventsTable(snapshot)', () => {
  it('lists the simulation’s events in period order, their text as it is (escaped when written)', () => {
    const table = eventsTable({
      events: [
        { period: 5, date: 20005, kind: 'promote', version: 'f:v2', text: 'promoted' },
        { period: 2, date: 20002, kind: 'onset', version: null, text: HOSTILE },
      ],
    });
    expect(table.rows).toEqual([
      ['2024-10-06', 'onset', HOSTILE],
      ['2024-10-09', 'promote', 'promoted'],
    ]);
  });
});
