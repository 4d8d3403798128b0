import { getContext, setContext } from 'svelte';
import { CELLS } from '../lib/notebook/cells';
import { downstreamOf, expensiveBlockers, markStale, planRun, stageStatus, type CellStatus, type CellStatuses } from '../lib/notebook/cell-graph';
import type { NotebookConfig } from '../lib/notebook/config';
import type { StageId } from '../lib/notebook/stages';
import { changedConfigInputs, decodeConfigHash, decodeLinkHash, encodeConfigHash } from '../lib/notebook/url-hash';
import { isShown, keepLockedSettings, type Lesson, type LockGroup } from '../lib/notebook/lesson';
import { cellNeedsFirst, unexpectedError } from '../lib/messages/notebook';

/**
 * What a cell does when it runs; provided by the stage slices, so this class stays the scheduler only. `all` is true
 * in a "Run all" pass. A runner that stopped without a result (Cancel; Run all's Deploy when the gates refuse a
 * champion) resolves 'cancelled': the cell is then "not run", and the pass ends there.
 */
export type CellRunners = Record<string, (config: NotebookConfig, context: { all: boolean }) => Promise<void | 'cancelled'>>;

/**
 * For expensive cells: show the stored result for this configuration, if there is one (true), instead of computing it.
 * A stored run of the same data and configuration is the Train cell's result; a stored champion is what Deploy serves.
 */
export type CellRestorers = Record<string, (config: NotebookConfig) => Promise<boolean>>;

/**
 * The notebook: its configuration (mirrored into the URL hash), each cell's status, and the scheduler that
 * re-runs cheap stale cells at once and leaves expensive ones for a click. One run at a time; a change that
 * arrives mid-run is picked up by the next pass, so results never come from an older configuration.
 */
export class NotebookState {
  config = $state.raw<NotebookConfig>(decodeConfigHash('').config);
  statuses = $state.raw<CellStatuses>({});
  cellErrors = $state.raw<Record<string, string>>({});
  /** Messages about the link the notebook was opened with (bad fields replaced by defaults). */
  linkProblems = $state.raw<string[]>([]);
  /** The instructor's lesson the link carries (locks, hidden stages, Deploy's start), or null. */
  lesson = $state.raw<Lesson | null>(null);
  /** The configuration the link said: what "Reset to the link" restores, and where locked settings stay. */
  link = $state.raw<NotebookConfig>(decodeConfigHash('').config);

  #runners: CellRunners = {};
  #restorers: CellRestorers = {};
  /** The last pass asked for; the next one starts after it. */
  #queue: Promise<void> = Promise.resolve();

  constructor(hash: string) {
    const parsed = decodeLinkHash(hash);
    this.config = parsed.config;
    this.link = parsed.config;
    this.lesson = parsed.lesson;
    this.linkProblems = parsed.problems;
  }

  setRunners(runners: CellRunners, restorers: CellRestorers = {}): void {
    this.#runners = runners;
    this.#restorers = restorers;
  }

  /** The share link's hash for the current configuration (the lesson goes with it: a shared lesson stays one). */
  get hash(): string {
    return encodeConfigHash(this.config, this.lesson);
  }

  isLocked(group: LockGroup): boolean {
    return this.lesson?.locked.includes(group) ?? false;
  }

  /** Whether a stage or cell is on the page (a lesson may hide it; it runs all the same). */
  isShown(id: string): boolean {
    return isShown(this.lesson, id);
  }

  /** Whether a setting differs from the link's (the stage in view and the playback speed do not count). */
  get changedFromLink(): boolean {
    return changedConfigInputs(this.link, this.config).some((input) => input !== 'config.stage');
  }

  stageStatus(stage: StageId): CellStatus {
    return stageStatus(CELLS, this.statuses, stage);
  }

  cellStatus(id: string): CellStatus {
    return this.statuses[id] ?? 'not-run';
  }

  /** Change part of the configuration: downstream cells go stale and cheap ones re-run. */
  update(patch: Partial<NotebookConfig>): void {
    // Locks hold here, whatever asked for the change, so no panel can get round them.
    const next = keepLockedSettings({ ...this.config, ...patch }, this.link, this.lesson?.locked ?? []);
    const changed = changedConfigInputs(this.config, next);
    this.config = next;
    if (changed.length === 0) return;
    this.statuses = markStale(CELLS, this.statuses, changed);
    void this.runStale();
  }

  /** Replace the whole configuration (a pasted link, an opened run). */
  replace(config: NotebookConfig, problems: string[] = []): void {
    this.linkProblems = problems;
    this.update(config);
  }

  /** A new link (pasted into the address bar): its settings, its lesson, and what a reset goes back to. */
  openLink(hash: string): void {
    const parsed = decodeLinkHash(hash);
    this.lesson = parsed.lesson;
    this.link = parsed.config;
    this.replace(parsed.config, parsed.problems);
  }

  /** "Reset to the link": every setting as the link said, the stage in view kept. */
  resetToLink(): void {
    this.replace({ ...this.link, stage: this.config.stage });
  }

  /** Run what is stale or not yet run, cheap cells only. */
  runStale(): Promise<void> {
    return this.#schedule({ includeExpensive: false });
  }

  /** "Run all": every cell, expensive ones included. */
  runAll(): Promise<void> {
    return this.#schedule({ includeExpensive: true });
  }

  /** Shift+Enter or a cell's Run button: the cell and whatever it needs. */
  runCell(id: string): Promise<void> {
    // An expensive cell upstream that has not run would block this one silently: say which, and run nothing.
    const blockers = expensiveBlockers(CELLS, this.statuses, id);
    if (blockers.length > 0) {
      this.#setError(id, cellNeedsFirst(blockers.map((cell) => cell.title)));
      return Promise.resolve();
    }
    this.statuses = { ...this.statuses, [id]: this.statuses[id] === 'fresh' ? 'stale' : (this.statuses[id] ?? 'not-run') };
    // Then whatever cheap cells read it (evaluation after training), as after any other change.
    return this.#schedule({ includeExpensive: false, target: id }).then(() => this.runStale());
  }

  /**
   * One pass at a time, in the order asked: a request that arrives mid-pass (a change, a click) queues a pass of its
   * own after the running one, which plans afresh from the statuses then. (Waiting callers that re-armed a shared
   * "run again" flag used to hand the next pass to each other forever: a change mid-pass hung the page.)
   */
  #schedule(options: { includeExpensive: boolean; target?: string }): Promise<void> {
    const pass = this.#queue.then(() => this.#pass(options));
    this.#queue = pass.catch(() => undefined);
    return pass;
  }

  async #pass(options: { includeExpensive: boolean; target?: string }): Promise<void> {
    const plan = planRun(CELLS, this.statuses, { ...options, restorable: new Set(Object.keys(this.#restorers)) });
    // Cells left waiting in this pass (an expensive one with nothing stored), and so everything that reads them.
    const waiting = new Set<string>();
    for (const id of plan) {
      const cell = CELLS.find((c) => c.id === id);
      const runner = this.#runners[id];
      if (!cell || !runner) continue;
      if (cell.inputs.some((input) => waiting.has(input))) {
        waiting.add(id);
        continue;
      }
      const config = this.config;
      if (cell.cost === 'expensive' && id !== options.target) {
        if (await this.#restore(id, config)) continue;
        if (!options.includeExpensive) {
          waiting.add(id);
          continue;
        }
      }
      this.#setStatus(id, 'running');
      // Marks let `npm run bench` (and the browser's performance panel) time each cell.
      performance.mark(`fl:${id}:start`);
      try {
        const outcome = await runner(config, { all: options.includeExpensive && options.target === undefined });
        performance.mark(`fl:${id}:end`);
        if (outcome === 'cancelled') {
          // Stopped by the user: nothing new exists. The stored result of this configuration, if any, is still the
          // cell's result; otherwise the cell has not run, and what reads it must not run on it.
          if (this.statuses[id] === 'running' && !(await this.#restore(id, config))) this.#setStatus(id, 'not-run');
          return;
        }
        // A configuration change during the run that reached this cell has marked it stale already: keep that.
        if (this.statuses[id] === 'running') this.#setStatus(id, 'fresh');
        this.#setError(id, null);
      } catch (error) {
        if (this.statuses[id] === 'running') this.#setStatus(id, 'error');
        this.#setError(id, error instanceof Error ? error.message : unexpectedError(String(error)));
        // Cells downstream would read a result that does not exist.
        return;
      }
      if (!this.#current(config)) return;
    }
  }

  /** The stored result of an expensive cell, when there is one for this configuration: the cell is fresh at once. */
  async #restore(id: string, config: NotebookConfig): Promise<boolean> {
    const restore = this.#restorers[id];
    if (!restore) return false;
    // A stored result that cannot be read is no result: the cell waits for its click, as if nothing were stored.
    const restored = await restore(config).catch(() => false);
    if (restored && this.#current(config)) {
      this.#setStatus(id, 'fresh');
      this.#setError(id, null);
      performance.mark(`fl:${id}:restored`);
    }
    return restored && this.#current(config);
  }

  /** The configuration a cell ran with is still the notebook's, as far as any cell reads it (scrolling changes the stage). */
  #current(config: NotebookConfig): boolean {
    return this.config === config || downstreamOf(CELLS, changedConfigInputs(config, this.config)).length === 0;
  }

  #setStatus(id: string, status: CellStatus): void {
    this.statuses = { ...this.statuses, [id]: status };
  }

  #setError(id: string, message: string | null): void {
    const next = { ...this.cellErrors };
    if (message === null) delete next[id];
    else next[id] = message;
    this.cellErrors = next;
  }
}

const CONTEXT = Symbol('notebook');

/**
 * The page's notebook, for the components that only ask what a lesson shows and locks (Cell, LockedSettings): every
 * panel would otherwise pass it down to each of them. A component outside a notebook (a component test) gets none.
 */
export function provideNotebook(notebook: NotebookState): void {
  setContext(CONTEXT, notebook);
}

export function notebookInContext(): NotebookState | undefined {
  return getContext<NotebookState | undefined>(CONTEXT);
}
