// What a downloaded model zip is checked with, here and in the e2e test (tests/e2e/operations.test.ts): its files,
// the README's script run by node in a folder of its own, and forecasts compared step by step.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import type { ForecastsJson } from '../../../src/lib/export/tfjs-bundle';

const execFileAsync = promisify(execFile);

/** The zip unpacked: its one folder, and the files in it by name. */
export function unzipBundle(zip: Uint8Array): { folder: string; files: Map<string, Uint8Array> } {
  const entries = Object.entries(unzipSync(zip));
  const folder = entries[0]?.[0].split('/')[0] ?? '';
  expect(entries.every(([name]) => name.startsWith(`${folder}/`))).toBe(true);
  return { folder, files: new Map(entries.map(([name, bytes]) => [name.slice(folder.length + 1), bytes])) };
}

export const text = (files: Map<string, Uint8Array>, name: string): string => strFromU8(files.get(name) ?? new Uint8Array());
export const parsed = <T>(files: Map<string, Uint8Array>, name: string): T => JSON.parse(text(files, name)) as T;

/** The README's first ```js block: the script it tells you to run. */
export function readmeScript(readme: string): string {
  const match = /```js\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('The README has no js block.');
  return match[1] as string;
}

/**
 * `script` run by node in a fresh folder holding the unzipped files, against the project's tfjs (linked as the
 * folder's node_modules, where `npm install` would put it). Its stdout is JSON.
 */
export async function runScript(files: Map<string, Uint8Array>, script: string, args: string[] = []): Promise<unknown> {
  const dir = await mkdtemp(path.join(tmpdir(), 'forecast-lab-export-'));
  try {
    await Promise.all([...files].map(([name, bytes]) => writeFile(path.join(dir, name), bytes)));
    await writeFile(path.join(dir, 'readme-script.mjs'), script);
    await symlink(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
    const { stdout } = await execFileAsync(process.execPath, ['readme-script.mjs', ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A forecast per series label, step by step. */
export type Rows = Map<string, { date: string; p10?: number; p50: number; p90?: number }[]>;

/** The network script's output: per series, its steps. */
export const scriptRows = (output: unknown): Rows =>
  new Map((output as { label: string; forecast: { date: string; p10?: number; p50: number; p90?: number }[] }[]).map((s) => [s.label, s.forecast]));

export const forecastsJsonRows = (json: ForecastsJson): Rows =>
  new Map(
    json.series.map((s) => [
      s.label,
      s.dates.map((date, i) => ({ date, p50: s.p50[i] as number, ...(s.p10 ? { p10: s.p10[i] as number } : {}), ...(s.p90 ? { p90: s.p90[i] as number } : {}) })),
    ]),
  );

/** Same series, dates and quantiles, and every value within `tolerance` (relative to the value, absolute below 1). */
export function expectSameForecast(actual: Rows, expected: Rows, tolerance = 1e-5): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  let worst = 0;
  for (const [label, rows] of expected) {
    const got = actual.get(label) ?? [];
    expect(got.map((r) => r.date)).toEqual(rows.map((r) => r.date));
    rows.forEach((row, i) => {
      for (const q of ['p10', 'p50', 'p90'] as const) {
        expect(got[i]?.[q] === undefined).toBe(row[q] === undefined);
        if (row[q] !== undefined) worst = Math.max(worst, Math.abs((got[i]?.[q] as number) - row[q]) / Math.max(1, Math.abs(row[q])));
      }
    });
  }
  expect(worst).toBeLessThanOrEqual(tolerance);
}
