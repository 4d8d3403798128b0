/**
 * The edges of `bins` equal-width bins spanning [min, max], as numpy's histogram_bin_edges does for a bin count:
 * a range of zero width is widened to [min − 0.5, max + 0.5], and the edges come from `np.linspace` (edge i is
 * min + i·step, the last edge exactly max), so counts on the edges match numpy's.
 */
export function equalWidthEdges(min: number, max: number, bins: number): number[] {
  const [first, last] = min === max ? [min - 0.5, max + 0.5] : [min, max];
  const step = (last - first) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => i * step + first);
  edges[bins] = last;
  return edges;
}
