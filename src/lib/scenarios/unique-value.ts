/**
 * `wanted`, or, when that is taken, the first of `wanted-2`, `wanted-3`, … that is not, so a simulated newcomer
 * never merges into an existing series. A wanted name ending in "-<n>" counts on from n ("new-1" → "new-2").
 */
export function uniqueValue(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(wanted)) return wanted;
  const match = /^(.*)-(\d+)$/.exec(wanted);
  const [stem, from] = match ? [match[1] as string, Number(match[2])] : [wanted, 1];
  let n = from + 1;
  while (used.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}
