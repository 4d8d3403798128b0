import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// src/lib is the lifecycle as pure functions on plain data: it must run in Node and in any worker.
// The edges (tf, dexie, vega's views and tooltips, svelte, the DOM) live in adapters/, workers/, state/ and ui/.
const EDGE_IMPORTS = {
  patterns: [
    { group: ['@tensorflow/*'], message: 'src/lib is pure: tfjs belongs in src/adapters.' },
    { group: ['dexie', 'dexie/*'], message: 'src/lib is pure: Dexie belongs in src/adapters.' },
    { group: ['vega-tooltip', 'vega-tooltip/*'], message: 'src/lib is pure: vega-tooltip belongs in src/adapters.' },
    { group: ['svelte', 'svelte/*', '*.svelte'], message: 'src/lib is pure: Svelte belongs in src/state and src/ui.' },
    { group: ['**/adapters/*', '**/state/*', '**/ui/*', '**/workers/*'], message: 'src/lib must not reach out to the edges.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-output/', '.vite/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: tseslint.parser },
    },
  },
  {
    // State classes build plain Maps and Dates as local working values all the time; only fields marked $state are
    // meant to be reactive there, so this rule (made for components) only produces noise in *.svelte.ts.
    files: ['**/*.svelte.ts'],
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', EDGE_IMPORTS],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass a seeded rng: runs must replay.' }],
    },
  },
);
