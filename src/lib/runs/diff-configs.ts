/**
 * What differs between two configurations (NotebookConfig, or any plain JSON), as flattened paths:
 * `seed`, `features.lags`, `models.candidates[1].hidden`. Objects are walked key by key and arrays of objects index
 * by index; an array of plain values (lags, hidden widths, quantiles) is one value, so `[64, 32] → [32]` reads as one
 * change, not two. A value present on one side only is compared with `undefined`.
 */
export type ConfigPath = readonly (string | number)[];

export interface ConfigDifference {
  /** e.g. `models.candidates[1].hidden`. */
  path: string;
  segments: ConfigPath;
  a: unknown;
  b: unknown;
}

export interface DiffConfigsOptions {
  /** Paths left out with everything below them, e.g. ['stage', 'explore']. */
  ignore?: readonly string[];
}

export function diffConfigs(a: unknown, b: unknown, options: DiffConfigsOptions = {}): ConfigDifference[] {
  const ignore = options.ignore ?? [];
  const out: ConfigDifference[] = [];
  walk(a, b, [], (segments, x, y) => {
    const path = formatConfigPath(segments);
    if (!ignore.some((prefix) => isUnder(path, prefix))) out.push({ path, segments, a: x, b: y });
  });
  return out;
}

/** `['models', 'candidates', 1, 'hidden']` → `models.candidates[1].hidden`. */
export function formatConfigPath(segments: ConfigPath): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

/** The value at `segments` inside `value`; undefined when the path does not exist. */
export function valueAtPath(value: unknown, segments: ConfigPath): unknown {
  let current: unknown = value;
  for (const segment of segments) {
    if (typeof segment === 'number' ? !Array.isArray(current) : !isPlainObject(current)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

type Report = (segments: ConfigPath, a: unknown, b: unknown) => void;

function walk(a: unknown, b: unknown, segments: ConfigPath, report: Report): void {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) walk(a[key], b[key], [...segments, key], report);
  } else if (Array.isArray(a) && Array.isArray(b) && (a.some(isStructured) || b.some(isStructured))) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...segments, i], report);
  } else if (!sameValue(a, b)) {
    report(segments, a, b);
  }
}

/** Deep equality of plain JSON values (NaN equals NaN). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

function isStructured(value: unknown): boolean {
  return isPlainObject(value) || Array.isArray(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
