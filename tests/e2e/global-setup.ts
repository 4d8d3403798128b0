import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

// End-to-end tests run against the built app (`npm run test:e2e` builds first), served by `vite preview`
// exactly as a user's static host would serve it. Started by its own PID (not npx) so it can be stopped.
const PORT = Number(process.env.E2E_PORT ?? 4179);
// Another build to test (e.g. one made with `vite build --outDir`), relative to the project root or absolute.
const DIST = process.env.E2E_DIST ?? 'dist';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(resolve(root, DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does).');
  }
  // A snapshot of the build is served, so a `vite build` run meanwhile (others share this checkout) cannot swap the
  // app's chunks under a running suite: the page would then fail to load a chunk it imports lazily (vega-embed).
  const served = mkdtempSync(join(tmpdir(), 'forecast-lab-e2e-dist-'));
  cpSync(resolve(root, DIST), served, { recursive: true });
  const server: ChildProcess = spawn(
    resolve(root, 'node_modules/.bin/vite'),
    ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', served],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const baseUrl = `http://127.0.0.1:${PORT}/`;
  const stop = async () => {
    server.kill('SIGTERM');
    rmSync(served, { recursive: true, force: true });
  };
  await waitForServer(baseUrl, server).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  project.provide('baseUrl', baseUrl);
  return stop;
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  let output = '';
  server.stdout?.on('data', (d) => (output += String(d)));
  server.stderr?.on('data', (d) => (output += String(d)));
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error(`vite preview exited: ${output}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${url}: ${output}`);
}
