import type { TopLevelSpec } from 'vega-lite';
import { reportTexts as t } from '../messages/report';

/**
 * The shareable report as one HTML file: semantic sections with headings, tables and the charts inlined as SVG, and
 * a print-friendly stylesheet of its own. It is opened by someone who will not open the app, often from a mail or a
 * shared drive, so it must stand alone and be harmless: no network (nothing it could load), no script at all, and a
 * Content-Security-Policy of its own saying so (`default-src 'none'`; inline style only, for its own <style> and the
 * SVGs' presentation attributes). Every text that came from a user (dataset, column, series and model names, reasons
 * in the audit trail) is escaped; an SVG is inlined only when it is the plain drawing vega writes.
 */

export type ReportSectionId = 'scope' | 'data' | 'leaderboard' | 'roles' | 'registry' | 'operations';

export interface ReportTable {
  caption: string;
  header: string[];
  rows: string[][];
}

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'facts'; items: { label: string; value: string }[] }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'table'; table: ReportTable }
  /** `spec` null: the chart's stage has not run yet. `svg`: the drawing, once made (undefined: it could not be). */
  | { kind: 'chart'; title: string; spec: TopLevelSpec | null; svg?: string };

export interface ReportSection {
  id: ReportSectionId;
  title: string;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  intro: string;
  sections: ReportSection[];
}

/** The report's own policy: nothing may load or run; its <style> and the SVGs' style attributes may apply. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function reportHtml(doc: ReportDocument): string {
  const contents = doc.sections.map((s) => `<li><a href="#report-${s.id}">${escapeHtml(s.title)}</a></li>`).join('');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(doc.title)} — ${escapeHtml(doc.subtitle)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`,
    `<p>${escapeHtml(doc.intro)}</p>`,
    `<nav aria-label="${escapeHtml(t.contents)}"><ol>${contents}</ol></nav>`,
    '</header>',
    '<main>',
    ...doc.sections.map(sectionHtml),
    '</main>',
    `<footer><p>${escapeHtml(t.footer)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sectionHtml(section: ReportSection): string {
  const id = `report-${section.id}`;
  return [
    `<section id="${id}" aria-labelledby="${id}-title" data-section="${section.id}">`,
    `<h2 id="${id}-title">${escapeHtml(section.title)}</h2>`,
    // A table right under a heading of the same words keeps its caption for screen readers only.
    ...section.blocks.map((block, i) => {
      const before = section.blocks[i - 1];
      const named = block.kind === 'table' && before?.kind === 'heading' && before.text === block.table.caption;
      return named ? tableHtml(block.table, { captionHidden: true }) : blockHtml(block);
    }),
    '</section>',
  ].join('\n');
}

function blockHtml(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'paragraph':
      return `<p${block.muted ? ' class="muted"' : ''}>${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `<dl class="facts">${block.items.map((item) => `<div><dt>${escapeHtml(item.label)}</dt><dd>${escapeHtml(item.value)}</dd></div>`).join('')}</dl>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'table':
      return tableHtml(block.table);
    case 'chart':
      return chartHtml(block);
  }
}

function tableHtml(table: ReportTable, options: { captionHidden?: boolean } = {}): string {
  const head = table.header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
  const rows = table.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table"><table>\n<caption${options.captionHidden ? ' class="hidden-caption"' : ''}>${escapeHtml(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>`;
}

function chartHtml(block: Extract<ReportBlock, { kind: 'chart' }>): string {
  const svg = block.svg !== undefined && isPlainSvg(block.svg) ? block.svg : null;
  if (svg === null) {
    const text = block.spec === null ? t.chartNotRun(block.title) : t.chartFailed(block.title);
    return `<figure class="chart missing" data-chart="${escapeHtml(block.title)}"><figcaption>${escapeHtml(text)}</figcaption></figure>`;
  }
  // The drawing is named by its caption; the SVG is labelled for readers that land on it directly.
  const labelled = svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(block.title)}"`);
  return `<figure class="chart" data-chart="${escapeHtml(block.title)}"><figcaption>${escapeHtml(block.title)}</figcaption>\n${labelled}\n</figure>`;
}

/**
 * The markup vega's SVG renderer writes: one <svg> element of shapes and text, its text escaped. Anything that could
 * run or load (a script, an event handler, a foreign object, a link or a reference out of the file) is refused, so a
 * drawing that is not what vega writes is left out rather than trusted.
 */
export function isPlainSvg(svg: string): boolean {
  const text = svg.trim();
  if (!text.startsWith('<svg') || !text.endsWith('</svg>')) return false;
  return !/<script|<foreignobject|<iframe|<object|<embed|<image|<use\b|<a\b|\son[a-z]+\s*=|(?:xlink:)?href\s*=|url\(\s*(?!['"]?#)/i.test(text);
}

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Readable on screen and on paper: a narrow column, tables that break across pages by rows, charts kept whole. */
const STYLE = `
:root { color-scheme: light; --text: #1f2933; --muted: #5f6b7a; --border: #d5dae1; --accent: #1f5f99; --soft: #f3f6f9; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--text); background: #fff; }
h1 { margin: 0; font-size: 1.7rem; color: var(--accent); }
h2 { margin: 2.2rem 0 0.6rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--accent); font-size: 1.35rem; }
h3 { margin: 1.3rem 0 0.4rem; font-size: 1.05rem; }
.subtitle, .muted, footer { color: var(--muted); }
nav ol { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; padding-left: 1.2rem; }
a { color: var(--accent); }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.5rem 1.5rem; margin: 0.4rem 0; }
.facts dt { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.table { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; font-size: 0.85rem; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
caption.hidden-caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
td:first-child { white-space: nowrap; }
th, td { border-bottom: 1px solid var(--border); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
td { font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; }
figcaption { font-weight: 600; margin-bottom: 0.3rem; }
figure svg { max-width: 100%; height: auto; }
figure.missing figcaption { font-weight: 400; color: var(--muted); padding: 0.8rem; border: 1px dashed var(--border); border-radius: 6px; }
footer { margin-top: 3rem; font-size: 0.85rem; border-top: 1px solid var(--border); padding-top: 0.6rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  h2 { break-before: page; }
  section:first-of-type h2 { break-before: auto; }
  h2, h3, caption { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  .table { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;
