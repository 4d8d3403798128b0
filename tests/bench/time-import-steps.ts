import { readFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { previewCsv } from '../../src/lib/data/preview-csv';
import { detectMapping } from '../../src/lib/data/detect-mapping';
import { hashBytes } from '../../src/lib/data/hash-bytes';
import { createIngest } from '../../src/lib/data/create-ingest';
import { validateSales } from '../../src/lib/data/validate-sales';
import { cleanSales } from '../../src/lib/data/clean-sales';
import { exploreSales } from '../../src/lib/eda/explore-sales';
import { aggregateSalesOverTime } from '../../src/lib/eda/aggregate-sales-over-time';
import { resolveHorizon } from '../../src/lib/scope/default-horizon';
import { DEFAULT_CONFIG } from '../../src/lib/notebook/config';

export interface ImportStep {
  /** Which cell of the app the step belongs to. */
  cell: 'import' | 'data.clean' | 'explore.summary' | 'explore.charts';
  step: string;
  /** Wall time, and the process's CPU time over it (less sensitive to other load on the machine). */
  ms: number;
  cpuMs: number;
  /**
   * Where the step's time went (V8 CPU profile), largest first: the functions the step's entry function calls, by
   * total time, when the step names one; otherwise the functions with the most self time.
   */
  hot: { name: string; where: string; ms: number }[];
  hotBy: 'callees' | 'self';
  note?: string;
}

// As in src/workers/data.worker.ts.
const PREVIEW_BYTES = 1024 * 1024;
const CHUNK_BYTES = 4 * 1024 * 1024;
const TABLE_KINDS = new Set(['duplicate-rows', 'gaps', 'mixed-frequency', 'series-too-short']);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where an import's time goes: the data worker's steps (src/workers/data.worker.ts, a thin dispatcher over src/lib)
 * re-run one by one in Node on the same file, with the same options, timed apart and CPU-profiled (1 ms sampling,
 * a few per cent of overhead). Node runs V8 as Chromium does, so the shares carry over; the absolute times differ
 * a little from the worker's (no Blob reads, no postMessage), which is why the in-browser marks are the figures to
 * hold against the target.
 */
export async function timeImportSteps(csvPath: string): Promise<ImportStep[]> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  const steps: ImportStep[] = [];
  const time = async <T>(cell: ImportStep['cell'], step: string, work: () => T | Promise<T>, entry?: string): Promise<T> => {
    await session.post('Profiler.start');
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await work();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const { profile } = await session.post('Profiler.stop');
    steps.push({ cell, step, ms, cpuMs: (used.user + used.system) / 1000, hot: hotFunctions(profile, entry), hotBy: entry ? 'callees' : 'self' });
    return result;
  };

  try {
    const bytes = await time('import', 'read the file (Node: fs; worker: Blob reads)', () => readFileSync(csvPath));
    const text = await time('import', 'decode UTF-8', () => new TextDecoder().decode(bytes));
    const { preview, detection } = await time('import', 'preview 1 MB + detect the mapping', () => {
      const slice = text.slice(0, PREVIEW_BYTES);
      const preview = previewCsv(text.length > PREVIEW_BYTES ? slice.slice(0, slice.lastIndexOf('\n') + 1) : slice);
      return { preview, detection: detectMapping(preview) };
    });
    await time('import', 'SHA-256 of the bytes (content hash)', () => hashBytes(new Uint8Array(bytes)));

    // papaparse calls ingest.addRows for each chunk: one step, split by timing the callback.
    const ingest = createIngest({ mapping: detection.mapping, header: preview.header, dateFormat: detection.dateFormat, delimiter: preview.delimiter });
    let ingestMs = 0;
    await time('import', 'papaparse + ingest.addRows (4 MB chunks)', () =>
      new Promise<void>((done, fail) => {
        let line = 1;
        Papa.parse<string[]>(text, {
          delimiter: preview.delimiter,
          skipEmptyLines: false,
          chunkSize: CHUNK_BYTES,
          chunk: ({ data }: Papa.ParseResult<string[]>) => {
            const started = performance.now();
            ingest.addRows(line === 1 ? data.slice(1) : data, line === 1 ? 2 : line);
            line += data.length;
            ingestMs += performance.now() - started;
          },
          complete: () => done(),
          error: (error: Error) => fail(error),
        });
      }),
    );
    const parse = steps.at(-1)!;
    parse.note = `papaparse ${Math.round(parse.ms - ingestMs)} ms (rows of strings), ingest.addRows ${Math.round(ingestMs)} ms (dates, numbers, series)`;
    const raw = await time('import', 'ingest.finish: sort, frequency, validate', () => ingest.finish());

    const horizon = resolveHorizon(DEFAULT_CONFIG.horizon, raw.report.frequency);
    const tableIssues = await time('data.clean', 'validateSales (table-level issues)', () => validateSales(raw.data, { horizon }));
    const issues = [...raw.report.issues.filter((issue) => !TABLE_KINDS.has(issue.kind)), ...tableIssues];
    const cleaned = await time('data.clean', 'cleanSales (default choices)', () => cleanSales(raw.data, { ...raw.report, issues }, DEFAULT_CONFIG.cleaning));

    const { seriesKeys, seriesKeyValues } = cleaned;
    const groupKey = seriesKeys.find((_, k) => new Set(seriesKeyValues.map((values) => values[k])).size > 1) ?? seriesKeys[0];
    await time(
      'explore.summary',
      'exploreSales',
      () => exploreSales(cleaned, { seed: DEFAULT_CONFIG.seed, ...(groupKey !== undefined ? { groupKey } : {}) }),
      'exploreSales',
    );
    await time('explore.charts', 'aggregateSalesOverTime (total)', () => aggregateSalesOverTime(cleaned, { by: 'total' }));
    return steps;
  } finally {
    await session.post('Profiler.disable');
    session.disconnect();
  }
}

/**
 * The top functions (at least 2 % of the step, five at most), named with file:line from the project root: by self
 * time, or, given `entry`, the functions that `entry` calls directly, by total time (their callees included).
 */
function hotFunctions(profile: Profiler.Profile, entry?: string): ImportStep['hot'] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i] is the time before sample i; charge each sample the interval up to the next one.
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0));
  const totalUs = (id: number): number => (selfUs.get(id) ?? 0) + (nodes.get(id)?.children ?? []).reduce((a, c) => a + totalUs(c), 0);
  const stepUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

  const picked: { node: Profiler.ProfileNode; us: number }[] = entry
    ? profile.nodes
        .filter((n) => n.callFrame.functionName === entry)
        .flatMap((n) => (n.children ?? []).map((c) => ({ node: nodes.get(c)!, us: totalUs(c) })))
    : profile.nodes.map((node) => ({ node, us: selfUs.get(node.id) ?? 0 }));
  const byFunction = new Map<string, { name: string; where: string; ms: number }>();
  for (const { node, us } of picked) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (us === 0 || functionName === '(idle)' || functionName === '(root)' || functionName === '(program)') continue;
    const file = url.startsWith('file:') ? relative(ROOT, fileURLToPath(url)) : url;
    // tsx's transpiled .ts files report line 1 for everything: name the file alone.
    const where = file === '' ? '' : file.endsWith('.ts') ? file : `${file.replace(/^node_modules\//, '')}:${lineNumber + 1}`;
    const key = `${functionName}@${where}`;
    const entryRow = byFunction.get(key) ?? { name: functionName || '(anonymous function)', where, ms: 0 };
    entryRow.ms += us / 1000;
    byFunction.set(key, entryRow);
  }
  return [...byFunction.values()].filter((f) => f.ms >= (stepUs / 1000) * 0.02).sort((a, b) => b.ms - a.ms).slice(0, 5);
}
