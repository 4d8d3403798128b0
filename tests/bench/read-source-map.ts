import { existsSync, readFileSync } from 'node:fs';

export interface OriginalPosition {
  /** As the map names it, e.g. '../../node_modules/vega-embed/build/embed.js' or '../../src/ui/Chart.svelte'. */
  source: string;
  /** 1-based. */
  line: number;
  /** The original identifier at that position, when the map records one. */
  name: string | null;
}

/** Finds the original position of a 0-based (line, column) in the generated file; null where the map says nothing. */
export type SourceMapLookup = (line: number, column: number) => OriginalPosition | null;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A source map v3 (`file.js.map`), decoded once into per-line segments. Small on purpose: the bench only needs
 * "which module and function is this minified position", so there is no index map support and no column of origin.
 */
export function readSourceMap(mapPath: string): SourceMapLookup | null {
  if (!existsSync(mapPath)) return null;
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; names?: string[]; mappings: string };
  const names = map.names ?? [];
  // Per generated line: [column, source, line, name] quadruples, name -1 when absent.
  const lines: number[][] = [];
  // Fields are deltas from the previous segment; the original column (field 3) is not needed here.
  let [source, line, name] = [0, 0, 0];
  for (const text of map.mappings.split(';')) {
    const segments: number[] = [];
    let generated = 0;
    for (const segment of text.split(',')) {
      if (segment === '') continue;
      const fields = decodeVlq(segment);
      generated += fields[0] ?? 0;
      if (fields.length < 4) continue;
      source += fields[1]!;
      line += fields[2]!;
      if (fields.length >= 5) name += fields[4]!;
      segments.push(generated, source, line, fields.length >= 5 ? name : -1);
    }
    lines.push(segments);
  }
  return (genLine, genColumn) => {
    const segments = lines[genLine];
    if (!segments) return null;
    let found = -1;
    for (let i = 0; i < segments.length; i += 4) {
      if (segments[i]! > genColumn) break;
      found = i;
    }
    if (found < 0) return null;
    const nameIndex = segments[found + 3]!;
    return { source: map.sources[segments[found + 1]!] ?? '?', line: segments[found + 2]! + 1, name: nameIndex >= 0 ? (names[nameIndex] ?? null) : null };
  };
}

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}
