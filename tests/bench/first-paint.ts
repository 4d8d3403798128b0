import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * First-paint JS: what the browser must fetch before the first render — the entry script from index.html and
 * every chunk it imports statically (transitively) — gzipped. Chunks behind dynamic import() (tfjs, vega) don't count.
 */
export function measureFirstPaint(distDir: string): { files: { file: string; gzipBytes: number }[]; totalGzipBytes: number } {
  const html = readFileSync(resolve(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(resolve(distDir, file), 'utf8');
    // Static imports only: `import … from "./x.js"` and bare `import "./x.js"`; not `import("./x.js")`.
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(`assets/${m[1]}`);
    }
  }
  const files = [...seen].map((file) => ({ file, gzipBytes: gzipSync(readFileSync(resolve(distDir, file))).length }));
  return { files, totalGzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0) };
}
