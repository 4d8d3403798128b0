// dependency-cruiser rules for the module graph under src/ (`npm run check:graph`): every module is reached from the
// app's entry points, and no import cycle, type-only imports included.
//
// The roots are main.ts and the worker entries: the page creates each worker with
// `new Worker(new URL('./x.worker.ts', import.meta.url))`, an edge dependency-cruiser does not follow. Tests are not
// crawled, so a module that only a test imports is reported.
//
// A .svelte file is read after the Svelte compiler has stripped its TypeScript, so its `import type`s are not seen: a
// module that only a component's type import reaches is reported as unreachable (import the type from a module the
// app reaches, or move it there).

const ENTRY_POINTS = '^src/(main\\.ts|workers/[^/]+\\.worker\\.ts)$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'not-reachable-from-the-app',
      comment: 'Runs only in tests (or nowhere): delete it with its tests, or wire it into the app.',
      severity: 'error',
      from: { path: ENTRY_POINTS },
      to: { path: '^src/.+\\.(ts|svelte)$', pathNot: ENTRY_POINTS, reachable: false },
    },
    {
      name: 'no-circular',
      comment: 'An import cycle: move what both sides share into the module it belongs to.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: '^src/',
    // Type-only imports count: they tie modules together for a reader as much as value imports do.
    tsPreCompilationDeps: true,
  },
};
