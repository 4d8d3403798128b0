import type { TopLevelSpec } from 'vega-lite';
import { opsChartTexts as L } from '../messages/serving';
import type { DriftBin } from '../monitor/drift-bins';
import { ACCENT_COLOR, CHART_HEIGHT, MUTED_COLOR, SCHEMA } from './chart-defaults';

/** The bins come from the drift test (ColumnDrift.bins): one bin or category, its share on each side. */
export type { DriftBin };

export interface OpsDriftBinsSpecOptions {
  /** The column the bins are of, for the title. */
  column: string;
  title?: string;
  subtitle?: string;
  /** What the two sides are (default: the training reference and the current window). */
  samples?: [reference: string, current: string];
}

/** Two rows per bin, reference then current, keeping the bins' order. */
export function driftBinRows(bins: readonly DriftBin[], samples: readonly [string, string] = [L.referenceSample, L.currentSample]): { bin: string; sample: string; share: number }[] {
  return bins.flatMap((b) => [
    { bin: b.label, sample: samples[0], share: b.reference },
    { bin: b.label, sample: samples[1], share: b.current },
  ]);
}

/**
 * The picture behind a drift alert: for one column, the share of values in each bin during training and in the
 * current window, side by side. Bins keep the order given (value order for numbers), so a shift reads left to right.
 */
export function opsDriftBinsSpec(bins: readonly DriftBin[], options: OpsDriftBinsSpecOptions): TopLevelSpec {
  const samples: [string, string] = options.samples ?? [L.referenceSample, L.currentSample];
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? L.driftBinsTitle(options.column), subtitle: options.subtitle ?? L.driftBinsSubtitle },
    width: 'container',
    height: CHART_HEIGHT,
    data: { values: driftBinRows(bins, samples) },
    mark: { type: 'bar', opacity: 0.85 },
    encoding: {
      x: { field: 'bin', type: 'nominal', title: L.bin, sort: bins.map((b) => b.label), axis: { labelAngle: -30, labelLimit: 120 } },
      xOffset: { field: 'sample', type: 'nominal', sort: samples },
      y: { field: 'share', type: 'quantitative', title: L.share, axis: { format: '.0%' } },
      color: { field: 'sample', type: 'nominal', title: L.sample, sort: samples, scale: { domain: samples, range: [MUTED_COLOR, ACCENT_COLOR] }, legend: { orient: 'top' } },
      tooltip: [
        { field: 'bin', type: 'nominal', title: L.bin },
        { field: 'sample', type: 'nominal', title: L.sample },
        { field: 'share', type: 'quantitative', title: L.share, format: '.1%' },
      ],
    },
  };
}
