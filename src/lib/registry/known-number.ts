/**
 * A finite number, or null. Stored JSON already turns NaN into null; a run still in memory may hold NaN, and a run
 * stored before a metric existed lacks it (undefined). Gates and cards treat all three as "not measured".
 */
export function knownNumber(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}
