import { downloadBlob } from '../adapters/download';
import { renderChartSvg } from '../adapters/vega';
import { downloadFileName } from '../lib/format/file-name';
import { reportTexts } from '../lib/messages/report';
import { reportDocument, type ReportInput } from '../lib/report/report-content';
import { reportHtml, type ReportBlock, type ReportDocument } from '../lib/report/report-html';
import type { DataState } from './data.svelte';
import type { ExploreState } from './explore.svelte';
import type { NotebookState } from './notebook.svelte';
import type { OpsState } from './ops.svelte';
import type { RegistryState } from './registry.svelte';
import type { TrainState } from './train.svelte';

/** The stages a report reads. */
export interface ReportSources {
  notebook: NotebookState;
  data: DataState;
  explore: ExploreState;
  train: TrainState;
  registry: RegistryState;
  ops: OpsState;
}

/**
 * The shareable report (src/lib/report): the stages' results as they stand gathered into plain data, each chart drawn
 * to SVG off the page (one at a time, its dataflow in slices, so the page stays responsive), the HTML written and
 * handed to the browser's downloads.
 */
export class ReportState {
  busy = $state(false);
  error = $state<string | null>(null);

  /** Read on each click, so a component's props stay live. */
  readonly #sources: () => ReportSources;

  constructor(sources: () => ReportSources) {
    this.#sources = sources;
  }

  async download(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const generated = new Date();
      const doc = await drawCharts(reportDocument(reportInput(this.#sources(), generated)));
      const dataset = this.#sources().notebook.config.dataset;
      downloadBlob(new Blob([reportHtml(doc)], { type: 'text/html;charset=utf-8' }), downloadFileName({ what: 'report', dataset, date: generated, extension: 'html' }));
    } catch (error) {
      this.error = reportTexts.failed(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy = false;
    }
  }
}

export function reportInput({ notebook, data, explore, train, registry, ops }: ReportSources, generated: Date): ReportInput {
  const loaded = data.loaded;
  const cleaned = data.cleaned;
  return {
    generated,
    config: notebook.config,
    frequency: cleaned?.frequency ?? null,
    data: loaded
      ? {
          name: loaded.name,
          sizeBytes: loaded.sizeBytes,
          hash: loaded.hash,
          report: cleaned?.report ?? loaded.report,
          cleaned: cleaned ? { rowCount: cleaned.rowCount, seriesCount: cleaned.seriesCount } : null,
        }
      : null,
    overTime: explore.overTime,
    metrics: train.result,
    samples: train.samples,
    registry: registry.registry,
    operations: ops.snapshot,
  };
}

/** Each chart's drawing, in order; one that fails is left without (the report says it could not be drawn). */
async function drawCharts(doc: ReportDocument): Promise<ReportDocument> {
  const sections = [];
  for (const section of doc.sections) {
    const blocks: ReportBlock[] = [];
    for (const block of section.blocks) {
      if (block.kind !== 'chart' || block.spec === null) {
        blocks.push(block);
        continue;
      }
      const svg = await renderChartSvg(block.spec).catch(() => undefined);
      blocks.push(svg === undefined ? block : { ...block, svg });
    }
    sections.push({ ...section, blocks });
  }
  return { ...doc, sections };
}
