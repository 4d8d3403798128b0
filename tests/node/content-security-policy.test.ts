import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** A policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

const page = directives(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(resolve(ROOT, 'index.html'), 'utf8'))?.[1] ?? '');
const host = directives(/^\s+Content-Security-Policy:\s*(.+)$/m.exec(readFileSync(resolve(ROOT, 'public/_headers'), 'utf8'))?.[1] ?? '');

describe('the Content-Security-Policy (index.html for the page, public/_headers for every file, workers included)', () => {
  it('index.html allows only the app\'s own files: no inline script or style, no eval, no WebAssembly', () => {
    expect(page.get('default-src')).toEqual(["'self'"]);
    expect(page.get('script-src')).toEqual(["'self'"]);
    expect(page.get('style-src')).toEqual(["'self'"]);
    expect(page.get('object-src')).toEqual(["'none'"]);
    expect([...page.values()].flat().filter((source) => /unsafe|\*|data:|blob:/.test(source))).toEqual([]);
  });

  it('public/_headers has the page\'s rules, plus \'wasm-unsafe-eval\' for tfjs in the workers and no framing', () => {
    const expected = new Map(page);
    expected.set('script-src', ["'self'", "'wasm-unsafe-eval'"]);
    expected.set('frame-ancestors', ["'none'"]);
    expect(host).toEqual(expected);
  });
});
