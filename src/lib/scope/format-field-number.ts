/**
 * A number as an input field shows it: at most six significant digits, no thousands separators (so it parses back),
 * e.g. the default daily holding cost 0.004109589… shows as 0.00410959.
 */
export function formatFieldNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '';
}
