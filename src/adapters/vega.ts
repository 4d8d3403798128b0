/**
 * The one door to vega. vega, its expression interpreter and vega-tooltip load on first use with a dynamic import, so
 * they stay out of the first-paint bundle; vega-lite never loads on the page at all (the chart worker compiles).
 *
 * A chart is drawn in steps, each its own main-thread task, so no chart freezes the page, whatever its size
 * (one vega-embed call did it all in one task: 200–800 ms here for the larger charts):
 *
 *   spec ──► 1. rows taken out (detachChartData) ──► 2. the form compiled and parsed in the chart worker (compileChart,
 *            cached by form) ──► 3. vega View built from it (a task of its own) ──► 4. rows handed to the view
 *        ──► 5. dataflow run and SVG rendered, cut into slices between vega's operators (./vega-slices.ts)
 *
 * A chart whose form has not changed (a live chart: loss curves while training, the simulation's charts every tick)
 * skips 2–3: its new rows go into the view it has. Charts draw one at a time; those near the viewport first, then the
 * first drawing of those further away; a chart already drawn that is away from view redraws when it comes near, or
 * every AWAY_REDRAW_MS at most until then.
 *
 * SVG rather than canvas: marks are DOM nodes, which screen readers can reach and tests can count. Under the page's
 * Content-Security-Policy (index.html: no eval, no inline style), expressions arrive as syntax trees and run as
 * closures (./vega-expressions.ts) instead of code compiled with `new Function`; vega-tooltip's styles come from
 * ./vega.css.
 */
import * as Comlink from 'comlink';
import type { TopLevelSpec } from 'vega-lite';
import type { Runtime, View } from 'vega';
import { detachChartData } from '../lib/charts/detach-chart-data';
import { isConcatSpec } from '../lib/charts/is-concat-spec';
import type { ChartWorkerApi } from '../workers/chart.worker';
import { nextTask, sliceDataflow, startSlice } from './vega-slices';
import './vega.css';

/** What a chart shows now: drawing (its newest spec is on its way: now, or in its turn), drawn, or failed. */
export type ChartState =
  | { kind: 'drawing' }
  /**
   * `marks`: data-driven mark items drawn (bars, points, line vertices; not axes, legends or titles). A line counts
   * one item per point, so this says how much data the chart shows, not how many SVG elements it has.
   */
  | { kind: 'drawn'; marks: number }
  | { kind: 'failed'; message: string };

export interface ChartView {
  /** Draw `spec` when its turn comes; a spec replaced before its turn is never drawn. */
  show(spec: TopLevelSpec): void;
  /** Stops the view's timers and listeners; call when the chart leaves the page. */
  finalize(): void;
  /** The drawing on screen as a file: SVG as vega writes it, or PNG at twice its size; null before the first drawing. */
  image(format: ImageFormat): Promise<Blob | null>;
}

export type ImageFormat = 'png' | 'svg';

export interface ChartViewOptions {
  /** The chart's name, for the `fl:chart:<label>` performance measure of each drawing. */
  label: string;
  onState(state: ChartState): void;
}

/** Charts this far beyond the viewport (above or below) count as near: they draw before the user scrolls to them. */
const NEAR_VIEW_MARGIN = '50% 0px';
/**
 * A chart away from view redraws at most this often: a live chart below the fold (the Monitor and Retrain stages'
 * while the simulation plays on Deploy) follows along a few times a minute instead of every tick, and is current
 * within this long once its spec stops changing.
 */
const AWAY_REDRAW_MS = 2000;

export function createChartView(target: HTMLElement, options: ChartViewOptions): ChartView {
  const chart = new Chart(target, options);
  return { show: (spec) => chart.show(spec), finalize: () => chart.finalize(), image: (format) => chart.image(format) };
}

class Chart {
  nearView = false;
  drawn = false;
  /** performance.now() when its last drawing ended. */
  drawnAt = -Infinity;
  /** The newest spec not yet drawn. */
  pending: TopLevelSpec | null = null;
  readonly #target: HTMLElement;
  readonly #options: ChartViewOptions;
  #view: { view: View; key: string; holder: HTMLElement } | null = null;
  #finalized = false;

  constructor(target: HTMLElement, options: ChartViewOptions) {
    this.#target = target;
    this.#options = options;
    turns.observe(this);
  }

  get target(): HTMLElement {
    return this.#target;
  }

  show(spec: TopLevelSpec): void {
    if (this.#finalized) return;
    this.pending = spec;
    this.#options.onState({ kind: 'drawing' });
    turns.wake();
  }

  /** Draws the newest spec (called by `turns`, one chart at a time). */
  async draw(): Promise<void> {
    const spec = this.pending;
    this.pending = null;
    if (spec === null || this.#finalized) return;
    const start = performance.now();
    try {
      const marks = await this.#render(spec);
      if (this.#finalized) return;
      this.drawn = true;
      this.drawnAt = performance.now();
      performance.measure(`fl:chart:${this.#options.label}`, { start });
      // A newer spec that came while this one drew: the component stays 'drawing' for it.
      if (this.pending === null) this.#options.onState({ kind: 'drawn', marks });
    } catch (error) {
      if (!this.#finalized && this.pending === null) this.#options.onState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  async #render(spec: TopLevelSpec): Promise<number> {
    const { shape, key, datasets } = detachChartData(spec);
    let current = this.#view;
    if (current === null || current.key !== key) {
      const runtime = await compileForm(shape, key);
      const { vega, expr, tooltip } = await loadVega();
      await nextTask();
      startSlice();
      const view = new vega.View(runtime, {
        renderer: rendererOf(spec),
        expr,
        tooltip,
        logger: quietLogger(vega),
      });
      if (this.#finalized) {
        view.finalize();
        return 0;
      }
      // Drawn out of sight over the current drawing (same width), which stays on screen until the new one is complete.
      const holder = document.createElement('div');
      holder.className = 'fl-chart-next';
      this.#target.append(holder);
      view.initialize(holder);
      sliceDataflow(view);
      current = { view, key, holder };
    }
    const { view, holder } = current;
    const isNew = this.#view !== current;
    try {
      for (const [name, values] of Object.entries(datasets)) view.data(name, values as object[]);
      await nextTask();
      startSlice();
      await view.runAsync();
      // An event (a window resize) that came between two slices found the dataflow busy: run once more for it.
      await view.runAsync();
    } catch (error) {
      // A new view that failed goes; the drawing on screen stays.
      if (isNew) {
        view.finalize();
        holder.remove();
      }
      throw error;
    }
    if (isNew) {
      if (this.#finalized) {
        view.finalize();
        holder.remove();
        return 0;
      }
      this.#view?.view.finalize();
      this.#view?.holder.remove();
      holder.className = 'fl-chart-drawn';
      this.#view = current;
    }
    // vega-typings call scenegraph() a Scene, but vega returns the Scenegraph that holds it as `root`.
    const scene = view.scenegraph() as unknown as SceneNode & { root?: SceneNode };
    return countMarkItems(scene.root ?? scene);
  }

  async image(format: ImageFormat): Promise<Blob | null> {
    const view = this.#view?.view;
    if (view === undefined) return null;
    if (format === 'svg') return svgBlob(await view.toSVG());
    // Drawn anew on a canvas of its own (the page's drawing is SVG), at 2× for sharp slides and print.
    const canvas = (await view.toCanvas(PNG_SCALE)) as unknown as HTMLCanvasElement;
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  }

  finalize(): void {
    this.#finalized = true;
    this.pending = null;
    turns.forget(this);
    this.#view?.view.finalize();
    this.#view = null;
  }
}

const PNG_SCALE = 2;

const svgBlob = (svg: string): Blob => new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });

/**
 * A chart drawn off the page, as SVG text, for a file that holds its drawings (the shareable report). Same steps as a
 * chart on the page — the form compiled in the chart worker, rows handed to a view, its dataflow run in slices — but
 * the view draws nothing: it is sized by an out-of-sight box of the report's width, then written out by vega's SVG
 * string renderer. One task each step, so a report of several charts keeps the page responsive.
 */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const { shape, key, datasets } = detachChartData(spec);
  const runtime = await compileForm(shape, key);
  const { vega, expr } = await loadVega();
  await nextTask();
  const box = document.createElement('div');
  box.className = isConcatSpec(spec) ? 'fl-chart-offscreen stacked' : 'fl-chart-offscreen';
  document.body.append(box);
  startSlice();
  const view = new vega.View(runtime, { renderer: 'none', expr, logger: quietLogger(vega) });
  try {
    view.initialize(box);
    sliceDataflow(view);
    for (const [name, values] of Object.entries(datasets)) view.data(name, values as object[]);
    await nextTask();
    startSlice();
    await view.runAsync();
    await nextTask();
    return await view.toSVG();
  } finally {
    view.finalize();
    box.remove();
  }
}

/**
 * Whose turn it is: one chart draws at a time (so stages full of charts, and live charts fed faster than they draw,
 * queue up instead of piling their work together), nearest the viewport first.
 */
const turns = new (class Turns {
  readonly #charts = new Set<Chart>();
  #drawing = false;
  #observer: IntersectionObserver | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  observe(chart: Chart): void {
    this.#charts.add(chart);
    this.#observer ??= new IntersectionObserver((entries) => this.#seen(entries), { rootMargin: NEAR_VIEW_MARGIN });
    this.#observer.observe(chart.target);
  }

  forget(chart: Chart): void {
    this.#charts.delete(chart);
    this.#observer?.unobserve(chart.target);
  }

  wake(): void {
    if (this.#drawing) return;
    const next = this.#next();
    if (next === undefined) return this.#wakeForAway();
    this.#drawing = true;
    void next.draw().finally(() => {
      this.#drawing = false;
      this.wake();
    });
  }

  /** Charts near the viewport first; then the first drawing of one further away; then due redraws away from view. */
  #next(): Chart | undefined {
    const waiting = [...this.#charts].filter((chart) => chart.pending !== null);
    const due = performance.now() - AWAY_REDRAW_MS;
    return waiting.find((chart) => chart.nearView) ?? waiting.find((chart) => !chart.drawn) ?? waiting.find((chart) => chart.drawnAt <= due);
  }

  /** Nothing to draw now: when a chart away from view waits for its redraw, look again once it is due. */
  #wakeForAway(): void {
    const away = [...this.#charts].filter((chart) => chart.pending !== null).map((chart) => chart.drawnAt + AWAY_REDRAW_MS);
    if (away.length === 0 || this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.wake();
    }, Math.max(0, Math.min(...away) - performance.now()));
  }

  #seen(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const chart = [...this.#charts].find((c) => c.target === entry.target);
      if (chart === undefined || chart.nearView === entry.isIntersecting) continue;
      chart.nearView = entry.isIntersecting;
    }
    this.wake();
  }
})();

type Vega = typeof import('vega');

/** vega warns and errors on the console as vega-embed had it, except the error a sliced dataflow meets by design. */
function quietLogger(vega: Vega) {
  const logger = vega.logger(vega.Warn);
  const error = logger.error.bind(logger);
  return Object.assign(logger, {
    error: (...args: readonly unknown[]) => (String(args[0]).startsWith('Dataflow already running') ? logger : error(...args)),
  });
}

/** The first call's result, kept: modules and the worker are loaded once, on first use. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

const loadVega = once(() =>
  Promise.all([import('vega'), import('./vega-expressions'), import('vega-tooltip')]).then(([vega, { expressionClosures }, { Handler }]) => ({
    vega,
    expr: expressionClosures,
    // One tooltip element for every chart; its style is in ./vega.css.
    tooltip: new Handler({ disableDefaultStyle: true }).call,
  })),
);

const compiler = once(() =>
  Comlink.wrap<ChartWorkerApi>(new Worker(new URL('../workers/chart.worker.ts', import.meta.url), { type: 'module', name: 'forecast-lab-charts' })),
);
/** Compiled forms by key: a chart redrawn with another form and back, or two charts of one form, compile once. */
const compiled = new Map<string, Promise<Runtime>>();
const COMPILED_KEPT = 64;

function compileForm(shape: TopLevelSpec, key: string): Promise<Runtime> {
  let runtime = compiled.get(key);
  if (runtime === undefined) {
    runtime = compiler().compile(shape) as Promise<Runtime>;
    // A failed compile is not kept: the same spec may be asked for again and should fail (or work) afresh.
    runtime.catch(() => compiled.delete(key));
    compiled.set(key, runtime);
    if (compiled.size > COMPILED_KEPT) compiled.delete(compiled.keys().next().value as string);
  }
  return runtime;
}

/**
 * SVG unless the spec asks for canvas the way vega-embed reads it (`usermeta.embedOptions.renderer`): a chart of
 * thousands of marks hidden from screen readers anyway, which SVG would build one DOM node at a time.
 */
function rendererOf(spec: TopLevelSpec): 'svg' | 'canvas' {
  const usermeta = (spec as { usermeta?: { embedOptions?: { renderer?: unknown } } }).usermeta;
  return usermeta?.embedOptions?.renderer === 'canvas' ? 'canvas' : 'svg';
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
