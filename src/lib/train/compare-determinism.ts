import type { RunMetrics } from '../runs/types';

export interface DeterminismRow {
  model: string;
  window: string;
  first: number | null;
  second: number | null;
  /** |first − second| of the window's MAE; 0 for a bit-identical replay. */
  difference: number | null;
}

export interface DeterminismReport {
  rows: DeterminismRow[];
  /** Every model in every window gave the same MAE (to the last bit). */
  identical: boolean;
  maxDifference: number;
}

/**
 * Same seed, same data, same backend ⇒ same metrics: compares two runs of one configuration window by window.
 * MAE is the yardstick (every model has it; a difference anywhere in the forecast shows in it).
 */
export function compareDeterminism(first: RunMetrics, second: RunMetrics): DeterminismReport {
  const rows: DeterminismRow[] = [];
  for (const model of first.models) {
    const other = second.models.find((m) => m.name === model.name);
    for (const window of model.windows) {
      const a = window.evaluation.dataScientist.mae;
      const b = other?.windows.find((w) => w.window === window.window)?.evaluation.dataScientist.mae ?? null;
      rows.push({ model: model.name, window: window.window, first: a, second: b, difference: a === null || b === null ? null : Math.abs(a - b) });
    }
  }
  const differences = rows.map((r) => r.difference);
  const identical = differences.every((d) => d === 0);
  const maxDifference = Math.max(0, ...differences.map((d) => (d === null ? Infinity : d)));
  return { rows, identical, maxDifference };
}
