/**
 * `npm run bench`: Forecast Lab's performance figures, printed beside their targets. Nothing here passes or fails
 * (timings are never asserted in tests, see STYLE.md); the tables are for people to read and compare over time.
 *
 * 1. First-paint JS of dist/ (gzip), file by file, against 200 kB; CSS and the lazy chunks apart.
 * 2. The bench file: 1,000,000 rows from the app's own seeded generator, in test-output/bench/ (reused).
 * 3. Where an import's time goes: the data worker's steps re-run one by one in Node on that file.
 * 4. The built app in headless Chromium under `vite preview`, PASSES times in fresh contexts: the default example's
 *    first load, then the file set on the file input — times to data loaded, validated, summarised (≤ 5 s), long
 *    main-thread tasks (none over 200 ms), the data worker's heap.
 * 5. When a task went over 200 ms: one more pass with Chrome tracing, and what that task was made of.
 * 6. The feature pipeline on 1M rows in Node: fitFeatureState + applyFeatures (and the correlations drawn from it).
 * 7. ms per epoch per backend (webgl, wasm, cpu) in the built app's train worker in Chromium, on a fixed model and
 *    data (dense 64-32-1, 20k × 30, batch 256, mean of epochs 2–5), with ratios to the fastest; and what the
 *    app's own 'auto' probe picks.
 * 8. The default example trained through the UI (a click on Run): the longest main-thread task (none over 100 ms),
 *    and when one went over, a traced training (epochs capped to keep it short) and what that task was made of.
 * 8b. Training speed at scale: 82 series × 5 years daily (the app's generator, 41 stores × 2 products × 1,826 days,
 *    149,732 rows) trained with every default through the UI, click → trained, against the ~10 s a gradient-boosted
 *    global model takes in Python on a machine of this kind (issue 8's yardstick).
 * 9. Model quality on the shipped datasets (the default example and the three real files), default settings, trained
 *    through the UI: every model's and baseline's test-window WAPE and MASE from the Evaluate stage, the test WAPE
 *    as a ratio to seasonal naive's, the leaderboard's backtest figures and its quality-bar sentence, the backend.
 * 10. Drift detection per scenario, in Node on the tfjs cpu backend: one ridge champion of the default example served
 *    through the ops worker's own host in 20 seeded worlds per scenario (drift from the default onset, no retraining):
 *    runs alerting, periods from the onset to the first alert, its kind, false alarms before the onset; for control,
 *    runs with any alert and alerts per simulated year.
 * 11. The drift tests' speed in Node: columnDrift on 100,000 × 100,000 rows × 20 columns, then datasetDrift (best of 3).
 * 12. A simulated year in the built app (Chromium): train, register, deploy and Play a control year with a challenger
 *    every 7 periods auto-promoted through the gates, then one serving only: wall time, retrains and promotions, the
 *    Deploy stage's latency and throughput, predictions per second, the ratio of the two years.
 *
 * 13. Responsiveness, phase by phase: the longest main-thread task (none over 100 ms) of the default example's first
 *    load, the 1M-row import, the default training (section 8's) and a simulated year (section 12's, with weekly
 *    retraining) and a reload with 20 stored runs followed by a save, each with what the page was doing then (the cells
 *    running, the charts drawing); a phase over the target is run once more under tracing, and its longest task taken
 *    apart.
 *
 * Sections: `run.ts perf` runs 1–8 and the summary, `run.ts quality` runs 9, `run.ts ops` runs 10–12,
 * `run.ts responsive` runs 13, `run.ts training` runs 8 (its figures, no tracing) and 8b; no section named, all of them.
 * Options: --passes=N (default 2); --dist=<folder> measures that build instead of dist/ (built beforehand, e.g.
 * `npx vite build --outDir dist-x`, so a bench does not rebuild the dist/ others test against).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { measureFirstPaint, type AssetSize } from './first-paint';
import { ensureSalesCsv } from './ensure-sales-csv';
import { timeImportSteps, type ImportStep } from './time-import-steps';
import { startPreview, type PreviewServer } from './start-preview';
import { measureAppPass, traceAppPass, type PassResult, type WindowCulprits } from './measure-app-pass';
import type { LongTaskStats } from './page-probe';
import type { TaskCulprit } from './find-long-task-culprit';
import { nameFrames, type NamedFrame } from './name-frames';
import { formatTable, kb, mb, ms, ratio } from './format-table';
import { timeFeatures, type FeatureTimes } from './time-features';
import { timeBackends, type BackendTimes } from './time-backends';
import { measureTrainingPass, traceTrainingPass, type TrainingLongTasks, type TrainingPass } from './measure-training';
import { measureQuality, QUALITY_DATASETS, type QualityResult } from './measure-quality';
import { measureDetection, summarizeDetection, type DetectionResult } from './measure-detection';
import { timeDriftTests, type DriftTimes } from './time-drift-tests';
import { measureOpsYear, OPS_YEAR, type OpsYear } from './measure-ops';
import { measureSimulationPass, measureStoredRunsPass, phaseTasks, traceSimulationPass, type PhaseTasks } from './measure-responsiveness';
import { DEFAULT_CONFIG } from '../../src/lib/notebook/config';
import { defaultModelSpec, MODEL_KINDS } from '../../src/lib/models/default-model-specs';
import { DEFAULT_OPS } from '../../src/lib/ops/ops-config';
import { encodeConfigHash } from '../../src/lib/notebook/url-hash';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, /^--dist=(.+)$/.exec(process.argv.find((a) => a.startsWith('--dist=')) ?? '')?.[1] ?? 'dist');
const OUT = resolve(ROOT, 'test-output/bench');
const MAPS = resolve(OUT, `${basename(DIST)}-sourcemap`);
const CSV_OPTIONS = { seed: 42, stores: 50, products: 20, days: 1000 };
const TARGET = { firstPaintGzipBytes: 200_000, importToSummaryMs: 5000, longTaskMs: 100, trainingLongTaskMs: 100 };
/**
 * The traced training of section 8 is cut short: every model capped at 3 epochs and the test window alone (no fold).
 * Each epoch and window does the same work as in the measured training, so the same kinds of tasks show up.
 */
const TRACED = { epochs: 3, folds: 0, periods: 120 };
const PASSES = Math.max(1, Number(/^--passes=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--passes=')) ?? '')?.[1] ?? 2));
/** Section 8b's file: 82 series × 5 years daily from the app's generator, and issue 8's yardstick for it. */
const LARGE = {
  label: '82 series × 5 years daily (41 stores × 2 products × 1,826 days, 149,732 rows)',
  dataset: { kind: 'example' as const, seed: 42, stores: 41, products: 2, days: 1826 },
  referenceMs: 10_000,
};

/** Section 13's last phase: how many runs are stored when the page reloads (a day of work). */
const STORED_RUNS = 20;

const SECTIONS = ['perf', 'quality', 'ops', 'responsive', 'training'] as const;
type Section = (typeof SECTIONS)[number];
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = named.filter((a) => !(SECTIONS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`unknown section ${unknown.join(', ')}: name ${SECTIONS.join(' and/or ')}, or none for all`);
  process.exit(2);
}
const RUN = new Set<Section>(named.length === 0 ? SECTIONS : (named as Section[]));

const print = (text = '') => console.log(text);
const heading = (text: string) => print(`\n■ ${text}\n`);
const load = () => `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
const launchBrowser = () => chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'], headless: true });

await main();

async function main(): Promise<void> {
  const started = performance.now();
  const busy = loadavg()[0]! > cpus().length ? ' (busy: other processes inflate every timing below)' : '';
  print(`Forecast Lab bench, ${new Date().toISOString()}, ${load()}${busy}`);
  let server: PreviewServer | null = null;
  let tracedServer: PreviewServer | null = null;
  let browser: Browser | null = null;
  // The source-map build, made once when a traced pass needs it (section 5 or 8).
  let mapsDir: string | null | undefined;
  const sourceMaps = () => {
    if (mapsDir === undefined) {
      print(`Building again with --sourcemap into test-output/bench/${basename(MAPS)}, to name the minified frames…`);
      mapsDir = buildSourceMaps();
    }
    return mapsDir;
  };
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await tracedServer?.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

  try {
    if (RUN.has('perf')) {
      // 1.
      heading('1. First-paint JS (gzip, level 6): the entry script of dist/index.html and its static imports');
      const firstPaintGzip = printFirstPaint();

      // 2.
      heading('2. The bench file');
      const csv = ensureSalesCsv(OUT, CSV_OPTIONS);
      print(
        `${csv.rows.toLocaleString('en')} rows, ${mb(csv.bytes)}: generateSales(${JSON.stringify(CSV_OPTIONS)}) + salesToCsv, ` +
          (csv.generatedMs === null ? 'reused from an earlier run' : `written in ${ms(csv.generatedMs)}`) +
          `\n${csv.path}`,
      );

      // 3.
      heading('3. Where the import time goes: the data worker’s steps, run one by one in Node on the same file');
      printSteps(await timeImportSteps(csv.path));

      // 4.
      server = await startPreview({ root: ROOT, outDir: DIST });
      browser = await launchBrowser();
      heading(`4. The built app in headless Chromium ${browser.version()}, vite preview at ${server.url} (pid ${server.pid}), ${PASSES} passes`);
      const passes: PassResult[] = [];
      for (let i = 0; i < PASSES; i++) {
        print(`pass ${i + 1}…`);
        passes.push(await measureAppPass(browser, { url: server.url, csvPath: csv.path, log: print }));
      }
      printImport(passes);
      printLongTasks(passes);
      printFirstLoad(passes);
      printMemory(passes);

      // 5.
      heading('5. Long-task culprits');
      const over = (stats: LongTaskStats) => (stats.longest?.duration ?? 0) > TARGET.longTaskMs;
      const trace = {
        firstLoad: passes.some((p) => over(p.firstLoad.longTasks)),
        import: passes.some((p) => over(p.import.duringImport) || over(p.import.afterSummary)),
      };
      if (!trace.firstLoad && !trace.import) {
        print(`No main-thread task over ${TARGET.longTaskMs} ms in any pass: nothing to trace.`);
      } else {
        const where = [trace.firstLoad && 'first load', trace.import && 'import'].filter(Boolean).join(', ');
        print(`A task went over ${TARGET.longTaskMs} ms (${where}): one more pass, traced…`);
        // Traced on a build with source maps (same sources, built again now), served apart, so frames get their names.
        const maps = sourceMaps();
        tracedServer ??= maps === null ? null : await startPreview({ root: ROOT, outDir: maps });
        const culprits = await traceAppPass(browser, { url: (tracedServer ?? server).url, csvPath: csv.path, ...trace });
        const name = nameFrames(maps);
        printCulprits('First load (page open → settled)', culprits.firstLoad, name);
        printCulprits('During the import (file set → explore.summary fresh)', culprits.duringImport, name);
        printCulprits('After it (explore.summary fresh → charts redrawn, later cells, settled)', culprits.afterSummary, name);
      }

      // 6.
      heading('6. The feature pipeline on 1,000,000 rows: src/lib/features in Node, as the data worker runs it');
      const features = timeFeatures();
      printFeatures(features);

      // 7.
      heading(`7. The train worker: ms per epoch per backend, in headless Chromium ${browser.version()}`);
      const backends = await timeBackends(browser, { url: server.url, dist: DIST });
      printBackends(backends);

      // 8.
      heading(`8. Training the default example through the UI: long main-thread tasks from the click on Run (none over ${ms(TARGET.trainingLongTaskMs)})`);
      print('training (default settings: ridge, MLP and CNN, 30 epochs at most, 1 fold + the test window)…');
      const training = await measureTrainingPass(browser, { url: server.url });
      printTraining(training);
      if ((training.duringTraining.longest?.duration ?? 0) <= TARGET.trainingLongTaskMs && (training.afterTraining.longest?.duration ?? 0) <= TARGET.trainingLongTaskMs) {
        print(`\nNo main-thread task over ${ms(TARGET.trainingLongTaskMs)} from the click to the Evaluate stage drawn: nothing to trace.`);
      } else {
        print(`\nA task went over ${ms(TARGET.trainingLongTaskMs)}: one more training, traced, cut short (${TRACED.epochs} epochs per model, ${TRACED.folds} folds)…`);
        const maps = sourceMaps();
        tracedServer ??= maps === null ? null : await startPreview({ root: ROOT, outDir: maps });
        const culprits = await traceTrainingPass(browser, { url: (tracedServer ?? server).url, hash: shortTrainingHash(TRACED) });
        printCulprits('Training (click on Run → Evaluate drawn)', culprits, nameFrames(maps));
      }

      printSummary(firstPaintGzip, passes, { features, backends, training });
    }

    // 8 alone (perf runs it too).
    if (RUN.has('training') && !RUN.has('perf')) {
      server ??= await startPreview({ root: ROOT, outDir: DIST });
      browser ??= await launchBrowser();
      heading(`8. Training the default example through the UI: long main-thread tasks and the page's heap from the click on Run (Chromium ${browser.version()}, ${server.url})`);
      print('training (default settings: ridge, MLP and CNN, 30 epochs at most, 1 fold + the test window)…');
      printTraining(await measureTrainingPass(browser, { url: server.url }));
    }

    // 8b.
    if (RUN.has('training')) {
      server ??= await startPreview({ root: ROOT, outDir: DIST });
      browser ??= await launchBrowser();
      heading(`8b. Training at scale: ${LARGE.label}, every default, click on Run → trained (Chromium ${browser.version()}, ${server.url})`);
      for (let pass = 1; pass <= PASSES; pass++) {
        const large = await measureTrainingPass(browser, { url: server.url, hash: encodeConfigHash({ ...DEFAULT_CONFIG, dataset: LARGE.dataset }) });
        print(`pass ${pass}: trained in ${ms(large.trainedMs)}, ${ratio(large.trainedMs, LARGE.referenceMs)} of the ${ms(LARGE.referenceMs)} a gradient-boosted global model takes in Python here.`);
        if (pass === PASSES) printTraining(large);
      }
    }

    // 9.
    if (RUN.has('quality')) {
      server ??= await startPreview({ root: ROOT, outDir: DIST });
      browser ??= await launchBrowser();
      heading(`9. Model quality on the shipped datasets: default settings, trained through the UI, read from the Evaluate stage (Chromium ${browser.version()}, ${server.url})`);
      // `--dataset=us-retail` measures the datasets whose name starts so; all four by default.
      const only = /^--dataset=(.+)$/.exec(process.argv.find((a) => a.startsWith('--dataset=')) ?? '')?.[1];
      for (const dataset of QUALITY_DATASETS.filter((d) => !only || d.name.startsWith(only))) {
        print(`${dataset.name}: training (a click on Run on the Train stage)…`);
        try {
          printQuality(await measureQuality(browser, { url: server.url, dataset }));
        } catch (error) {
          print(`${dataset.name}: failed: ${String(error).slice(0, 600)}`);
        }
        print('');
      }
    }

    if (RUN.has('ops')) {
      // 10.
      heading('10. Drift detection per scenario: a ridge champion served in seeded worlds, in Node (tfjs cpu, the ops worker’s host)');
      printDetection(await measureDetection({ log: print }));

      // 11.
      heading('11. The drift tests at scale: src/lib/monitor in Node');
      printDriftTimes(timeDriftTests());

      // 12.
      server ??= await startPreview({ root: ROOT, outDir: DIST });
      browser ??= await launchBrowser();
      heading(`12. A simulated year in the built app: serving, and retraining every ${OPS_YEAR.retrainEvery} periods (Chromium ${browser.version()}, ${server.url})`);
      const years: OpsYear[] = [];
      for (const trigger of ['scheduled', 'manual'] as const) {
        print(`${trigger === 'scheduled' ? 'with weekly retraining' : 'serving only'}: train, register, Deploy, Play…`);
        try {
          years.push(await measureOpsYear(browser, { url: server.url, trigger }));
        } catch (error) {
          print(`  failed: ${String(error).slice(0, 600)}`);
        }
      }
      printOpsYears(years);
    }

    // 13.
    if (RUN.has('responsive')) {
      server ??= await startPreview({ root: ROOT, outDir: DIST });
      browser ??= await launchBrowser();
      heading(`13. Responsiveness: the longest main-thread task of each phase (none over ${ms(TARGET.trainingLongTaskMs)}), Chromium ${browser.version()}, ${server.url}`);
      const csv = ensureSalesCsv(OUT, CSV_OPTIONS);
      print('first load of the default example, then the import of the bench file…');
      const app = await measureAppPass(browser, { url: server.url, csvPath: csv.path });
      print('training the default example (default settings)…');
      const training = await measureTrainingPass(browser, { url: server.url });
      print(`a simulated year (${OPS_YEAR.periods} periods at ${OPS_YEAR.speed} a second, a retrain every ${OPS_YEAR.retrainEvery}), after a short training…`);
      const simulation = await measureSimulationPass(browser, { url: server.url });
      print(`a reload with ${STORED_RUNS} stored runs of the default example, then Save notebook…`);
      const stored = await measureStoredRunsPass(browser, { url: server.url, copies: STORED_RUNS - 1 });
      const rows = (CSV_OPTIONS.stores * CSV_OPTIONS.products * CSV_OPTIONS.days).toLocaleString('en');
      const phases: Phase[] = [
        { name: 'first load', window: 'page open → every chart drawn + 1 s', tasks: phaseTasks(app.timeline, { from: 0, to: app.import.fileSetAt }) },
        { name: 'import', window: `${rows}-row CSV set on the input → every chart drawn + 1 s`, tasks: phaseTasks(app.timeline, { from: app.import.fileSetAt, to: Infinity }) },
        { name: 'training', window: 'click on Run → Evaluate drawn + 1 s', tasks: phaseTasks(training.timeline, { from: training.clickAt, to: Infinity }) },
        { name: 'simulation', window: `click on Deploy's Run → Play → finished (${ms(simulation.playedMs)}) + 1 s`, tasks: simulation.tasks },
        { name: 'stored runs', window: `reload with ${stored.runs} runs of ${stored.runMb.toFixed(1)} MB stored → settled, Save notebook + 2 s`, tasks: stored.tasks },
      ];
      printPhases(phases);
      const over = new Set(phases.filter((p) => (p.tasks.longest?.duration ?? 0) > TARGET.trainingLongTaskMs).map((p) => p.name));
      if (over.size === 0) {
        print(`\nNo main-thread task over ${ms(TARGET.trainingLongTaskMs)} in any phase: nothing to trace.`);
      } else {
        print(`\nOver ${ms(TARGET.trainingLongTaskMs)}: ${[...over].join(', ')}. Each run once more under tracing (training and simulation cut short), its longest task taken apart:`);
        const maps = sourceMaps();
        tracedServer ??= maps === null ? null : await startPreview({ root: ROOT, outDir: maps });
        const url = (tracedServer ?? server).url;
        const name = nameFrames(maps);
        if (over.has('first load') || over.has('import')) {
          const culprits = await traceAppPass(browser, { url, csvPath: csv.path, firstLoad: over.has('first load'), import: over.has('import') });
          printCulprits('First load (page open → settled)', culprits.firstLoad, name);
          printCulprits('Import (file set → explore.summary fresh)', culprits.duringImport, name);
          printCulprits('Import (explore.summary fresh → settled)', culprits.afterSummary, name);
        }
        if (over.has('training')) printCulprits('Training (click on Run → Evaluate drawn)', await traceTrainingPass(browser, { url, hash: shortTrainingHash(TRACED) }), name);
        if (over.has('simulation')) printCulprits(`Simulation (${TRACED.periods} periods)`, await traceSimulationPass(browser, { url, periods: TRACED.periods }), name);
        if (over.has('stored runs')) print('Stored runs: not traced here (the page reads IndexedDB row by row: adapters/db.ts readEach).');
      }
    }
  } finally {
    await cleanUp();
  }
  print(`\nbench done in ${ms(performance.now() - started)} (after the build), ${load()}`);
}

/** Prints the table; returns the first-paint JS total, gzip bytes. */
function printFirstPaint(): number {
  const firstPaint = measureFirstPaint(DIST);
  const lazy = readdirSync(resolve(DIST, 'assets'))
    .filter((f) => f.endsWith('.js') && !firstPaint.files.some((p) => p.file === `assets/${f}`))
    .map((f) => {
      const content = readFileSync(resolve(DIST, 'assets', f));
      return { file: `assets/${f}`, bytes: content.length, gzipBytes: gzipSync(content, { level: 6 }).length };
    });
  const row = (f: AssetSize) => [f.file, kb(f.bytes), kb(f.gzipBytes), '', ''];
  print(
    formatTable(
      ['file', 'raw', 'gzip', 'target', 'of target'],
      [
        ...firstPaint.files.map(row),
        ['first-paint JS, total', '', kb(firstPaint.totalGzipBytes), `≤ ${kb(TARGET.firstPaintGzipBytes)}`, ratio(firstPaint.totalGzipBytes, TARGET.firstPaintGzipBytes)],
        ['CSS (linked from index.html; not in the JS budget)'],
        ...firstPaint.css.map(row),
        ['Later: dynamic import() chunks and workers (not at first paint)'],
        ...lazy.map(row),
      ],
    ),
  );
  return firstPaint.totalGzipBytes;
}

interface LaterFigures {
  features: FeatureTimes;
  backends: BackendTimes;
  training: TrainingPass;
}

function printSummary(firstPaintGzip: number, passes: PassResult[], later: LaterFigures): void {
  heading('Summary');
  const each = (pick: (p: PassResult) => number) => passes.map((p) => ms(pick(p))).join(' / ');
  const worst = (pick: (p: PassResult) => number) => Math.max(...passes.map(pick));
  const longest = (pick: (p: PassResult) => LongTaskStats) => (p: PassResult) => pick(p).longest?.duration ?? 0;
  const retained = passes[0]?.workerHeap?.importedRetained;
  print(
    formatTable(
      ['figure', `value (${passes.length === 1 ? 'one pass' : 'pass by pass'})`, 'target', 'worst / target'],
      [
        ['first-paint JS, gzip', kb(firstPaintGzip), `≤ ${kb(TARGET.firstPaintGzipBytes)}`, ratio(firstPaintGzip, TARGET.firstPaintGzipBytes)],
        ['1M-row import → Explore summary fresh', each((p) => p.import.summaryFresh), `≤ ${ms(TARGET.importToSummaryMs)}`, ratio(worst((p) => p.import.summaryFresh), TARGET.importToSummaryMs)],
        ['  of which the worker load (read, hash, parse, ingest)', each((p) => p.import.workerLoaded), '', ''],
        ['  of which explore.summary', each((p) => p.import.summaryFresh - p.import.cleanFresh), '', ''],
        ['longest main-thread task during the import', each(longest((p) => p.import.duringImport)), `≤ ${ms(TARGET.longTaskMs)}`, ratio(worst(longest((p) => p.import.duringImport)), TARGET.longTaskMs)],
        ['longest main-thread task after it (charts, later cells)', each(longest((p) => p.import.afterSummary)), `≤ ${ms(TARGET.longTaskMs)}`, ratio(worst(longest((p) => p.import.afterSummary)), TARGET.longTaskMs)],
        ['default example: page open → Explore summary fresh', each((p) => p.firstLoad.summaryFresh), '', ''],
        ['longest main-thread task of the first load', each(longest((p) => p.firstLoad.longTasks)), `≤ ${ms(TARGET.longTaskMs)}`, ratio(worst(longest((p) => p.firstLoad.longTasks)), TARGET.longTaskMs)],
        ['data worker after the import, after GC (heap + buffers)', retained ? `${mb(retained.usedSize)} + ${mb(retained.backingStorageSize)}` : '–', '', ''],
        ...laterSummaryRows(later),
      ],
    ),
  );
}

/** The app built again with source maps, for the traced pass; null when that build fails. */
function buildSourceMaps(): string | null {
  try {
    execFileSync(resolve(ROOT, 'node_modules/.bin/vite'), ['build', '--sourcemap', '--outDir', MAPS, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return MAPS;
  } catch (error) {
    print(`(the source-map build failed: tracing the measured build, frames stay minified: ${String(error).slice(0, 200)})`);
    return null;
  }
}

function printSteps(steps: ImportStep[]): void {
  const cells = [...new Set(steps.map((s) => s.cell))];
  const total = steps.reduce((a, s) => a + s.ms, 0);
  const rows: string[][] = [];
  for (const cell of cells) {
    const own = steps.filter((s) => s.cell === cell);
    const sum = (pick: (s: ImportStep) => number) => own.reduce((a, s) => a + pick(s), 0);
    rows.push([cell, ms(sum((s) => s.ms)), ms(sum((s) => s.cpuMs)), ratio(sum((s) => s.ms), total)]);
    for (const s of own) {
      rows.push([`  ${s.step}`, ms(s.ms), ms(s.cpuMs), ratio(s.ms, total)]);
      if (s.note) rows.push([`    ${s.note}`, '', '', '']);
      // The functions behind a step that matters (a tenth of the whole or more).
      if (s.ms >= total / 10) for (const f of s.hot) rows.push([`      ${s.hotBy === 'callees' ? '→' : '·'} ${f.name}  ${f.where}`, ms(f.ms), '', '']);
    }
  }
  rows.push(['all steps', ms(total), ms(steps.reduce((a, s) => a + s.cpuMs, 0)), '100 %']);
  print(formatTable(['cell / step / where the time goes (CPU profile, steps of 10 % or more)', 'wall', 'CPU', 'share'], rows));
  print('· a function\'s self time   → a function the step calls directly, with everything it calls   CPU = process user + system time');
}

function passColumns(passes: readonly unknown[]): string[] {
  return passes.map((_, i) => `pass ${i + 1}`);
}

function printImport(passes: PassResult[]): void {
  const rows = (CSV_OPTIONS.stores * CSV_OPTIONS.products * CSV_OPTIONS.days).toLocaleString('en');
  heading(`4a. Import of the ${rows}-row CSV: ms after the file was set on the input (performance marks, page clock)`);
  const row = (label: string, pick: (p: PassResult) => number, target?: number): string[] => {
    const values = passes.map(pick);
    const worst = Math.max(...values);
    return [label, ...values.map(ms), target === undefined ? '' : `≤ ${ms(target)}`, target === undefined ? '' : ratio(worst, target)];
  };
  print(
    formatTable(
      ['milestone', ...passColumns(passes), 'target', 'worst / target'],
      [
        row('worker has read, hashed, parsed and checked the file (fl:import:loaded)', (p) => p.import.workerLoaded),
        row('(a) data loaded: kept in IndexedDB, import done (fl:import:end)', (p) => p.import.stored),
        row('    data.load cell fresh', (p) => p.import.dataLoadFresh),
        row('(b) validation and cleaning done: data.clean fresh', (p) => p.import.cleanFresh),
        row('(c) Explore summary fresh: import + validation + summary', (p) => p.import.summaryFresh, TARGET.importToSummaryMs),
        row('    explore.charts fresh', (p) => p.import.chartsFresh),
        row('    settled: no cell running, every chart drawn', (p) => p.import.settled),
        row('Node wall clock: setInputFiles → summary fresh seen', (p) => p.import.wallToSummary),
        ['rows the app shows', ...passes.map((p) => p.import.rowsShown), '', ''],
      ],
    ),
  );
  print('\nStep times (each milestone minus the one before):');
  const step = (label: string, pick: (p: PassResult) => number) => [label, ...passes.map((p) => ms(pick(p)))];
  print(
    formatTable(
      ['step', ...passColumns(passes)],
      [
        step('worker load (read + hash + parse + ingest + report to the page)', (p) => p.import.workerLoaded),
        step('store the file in IndexedDB', (p) => p.import.stored - p.import.workerLoaded),
        step('data.load cell (finds the table already held)', (p) => p.import.dataLoadFresh - p.import.stored),
        step('data.clean cell', (p) => p.import.cleanFresh - p.import.dataLoadFresh),
        step('explore.summary cell', (p) => p.import.summaryFresh - p.import.cleanFresh),
        step('explore.charts cell', (p) => p.import.chartsFresh - p.import.summaryFresh),
        step('charts drawn (and any later cells) after explore.charts', (p) => p.import.settled - p.import.chartsFresh),
      ],
    ),
  );
}

function printLongTasks(passes: PassResult[]): void {
  heading('4b. Long main-thread tasks (Long Tasks API, observed from page open)');
  const rows: string[][] = [];
  const window = (label: string, pick: (p: PassResult) => LongTaskStats) => {
    rows.push([label]);
    const longest = passes.map((p) => pick(p).longest?.duration ?? 0);
    rows.push(['  longest', ...longest.map(ms), `≤ ${ms(TARGET.longTaskMs)}`, ratio(Math.max(...longest), TARGET.longTaskMs)]);
    rows.push(['  tasks over 50 ms', ...passes.map((p) => String(pick(p).count50)), '', '']);
    rows.push(['  tasks over 200 ms', ...passes.map((p) => String(pick(p).count200)), '0', '']);
  };
  window('during the import: file set → explore.summary fresh', (p) => p.import.duringImport);
  window('after it: charts redrawn and later cells, until settled + 1 s', (p) => p.import.afterSummary);
  window('first load of the default example: page open → settled + 1 s', (p) => p.firstLoad.longTasks);
  print(formatTable(['window', ...passColumns(passes), 'target', 'worst / target'], rows));
}

function printFirstLoad(passes: PassResult[]): void {
  heading('4c. First load of the default example (5 stores × 10 products × 1,096 days = 54,800 rows): ms after navigation start');
  const row = (label: string, pick: (p: PassResult) => number | null) => [label, ...passes.map((p) => ms(pick(p)))];
  print(
    formatTable(
      ['milestone', ...passColumns(passes)],
      [
        row('first contentful paint', (p) => p.firstLoad.firstContentfulPaint),
        row('data.load fresh (example generated and checked in the worker)', (p) => p.firstLoad.dataLoaded),
        row('explore.summary fresh', (p) => p.firstLoad.summaryFresh),
        row('settled: no cell running, every chart drawn', (p) => p.firstLoad.settled),
      ],
    ),
  );
}

function printMemory(passes: PassResult[]): void {
  heading('4d. Memory (CDP Runtime.getHeapUsage on the data worker; "after GC" = what stays)');
  const heaps = passes.map((p) => p.workerHeap);
  if (heaps.some((h) => h === null)) {
    print('The data worker could not be reached over CDP: no worker memory figures.');
    return;
  }
  const row = (label: string, pick: (h: NonNullable<PassResult['workerHeap']>) => number) => [label, ...heaps.map((h) => mb(pick(h!)))];
  print(
    formatTable(
      ['data worker', ...passColumns(passes)],
      [
        ['after the default example, as is'],
        row('  JS heap used', (h) => h.example.usedSize),
        row('  array buffers (typed-array columns)', (h) => h.example.backingStorageSize),
        ['after the default example, after GC'],
        row('  JS heap used', (h) => h.exampleRetained.usedSize),
        row('  array buffers', (h) => h.exampleRetained.backingStorageSize),
        ['after the 1M-row import, as is'],
        row('  JS heap used', (h) => h.imported.usedSize),
        row('  JS heap reserved', (h) => h.imported.totalSize),
        row('  array buffers', (h) => h.imported.backingStorageSize),
        ['after the 1M-row import, after GC'],
        row('  JS heap used', (h) => h.importedRetained.usedSize),
        row('  array buffers', (h) => h.importedRetained.backingStorageSize),
        ['page main thread'],
        ['  JS heap used at the end (performance.memory)', ...passes.map((p) => (p.pageHeapUsed === null ? '–' : mb(p.pageHeapUsed)))],
      ],
    ),
  );
}

type FrameNamer = (frame: TaskCulprit['self'][number]['frame']) => NamedFrame;

/** The longest task of a traced window; when that one mostly waited, also the task with the most work of its own. */
function printCulprits(window: string, culprits: WindowCulprits | null, name: FrameNamer): void {
  if (culprits === null) return;
  const { wall, cpu } = culprits;
  printCulprit(`${window}, traced: the longest main-thread task`, wall, name);
  if (wall !== null && cpu !== null && cpu.start !== wall.start && (wall.cpuMs ?? wall.duration) < wall.duration / 2) {
    printCulprit(`${window}, traced: the task with the most CPU time`, cpu, name);
  }
}

function printCulprit(title: string, culprit: TaskCulprit | null, name: FrameNamer): void {
  print('');
  if (culprit === null) {
    print(`${title}: none found (the marks or the CPU profile were missing from the trace).`);
    return;
  }
  const cpu = culprit.cpuMs === null ? '' : `, ${ms(culprit.cpuMs)} of it on the CPU`;
  print(`${title}: ${ms(culprit.duration)}${cpu}, starting at ${ms(culprit.start)} (page clock)${culprit.postedFrom ? `, posted by ${culprit.postedFrom}` : ''}`);
  if (culprit.duration <= 50) {
    print('  not a long task (50 ms or less): nothing to take apart.');
    return;
  }
  if (culprit.cpuMs !== null && culprit.cpuMs < culprit.duration / 2) {
    print('  Mostly waiting, not working: the main thread was off the CPU for most of this task (other threads or processes');
    print('  had the cores: the data worker, the GPU process, anything else running), so its length is not its own work.');
  }
  const rows: string[][] = [];
  if (culprit.native.length > 0) {
    rows.push(['browser work inside the task (trace events)']);
    for (const n of culprit.native) rows.push([`  ${n.kind}`, '', ms(n.ms)]);
  }
  const byModule = new Map<string, number>();
  for (const f of culprit.self) {
    const module = name(f.frame).module;
    byModule.set(module, (byModule.get(module) ?? 0) + f.ms);
  }
  rows.push([`CPU samples inside the task (${ms(culprit.sampledMs)}), self time by package or src/ folder`]);
  for (const [module, time] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 8)) rows.push([`  ${module}`, '', ms(time)]);
  rows.push(['functions by self time']);
  for (const f of culprit.self.slice(0, 8)) {
    const named = name(f.frame);
    rows.push([`  ${named.name}`, named.where, ms(f.ms)]);
  }
  if (culprit.total.length > 0) rows.push(['functions by total time (the call paths through the task)']);
  for (const f of culprit.total.slice(0, 12)) {
    const named = name(f.frame);
    rows.push([`  ${named.name}`, named.where, ms(f.ms)]);
  }
  print(formatTable(['what', 'where (original source, via source maps)', 'time'], rows));
}

function laterSummaryRows({ features, backends, training }: LaterFigures): string[][] {
  const step = (name: string) => features.steps.find((s) => s.step === name)?.ms ?? [];
  const pipeline = step('fitFeatureState').map((fit, i) => fit + (step('applyFeatures')[i] ?? 0));
  const fastest = fastestBackend(backends);
  const longest = Math.max(training.duringTraining.longest?.duration ?? 0, training.afterTraining.longest?.duration ?? 0);
  return [
    ['1M-row feature pipeline (fitFeatureState + applyFeatures)', pipeline.map(ms).join(' / '), '', ''],
    [
      'train worker ms/epoch (64-32-1, 20k × 30, batch 256)',
      backends.backends.map((b) => `${b.backend} ${b.meanMs === null ? 'failed' : ms(b.meanMs)}`).join(', '),
      fastest ? `fastest: ${fastest.backend}` : '',
      '',
    ],
    ['longest main-thread task while training the default example', ms(longest), `≤ ${ms(TARGET.trainingLongTaskMs)}`, ratio(longest, TARGET.trainingLongTaskMs)],
    ['page heap while training it, peak (JS heap + array buffers)', training.pageHeap ? `${mb(training.pageHeap.usedSize)} + ${mb(training.pageHeap.backingStorageSize)}` : '–', '', ''],
  ];
}

function printFeatures(times: FeatureTimes): void {
  print(
    `${times.rows.toLocaleString('en')} rows in ${times.series.toLocaleString('en')} series (20 stores × 50 products × 1,000 days, generated in ${ms(times.generateMs)}), ` +
      `default feature spec: ${times.matrixRows.toLocaleString('en')} × ${times.features} feature matrix, ${mb(times.matrixBytes)}\n`,
  );
  const rounds = times.steps[0]?.ms.length ?? 0;
  const round = (i: number) => `round ${i + 1}`;
  const rows = times.steps.map((s) => [s.step, ...s.ms.map((v, i) => `${ms(v)} (CPU ${ms(s.cpuMs[i] ?? null)})`)]);
  const sum = (names: string[]) => Array.from({ length: rounds }, (_, i) => times.steps.filter((s) => names.includes(s.step)).reduce((a, s) => a + (s.ms[i] ?? 0), 0));
  rows.push(['fitFeatureState + applyFeatures', ...sum(['fitFeatureState', 'applyFeatures']).map(ms)]);
  print(formatTable(['step (wall, CPU)', ...Array.from({ length: rounds }, (_, i) => round(i))], rows));
  print('Round 1 includes the JIT warming up; featureCorrelations is what the Features stage draws from the same matrix.');
}

function fastestBackend(times: BackendTimes) {
  return times.backends.filter((b) => b.meanMs !== null).sort((a, b) => a.meanMs! - b.meanMs!)[0] ?? null;
}

function printBackends(times: BackendTimes): void {
  const w = times.workload;
  print(
    `${times.workerChunk}, one fresh worker per backend, driven over its comlink protocol from a blank page; ` +
      `dense ${[...w.hidden, 1].join('-')} (MSE, Adam), ${w.rows.toLocaleString('en')} × ${w.features} training rows ` +
      `(+ ${w.validationRows.toLocaleString('en')} validation rows, scored every epoch), batch ${w.batchSize}, ${w.epochs} epochs, seeded data.\n`,
  );
  const fastest = fastestBackend(times);
  const rows = times.backends.map((b) =>
    b.meanMs === null
      ? [b.backend, `failed: ${b.error ?? 'no epochs'}`]
      : [b.backend, ms(b.meanMs), ms(b.epochMs[0] ?? null), b.epochMs.slice(1).map((v) => Math.round(v).toLocaleString('en')).join(' · '), ms(b.callMs), fastest ? `${(b.meanMs / fastest.meanMs!).toFixed(1)} ×` : ''],
  );
  print(formatTable(['backend', 'ms/epoch (mean of 2–5)', 'epoch 1', 'epochs 2–5, ms', 'whole train() call', 'vs fastest'], rows));
  print('Epoch 1 includes shader compilation (webgl) and warm-up; ../shared/TOOLING.md measured ~3,350 / ~360 / ~1,190 ms in a module worker.');
  if (times.probe) {
    const p = times.probe;
    const each = p.backends.map((b) => `${b.backend} ${b.msPerStep === null ? `unavailable (${b.reason ?? '?'})` : `${b.msPerStep.toFixed(1)} ms/step`}`).join(', ');
    const agrees = fastest && p.pick === fastest.backend ? 'the same as the fastest above' : `not the fastest above (${fastest?.backend ?? 'none'})`;
    print(`The app's 'auto' choice (probe(), ${p.rows} × ${p.features}, ${p.steps} steps): ${each} → picks ${p.pick ?? 'none'}, ${agrees}.`);
  } else {
    print(`The app's 'auto' probe failed: ${times.probeError ?? '?'}`);
  }
}

function printTraining(training: TrainingPass): void {
  print(
    `Trained on ${training.backend || '?'}: train.models fresh ${ms(training.trainedMs)} after the click, everything drawn (Evaluate included) at ${ms(training.settledMs)}.`,
  );
  print(formatTable(['model', 'epochs run per window (early stopping)', 'mean ms/epoch in the app'], training.models.map((m) => [m.model, m.epochs.join(' + '), ms(m.meanEpochMs)])));
  print('');
  const row = (label: string, stats: TrainingLongTasks) => [
    label,
    stats.longest ? ms(stats.longest.duration) : 'none over 50 ms',
    stats.longest ? `at ${ms(stats.longest.start)}` : '',
    String(stats.count50),
    String(stats.count100),
    `≤ ${ms(TARGET.trainingLongTaskMs)}`,
    ratio(stats.longest?.duration ?? 0, TARGET.trainingLongTaskMs),
  ];
  print(
    formatTable(
      ['window', 'longest task', 'when (after the click)', 'over 50 ms', 'over 100 ms', 'target', 'of target'],
      [row('click → train.models fresh (training, forecasts, live curves)', training.duringTraining), row('train.models fresh → Evaluate drawn + 1 s', training.afterTraining)],
    ),
  );
  if (training.top.length > 0) print(`Five longest tasks: ${training.top.map((t) => `${ms(t.duration)} at ${ms(t.start)}`).join(', ')}`);
  const heap = training.pageHeap;
  if (heap) {
    print('');
    print(
      formatTable(
        [`page main thread (CDP Runtime.getHeapUsage, ${heap.samples} samples, no GC forced)`, 'at the click', 'peak, click → Evaluate drawn'],
        [
          ['JS heap used', mb(heap.first.usedSize), mb(heap.usedSize)],
          ['array buffers (typed arrays: tables, matrices)', mb(heap.first.backingStorageSize), mb(heap.backingStorageSize)],
          ['both', mb(heap.first.usedSize + heap.first.backingStorageSize), mb(heap.total)],
        ],
      ),
    );
  }
}

interface Phase {
  name: string;
  window: string;
  tasks: PhaseTasks;
}

function printPhases(phases: Phase[]): void {
  const target = TARGET.trainingLongTaskMs;
  const during = ({ cells, charts }: PhaseTasks['during']) =>
    [cells.length > 0 ? `cells ${cells.join(', ')}` : '', charts.length > 0 ? `charts ${charts.map((c) => `“${c}”`).join(', ')}` : ''].filter(Boolean).join('; ') || '–';
  const rows = phases.map(({ name, window, tasks }) => [
    name,
    window,
    tasks.longest ? ms(tasks.longest.duration) : 'none over 50 ms',
    tasks.longest ? `+${ms(tasks.longest.start)}` : '',
    String(tasks.count50),
    String(tasks.count100),
    ratio(tasks.longest?.duration ?? 0, target),
    tasks.longest ? during(tasks.during) : '',
  ]);
  print(formatTable(['phase', 'window', 'longest task', 'when (in the window)', 'over 50 ms', `over ${ms(target)}`, `of ${ms(target)}`, 'under way then (app marks)'], rows));
}

/** The default configuration with every candidate's epochs capped and `folds` folds (same models, data and batches). */
function shortTrainingHash({ epochs, folds }: { epochs: number; folds: number }): string {
  const candidates = MODEL_KINDS.map(defaultModelSpec).map((c) => ({ ...c, epochs: Math.min(c.epochs, epochs) }));
  return encodeConfigHash({ ...DEFAULT_CONFIG, split: { ...DEFAULT_CONFIG.split, folds }, models: { ...DEFAULT_CONFIG.models, candidates } });
}

function printQuality(result: QualityResult): void {
  const { facts, horizon, folds } = result;
  print(
    `${result.dataset.name}: ${facts.rows} rows in ${facts.series} series, ${facts.frequency}; horizon ${horizon ?? '?'}, ${folds ?? '?'} ${folds === 1 ? 'fold' : 'folds'} + the test window; ` +
      `trained on ${result.backend || '?'} in ${ms(result.trainedMs)} (click on Run → train.models fresh; the train worker had warmed up in ${ms(result.warmUpMs)} as the Train stage came into view).`,
  );
  // From the unrounded test WAPEs stored with the run (the shown ones, one decimal, round from them: checked below).
  const reference = result.rows.find((r) => r.model === 'seasonal-naive')?.storedTestWape ?? null;
  const toReference = (wape: number | null) => (wape === null || reference === null || reference <= 0 ? '–' : (wape / reference).toFixed(2));
  // "31.2% lower" → 0.69: the backtest ratio the leaderboard's column states as a percentage.
  const asRatio = (shown: string) => {
    const match = /^([\d.]+)% (lower|higher)$/.exec(shown);
    return match ? ` (${(1 + (match[2] === 'lower' ? -1 : 1) * (Number(match[1]) / 100)).toFixed(2)})` : '';
  };
  const peer = result.dataset.peer;
  const toPeer = (wape: number | null) => (wape === null || !peer ? '–' : (wape / peer.wape).toFixed(2));
  const rows = result.rows.map((r) => [
    `${r.label}${r.best ? ' ★' : ''}${r.detail ? ` (${r.detail})` : ''}`,
    r.family,
    r.storedSelectionWape === null ? '–' : r.storedSelectionWape.toFixed(4),
    r.storedTestWape === null ? '–' : r.storedTestWape.toFixed(4),
    r.testMase,
    toReference(r.storedTestWape),
    toPeer(r.storedTestWape),
    r.model === 'seasonal-naive' ? 'reference' : `${r.vsReference}${asRatio(r.vsReference)}`,
    r.seconds.toFixed(1),
    r.family === 'neural' ? result.backend || '?' : '– (no tfjs)',
  ]);
  print(
    formatTable(
      ['model', 'kind', 'selection WAPE (folds)', 'test WAPE', 'test MASE', 'test WAPE ÷ seasonal naive', 'test WAPE ÷ best peer', 'selection vs seasonal naive', 'fit s (all windows)', 'backend'],
      rows,
    ),
  );
  const pick = result.rows.find((r) => r.best);
  if (pick && peer) {
    print(
      `Auto pick: ${pick.label}, test WAPE ${pick.storedTestWape === null ? '–' : pick.storedTestWape.toFixed(4)}; best peer ${peer.best} ${peer.wape.toFixed(4)} ` +
        `(../shared/reference/peer-accuracy.json, H = ${peer.horizon}): ratio ${toPeer(pick.storedTestWape)} (below 1 beats every peer).`,
    );
  }
  print(`★ best (the app's pick). Leaderboard caption: ${result.caption}`);
  print(`Quality bar (as shown): ${result.qualityBar}`);
  print(result.mismatches.length === 0 ? 'Shown test figures round from the stored run’s own values: they agree.' : `Shown ≠ stored: ${result.mismatches.join('; ')}`);
}

function printDetection(result: DetectionResult): void {
  const { champion } = result;
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
  const perRun = (periods: number) => {
    const runs = result.scenarios.filter((s) => s.periods === periods).flatMap((s) => s.runs);
    return ms(runs.reduce((sum, r) => sum + r.ms, 0) / Math.max(1, runs.length));
  };
  print(
    `Measured: ridge (${champion.spec.epochs} epochs at most, batch ${champion.spec.batchSize}; ${champion.epochsRun} run before early stopping), trained in Node on ` +
      `tfjs cpu on the default example (exampleSales(), ${champion.trainRows.toLocaleString('en')} training rows up to the test window's trainEnd, ` +
      `${champion.validationRows.toLocaleString('en')} validation rows up to its cutoff) in ${ms(champion.trainMs)}: test WAPE ${pct(champion.metrics.wape)}, ` +
      `seasonal naive ${pct(champion.metrics.baselineWape)}. Registered as champion (${champion.versionId}).`,
  );
  print(
    `Served with createTfHost: horizon ${result.horizon}, monitoring window ${result.window} days, default alert rules and gates, retraining off ` +
      `(trigger 'manual'); every scenario at its default strength with the drift from period ${result.onset} (defaultOnset('daily')); ` +
      `${result.seeds} worlds per scenario (seeds 1–${result.seeds}, the world's seed = the simulation's); worlds of ${result.driftPeriods} periods ` +
      `(${result.driftPeriods - result.onset} after the onset), control ${result.controlPeriods}.`,
  );
  if (result.shortened) print(`Drift worlds shortened to ${result.driftPeriods} periods: ${result.shortened}.`);
  print(
    `One simulation: ${ms(result.firstRunMs)} for the first (${result.scenarios.find((s) => s.scenario.kind !== 'none')?.scenario.id ?? '?'}, seed 1); ` +
      `mean ${perRun(result.driftPeriods)} per ${result.driftPeriods}-period world, ${perRun(result.controlPeriods)} per ${result.controlPeriods}-period control world; ` +
      `the whole section ${ms(result.totalMs)}.\n`,
  );
  const rows: string[][] = [];
  let control: string[][] = [];
  for (const scenario of [...result.scenarios, ...result.longer]) {
    const s = summarizeDetection(scenario);
    const longer = result.longer.includes(scenario) ? `, over ${scenario.periods} periods` : '';
    const out = `${s.runs}`;
    if (scenario.scenario.kind === 'none') {
      control = [[scenario.scenario.id, `${s.alerting} / ${out}`, s.alertsPerYear.toFixed(2), s.labels.map((l) => `${l.label} ${l.runs}`).join(', ') || 'none']];
      continue;
    }
    const [top, ...others] = s.firstAlerts;
    rows.push([
      `${scenario.scenario.id}${longer}${s.notApplied > 0 ? ` (${s.notApplied} runs without the drift)` : ''}`,
      scenario.scenario.kind,
      `${s.alerting} / ${out}`,
      s.delays ? `${s.delays.median} (${s.delays.min}–${s.delays.max})` : '–',
      top ? `${top.label} ${top.runs}` : '–',
      others.map((o) => `${o.label} ${o.runs}`).join(', ') || '–',
      s.falseAlarms.alerts === 0 ? '0' : `${s.falseAlarms.alerts} in ${s.falseAlarms.runs} runs`,
    ]);
  }
  print(
    formatTable(
      ['scenario', 'kind', 'runs alerting at/after onset', 'periods onset → first alert: median (min–max)', 'first alert, most common (runs)', 'other first alerts (runs)', 'false alarms before onset'],
      rows,
    ),
  );
  if (result.longer.length > 0) {
    print(`Scenarios some world did not catch within ${result.driftPeriods} periods ran again in worlds of ${result.controlPeriods} (", over ${result.controlPeriods} periods").`);
  }
  print(`\nControl (no drift, ${result.controlPeriods} periods):`);
  print(formatTable(['scenario', 'runs with any alert', 'alerts per simulated year (mean)', 'alerts raised (runs)'], control));
  print(
    'An alert counts from the period it is raised in; the first alert at or after the onset may have another cause than the drift. ' +
      '"(store segment)": a per-store bias alert; "(x)": about column x.',
  );
}

function printDriftTimes(times: DriftTimes): void {
  const best = Math.min(...times.roundMs);
  print(
    `columnDrift on ${times.referenceRows.toLocaleString('en')} reference × ${times.currentRows.toLocaleString('en')} current rows × ${times.columns} seeded columns, ` +
      `then datasetDrift; best of ${times.rounds} rounds (${times.roundMs.map((t) => Math.round(t).toLocaleString('en')).join(' / ')} ms).\n`,
  );
  const rows = times.groups.map((g) => [g.group, g.tests.join(', '), `${g.drifted} of ${g.columns}`, ms(g.ms), `${(g.ms / g.columns).toFixed(1)} ms`]);
  rows.push([`all ${times.columns} columns + datasetDrift`, '', `dataset drifted: ${times.datasetDrifted ? 'yes' : 'no'} (share ${times.datasetShare.toFixed(2)})`, ms(best), `${(best / times.columns).toFixed(1)} ms`]);
  print(formatTable(['columns', 'test (default choice)', 'drifted', 'ms', 'ms per column'], rows));
}

function printOpsYears(years: OpsYear[]): void {
  if (years.length === 0) return;
  const steps = OPS_YEAR.horizon + DEFAULT_OPS.simulation.delay;
  const floorMs = (OPS_YEAR.periods / OPS_YEAR.speed) * 1000;
  const figure = (year: OpsYear, label: string) => year.figures.find((f) => f.label.startsWith(label))?.value ?? '?';
  // "12.3 requests/s (365 requests)", as the Deploy stage shows it.
  const throughput = (year: OpsYear) => {
    const match = /^([\d.,]+) requests\/s \(([\d,]+) requests\)/.exec(figure(year, 'Throughput'));
    return match ? { perSecond: Number(match[1]!.replace(/,/g, '')), requests: Number(match[2]!.replace(/,/g, '')) } : null;
  };
  const series = (year: OpsYear) => Number(year.series.replace(/,/g, ''));
  print(
    `The default example, horizon ${OPS_YEAR.horizon}, the test window alone (0 folds), ${OPS_YEAR.model.kind} (${OPS_YEAR.model.epochs} epochs, batch ${OPS_YEAR.model.batchSize}) ` +
      `on ${OPS_YEAR.backend}; the control world, ${OPS_YEAR.periods} periods at ${OPS_YEAR.speed} periods/s (the clock alone takes ${ms(floorMs)}), ` +
      `batch serving with shadow routing, actuals ${DEFAULT_OPS.simulation.delay} period late. Each batch request forecasts every series ${steps} steps ahead ` +
      `(the ${DEFAULT_OPS.simulation.delay} period whose actuals have not arrived + the horizon of ${OPS_YEAR.horizon}), P10/P50/P90 per step, by ${steps} forward passes ` +
      `of one row per series; throughput is requests ÷ the time spent inside the champion's requests (shadow requests not counted).\n`,
  );
  const label = (year: OpsYear) => (year.trigger === 'scheduled' ? `retrain every ${OPS_YEAR.retrainEvery} (scheduled, auto-promote)` : 'serving only (manual)');
  const row = (name: string, pick: (year: OpsYear) => string) => [name, ...years.map(pick)];
  print(
    formatTable(
      ['', ...years.map(label)],
      [
        row('training (click on Run → train.models fresh)', (y) => ms(y.trainedMs)),
        row('simulated year: Play → "finished"', (y) => ms(y.playMs)),
        row('periods simulated', (y) => /Period (\d+ of \d+)/.exec(y.period)?.[1] ?? y.period),
        row('retrains / promotions / archived', (y) => `${y.events.retrain} / ${y.events.promote} / ${y.events.archive}`),
        row('champion at the end', (y) => y.champion),
        row('latency p50 / p95 / p99 (Deploy stage)', (y) => figure(y, 'Latency')),
        row('throughput (Deploy stage)', (y) => figure(y, 'Throughput')),
        row(`predictions per second (requests/s × series × ${steps} steps)`, (y) => {
          const t = throughput(y);
          return t ? Math.round(t.perSecond * series(y) * steps).toLocaleString('en') : '?';
        }),
        row('time inside the champion’s requests (requests ÷ throughput)', (y) => {
          const t = throughput(y);
          return t && t.perSecond > 0 ? ms((t.requests / t.perSecond) * 1000) : '?';
        }),
        row('errors / backend', (y) => `${figure(y, 'Errors')} / ${figure(y, 'Backend')}`),
      ],
    ),
  );
  const [retraining, serving] = [years.find((y) => y.trigger === 'scheduled'), years.find((y) => y.trigger === 'manual')];
  print('');
  if (retraining && retraining.events.retrain > 0) {
    print(
      `${retraining.events.retrain} retrains in ${OPS_YEAR.periods} periods, one every ~${(OPS_YEAR.periods / retraining.events.retrain).toFixed(1)}: shouldRetrain waits while a ` +
        `challenger is active, and one is judged only once ${DEFAULT_OPS.policy.shadowPeriods} periods of its shadow forecasts have their actuals.`,
    );
  }
  if (retraining && serving) {
    print(
      `A year with retraining takes ${(retraining.playMs / serving.playMs).toFixed(1)} × the serving-only year (${ms(retraining.playMs)} against ${ms(serving.playMs)}; ` +
        `${ms((retraining.playMs - serving.playMs) / Math.max(1, retraining.events.retrain))} more per retrain).`,
    );
  }
}
