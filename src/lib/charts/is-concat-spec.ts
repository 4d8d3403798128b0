import type { TopLevelSpec } from 'vega-lite';

/**
 * Whether the spec stacks views (vconcat, hconcat, concat). vega-lite sizes a 'container'-wide sub-view to the full
 * container and then adds its axes outside it, so such charts overflow to the right by an axis's width; the chart
 * component gives them a narrower box to measure (see Chart.svelte).
 */
export function isConcatSpec(spec: TopLevelSpec): boolean {
  return 'vconcat' in spec || 'hconcat' in spec || 'concat' in spec;
}
