/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { compileChart } from '../lib/charts/compile-chart';

/**
 * The chart worker: vega-lite specs compiled and parsed into vega runtimes (src/lib/charts/compile-chart.ts), which
 * src/adapters/vega.ts runs and draws on the page. With vega-lite's module itself, that is the part of drawing a chart
 * that needs no DOM, and none of it takes the page's main thread. Specs arrive without their rows (detachChartData).
 */
const api = { compile: compileChart };

export type ChartWorkerApi = typeof api;

Comlink.expose(api);
