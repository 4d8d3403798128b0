/**
 * The one door to vega-embed. It is loaded on first use with a dynamic import, so vega, vega-lite and vega-embed
 * (~280 KB gzip) stay out of the first-paint bundle and arrive only when a chart is on screen.
 *
 * SVG rather than canvas: marks are DOM nodes, which screen readers can reach and tests can count. Actions
 * (export, view source, open in editor) are off: the notebook has its own export, and the editor link leaves the app.
 */
import type { TopLevelSpec } from 'vega-lite';

export interface RenderedChart {
  /**
   * Data-driven mark items drawn (bars, points, line vertices; not axes, legends or titles). A line counts one item
   * per point, so this says how much data the chart shows, not how many SVG elements it has.
   */
  marks: number;
  /** Stops the view's timers and listeners; call when the chart leaves the page. */
  finalize(): void;
}

/**
 * Charts render one at a time, each in its own task: a stage that shows eight charts at once would otherwise
 * compile, parse and draw them all in one long main-thread task (measured at 200–1,000 ms here) and freeze the page.
 * A render whose spec was replaced while it waited its turn is skipped (null): a live chart fed faster than it can
 * draw then shows its newest state next, instead of working through every state in between long after the fact.
 */
let queue: Promise<unknown> = Promise.resolve();

export function renderChart(target: HTMLElement, spec: TopLevelSpec, signal?: AbortSignal): Promise<RenderedChart | null> {
  const next = queue.then(() => yieldToPage()).then(() => (signal?.aborted ? null : render(target, spec)));
  queue = next.catch(() => undefined);
  return next;
}

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function render(target: HTMLElement, spec: TopLevelSpec): Promise<RenderedChart> {
  const { default: embed } = await import('vega-embed');
  const result = await embed(target, spec, { renderer: 'svg', actions: false });
  // vega-typings call scenegraph() a Scene, but vega returns the Scenegraph that holds it as `root`.
  const scene = result.view.scenegraph() as unknown as SceneNode & { root?: SceneNode };
  return { marks: countMarkItems(scene.root ?? scene), finalize: () => result.finalize() };
}

/** The shape of vega's scenegraph that matters here: marks hold items, group items hold further marks. */
interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneNode[];
}

function countMarkItems(node: SceneNode): number {
  let count = 0;
  if (node.marktype !== undefined && node.marktype !== 'group' && node.role === 'mark') count += node.items?.length ?? 0;
  for (const item of node.items ?? []) count += countMarkItems(item);
  return count;
}
