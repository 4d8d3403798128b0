import { runCompareLabels } from '../messages/runs';

const MAX_LENGTH = 160;

/**
 * A configuration value for the "parameters that differ" table: numbers and text as they are, arrays and objects
 * as compact JSON (`[64, 32]`, `{window: 7, stats: ["mean"]}`), null as "null" (the config's "use the default"),
 * a value that is not set as "(not set)". Long values are cut with "…".
 */
export function formatParamValue(value: unknown): string {
  if (value === undefined) return runCompareLabels.absent;
  const text = compact(value);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

function compact(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${compact(v)}`).join(', ')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
