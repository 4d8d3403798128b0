/** numpy's `np.round`: halves go to the even neighbour (2.5 → 2, 3.5 → 4), where Math.round sends them up. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
