import { basename, resolve } from 'node:path';
import type { CallFrame } from './find-long-task-culprit';
import { readSourceMap, type SourceMapLookup } from './read-source-map';

export interface NamedFrame {
  /** The original function name when the source map has it, else V8's (minified) one. */
  name: string;
  /** 'vega-scenegraph/build/vega-scenegraph.js:2272', 'src/ui/Chart.svelte:30', or 'embed-x.js:6:179344' unmapped. */
  where: string;
  /** The npm package or src/ folder the frame belongs to, for grouping ('vega-dataflow', 'src/ui', 'svelte'). */
  module: string;
}

/**
 * Names minified frames through the source maps of the build that was traced (made with `--sourcemap`, so each
 * `assets/x.js` has its `assets/x.js.map`). Without maps (null), frames keep V8's minified names and positions.
 */
export function nameFrames(mapsDir: string | null): (frame: CallFrame) => NamedFrame {
  const lookups = new Map<string, SourceMapLookup | null>();
  const lookupFor = (file: string): SourceMapLookup | null => {
    if (mapsDir === null) return null;
    if (!lookups.has(file)) lookups.set(file, readSourceMap(resolve(mapsDir, 'assets', `${file}.map`)));
    return lookups.get(file) ?? null;
  };
  return (frame) => {
    const file = frame.url === '' ? '' : basename(new URL(frame.url, 'http://x/').pathname);
    if (file === '') return { name: frame.functionName, where: '', module: frame.functionName };
    if (frame.lineNumber === 0 && frame.columnNumber === 0) return { name: '(top level of the chunk)', where: file, module: file };
    const original = lookupFor(file)?.(frame.lineNumber, frame.columnNumber) ?? null;
    if (original === null) {
      return { name: frame.functionName, where: `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`, module: file };
    }
    const source = original.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');
    return { name: original.name ?? frame.functionName, where: `${source}:${original.line}`, module: moduleOf(source) };
  };
}

function moduleOf(source: string): string {
  if (source.startsWith('src/')) return source.split('/').slice(0, 2).join('/');
  const parts = source.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}
