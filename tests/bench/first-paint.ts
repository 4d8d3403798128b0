import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseSync } from 'vite';

export interface AssetSize {
  /** Path inside dist/, e.g. 'assets/index-abc.js'. */
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface FirstPaint {
  /** The entry scripts of index.html and every chunk they import statically, entry first. */
  files: AssetSize[];
  totalGzipBytes: number;
  /** Stylesheets linked from index.html: fetched before first paint too, but reported apart from the JS budget. */
  css: AssetSize[];
  cssGzipBytes: number;
}

/**
 * First-paint JS: what the browser must fetch before the first render — the module scripts and modulepreload links
 * of index.html and every chunk they import statically (transitively) — gzipped (zlib level 6, what static hosts
 * use). Chunks reached only through dynamic import() (vega-embed, fake-indexeddb) and workers
 * (`new Worker(new URL(…))`) don't count.
 *
 * Chunks are read with Vite's own parser (oxc): a regular expression over minified code cannot tell an import
 * declaration from the same words inside a string, and misses `export … from` re-exports and `../` paths.
 */
export function measureFirstPaint(distDir: string): FirstPaint {
  const html = readFileSync(posix.join(distDir, 'index.html'), 'utf8');
  const entries = [...htmlRefs(html, 'script', 'src'), ...htmlRefs(html, 'link', 'href', 'modulepreload')].filter((f) => /\.m?js$/.test(f));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file, readFileSync(posix.join(distDir, file), 'utf8')));
  }
  const size = (file: string): AssetSize => {
    const content = readFileSync(posix.join(distDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 6 }).length };
  };
  const files = [...seen].map(size);
  const css = htmlRefs(html, 'link', 'href', 'stylesheet').map(size);
  const sum = (list: AssetSize[]) => list.reduce((a, f) => a + f.gzipBytes, 0);
  return { files, totalGzipBytes: sum(files), css, cssGzipBytes: sum(css) };
}

/** Relative chunk paths (from dist/) that `file` imports or re-exports statically. */
function staticImports(file: string, code: string): string[] {
  const { module, errors } = parseSync(file, code, { sourceType: 'module' });
  if (errors.length > 0) throw new Error(`measureFirstPaint: cannot parse ${file}: ${errors[0]?.message}`);
  const specifiers = [
    ...module.staticImports.map((i) => i.moduleRequest.value),
    ...module.staticExports.flatMap((e) => e.entries.map((entry) => entry.moduleRequest?.value ?? null)),
  ];
  return specifiers.filter((s): s is string => s !== null && /^\.\.?\//.test(s)).map((s) => posix.join(posix.dirname(file), s));
}

/** Local URLs of `<tag … attr="…">` in the page (optionally only with rel="…"), as paths from dist/. */
function htmlRefs(html: string, tag: 'script' | 'link', attr: 'src' | 'href', rel?: string): string[] {
  const out: string[] = [];
  for (const [element] of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'gi'))) {
    if (rel !== undefined && attribute(element, 'rel')?.toLowerCase() !== rel) continue;
    const url = attribute(element, attr);
    if (url && !/^[a-z]+:|^\/\//i.test(url)) out.push(posix.normalize(url.replace(/^\.?\//, '')));
  }
  return out;
}

function attribute(element: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(element);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}
