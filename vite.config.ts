/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { VitePWA } from 'vite-plugin-pwa';
import { appManifestTexts } from './src/lib/messages/offline';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium';

const svelteOptions = { preprocess: vitePreprocess(), compilerOptions: { runes: true } };

/**
 * The headers a static host sends with every file, from public/_headers (the Netlify/Cloudflare Pages format: a path
 * line, then indented `Name: value` lines; the one block there is for every path).
 */
function hostHeaders(): Record<string, string> {
  const text = readFileSync(new URL('./public/_headers', import.meta.url), 'utf8');
  const fields = text.split('\n').filter((line) => /^\s+[\w-]+:/.test(line));
  return Object.fromEntries(fields.map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]));
}

/** The dev server injects styles inline for hot reload, which the page's policy (index.html) refuses: dev goes without. */
const devWithoutPolicy: Plugin = {
  name: 'forecast-lab:dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

/**
 * The installable, offline app: a web app manifest and a service worker (workbox's generateSW) that precaches the whole
 * build — the page, every worker and chunk, tfjs's .wasm binaries and the shipped datasets (imported with ?url, so they
 * are build assets) — so after one visit every stage runs with the network off. 'prompt': a new build's worker waits
 * until the reader agrees (src/ui/UpdatePrompt.svelte). The page registers the worker from its own code
 * (src/state/offline.svelte.ts): the plugin's injected registration is an inline script, which the page's policy
 * refuses. No worker in dev: the dev server gets the plugin's no-op registerSW.
 */
const offlineApp = VitePWA({
  strategies: 'generateSW',
  registerType: 'prompt',
  injectRegister: false,
  devOptions: { enabled: false },
  manifest: {
    name: appManifestTexts.name,
    short_name: appManifestTexts.shortName,
    description: appManifestTexts.description,
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f6f7f9',
    theme_color: '#1f4e79',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    // Every file the build makes but the host's _headers (the plugin adds the manifest and its icon itself).
    globPatterns: ['**/*.{html,js,css,wasm,csv}'],
    // Workbox leaves out, with only a build warning, any file over its cap (2 MiB): the app would then break offline
    // when a chunk grows. The largest today, the ops worker, is ~0.9 MB.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    cleanupOutdatedCaches: true,
  },
});

// The app is a static site: everything runs in the browser, so `vite build` output is the whole product.
// Tests come in three projects: pure lib code in Node (most tests); adapters and components in real Chromium
// (real IndexedDB, vega, tfjs); end-to-end tests that drive the built app with playwright-core.
export default defineConfig({
  plugins: [svelte(svelteOptions), devWithoutPolicy, offlineApp],
  base: './',
  worker: { format: 'es' },
  // Pre-bundled up front so the dev server (and browser tests on a cold cache) never reload half-way.
  optimizeDeps: { include: ['dexie', 'valibot', 'fake-indexeddb', 'papaparse', 'comlink', 'vega', 'vega-lite', 'vega-tooltip', 'fflate', 'yaml'] },
  build: {
    target: 'es2022',
    // tfjs and vega are large on purpose and load on demand; the first-paint budget is checked by `npm run bench`.
    chunkSizeWarningLimit: 2500,
  },
  server: { host: '127.0.0.1' },
  // As a static host would serve the build: the e2e tests then run the workers under their policy too.
  preview: { host: '127.0.0.1', headers: hostHeaders() },
  test: {
    projects: [
      {
        // One module graph per worker, not per file: 126 small files spent two thirds of the project's time (50 s of
        // 75 s on 2 cores) re-importing the same modules. Tests here are pure functions on fresh inputs; the one shared
        // global (fake-indexeddb's IndexedDB) is used under a fresh database name by each storage test.
        test: { name: 'unit', environment: 'node', include: ['tests/lib/**/*.test.ts', 'tests/node/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
            screenshotDirectory: 'test-output/browser-screenshots',
          },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
