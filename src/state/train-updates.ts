/**
 * What the page is shown while a run trains, a few times a second rather than at every step: each update is a frame,
 * and frames cost the cores the training needs (~0.1 s of CPU each where the GPU is emulated in software).
 */
import { estimateEta, formatEta } from '../lib/progress/estimate-eta';

export interface LiveCurve {
  model: string;
  window: string;
  epoch: number;
  loss: number;
  valLoss: number;
}

export interface RunProgress {
  fraction: number;
  eta: string;
  label: string;
}

const PROGRESS_EVERY_MS = 500;

/**
 * The progress line: `tick(units, label)` counts work done out of `total`; the line is published at most every
 * PROGRESS_EVERY_MS, always ending on the latest step, and not at all once `current()` is false (the run ended).
 */
export function throttledProgress(options: { started: number; total: number; publish: (progress: RunProgress) => void; current: () => boolean }) {
  let done = 0;
  let label = '';
  let shownAt = -Infinity;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const show = () => {
    pending = null;
    if (!options.current()) return;
    shownAt = performance.now();
    const estimate = estimateEta({ startedAt: options.started, now: shownAt, done, total: options.total });
    options.publish({ fraction: estimate.fraction, eta: formatEta(estimate.etaMs), label });
  };
  return (units: number, next: string) => {
    done += units;
    label = next;
    if (pending !== null) return;
    const wait = PROGRESS_EVERY_MS - (performance.now() - shownAt);
    if (wait <= 0) show();
    else pending = setTimeout(show, wait);
  };
}

/**
 * The live learning curves, handed over every `everyMs`: each hand-over redraws the chart, and a small model runs
 * dozens of epochs a second, which kept the page's thread busy redrawing while the workers needed the cores.
 */
export function throttledCurves(publish: (points: LiveCurve[]) => void, everyMs = 1500) {
  let pending: LiveCurve[] = [];
  let last = -Infinity;
  const flush = () => {
    if (pending.length === 0) return;
    publish(pending);
    pending = [];
    last = performance.now();
  };
  return {
    add(point: LiveCurve) {
      pending.push(point);
      if (performance.now() - last >= everyMs) flush();
    },
    flush,
  };
}
