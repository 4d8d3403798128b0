/**
 * The runs table and the run comparison (Evaluate stage): every training run kept in IndexedDB, with its lineage.
 *
 *   refresh() ──► stored runs, newest first, weights left out ──► rows (summarizeRun) ──► filter + sort ──► visible
 *   toggle(id) (2–4 runs, the first is the reference) ──► comparison (compareRuns)
 *   open(id) ──► parseConfig(run's config) ──► the App restores the notebook    remove(id) ──► refresh()
 *
 * The training pipeline calls refresh() when a run ends; a write to the runs by any tab refreshes a loaded list too.
 * Runs cut off by a reload were marked 'interrupted' when the storage opened (markInterruptedRuns) and show as such;
 * a row that cannot be read, or fails its stored shape (readRecords), shows as 'unreadable' with what is wrong.
 */
import { runsLabels } from '../lib/messages/runs';
import { parseConfig, type ParsedConfig } from '../lib/notebook/parse-config';
import { compareRuns, MAX_COMPARED_RUNS, MIN_COMPARED_RUNS, type RunComparison } from '../lib/runs/compare-runs';
import { newestFirst, withoutArtifacts } from '../lib/runs/read-run';
import { DEFAULT_RUN_SORT, filterRuns, nextRunSort, NO_RUN_FILTER, runDatasets, sortRuns, type RunFilter, type RunSort, type RunSortKey } from '../lib/runs/run-table';
import { summarizeRun, type RunRow } from '../lib/runs/summarize-run';
import type { RunRecord } from '../lib/storage/records';
import { toStorageError } from '../lib/storage/storage-error';
import { readRecords } from '../adapters/db';
import type { StorageState } from './storage.svelte';

export { MAX_COMPARED_RUNS };

export class RunsState {
  /** Stored runs, newest first, without their artifacts. Rows may be malformed: read them through `rows`. */
  records = $state.raw<readonly RunRecord[]>([]);
  /** Per record, same order: why it failed its stored shape, or null. */
  damage = $state.raw<readonly (string | null)[]>([]);
  /** One per record, same order. */
  rows = $derived(this.records.map((record, i) => summarizeRun(record, { damage: this.damage[i] ?? null })));
  sort = $state.raw<RunSort>(DEFAULT_RUN_SORT);
  filter = $state.raw<RunFilter>(NO_RUN_FILTER);
  /** Run ids chosen for comparison, in the order chosen: the first is the reference. */
  selected = $state.raw<readonly string[]>([]);
  /** The rows the table shows: filtered, then sorted. */
  visible = $derived(sortRuns(filterRuns(this.rows, this.filter), this.sort));
  /** The datasets runs were trained on, for the dataset filter. */
  datasets = $derived(runDatasets(this.rows));
  selectionFull = $derived(this.selected.length >= MAX_COMPARED_RUNS);
  /** The selected runs side by side; null until two are selected. */
  comparison = $derived(this.compareSelected());
  loaded = $state(false);
  loading = $state(false);
  busy = $state(false);
  /** The last failure (loading, deleting, opening), for the alert region. */
  error = $state<string | null>(null);

  readonly #storage: StorageState;
  /** Bumped by each refresh, so a slow one never overwrites a newer one's result. */
  #generation = 0;

  constructor(storage: StorageState) {
    this.#storage = storage;
    // Only a list already asked for is kept current (runs written by another tab too); the panel loads it when shown.
    storage.onChange((tables) => {
      if (tables.has('runs') && (this.loaded || this.loading)) void this.refresh();
    });
  }

  /** Reload the runs from storage (after a run ends, or one was imported or deleted elsewhere). */
  async refresh(): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    try {
      const db = await this.#storage.open();
      const read = await readRecords(db, 'runs');
      const reasons = new Map<unknown, string>(read.damaged.map((damaged) => [damaged.row, damaged.reason]));
      const rows = newestFirst<unknown>([...read.records, ...read.damaged.map((damaged) => damaged.row)]);
      if (generation !== this.#generation) return;
      this.damage = rows.map((row) => reasons.get(row) ?? null);
      this.records = rows.map(withoutArtifacts) as RunRecord[];
      this.selected = this.selected.filter((id) => this.isComparable(id));
      this.error = null;
      this.loaded = true;
    } catch (error) {
      if (generation === this.#generation) this.error = toStorageError(error).message;
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  sortBy(key: RunSortKey): void {
    this.sort = nextRunSort(this.sort, key);
  }

  setFilter(change: Partial<RunFilter>): void {
    this.filter = { ...this.filter, ...change };
  }

  isSelected(id: string): boolean {
    return this.selected.includes(id);
  }

  /** Whether a run can join the comparison: it can be read, and there is room unless it is already in. */
  canSelect(id: string): boolean {
    return this.isSelected(id) || (!this.selectionFull && this.isComparable(id));
  }

  /** Add a run to the comparison, or take it out. */
  toggle(id: string): void {
    if (this.isSelected(id)) this.selected = this.selected.filter((s) => s !== id);
    else if (this.canSelect(id)) this.selected = [...this.selected, id];
  }

  /** Compare against this run: it moves to the front of the selection. */
  setReference(id: string): void {
    if (this.isSelected(id)) this.selected = [id, ...this.selected.filter((s) => s !== id)];
  }

  clearSelection(): void {
    this.selected = [];
  }

  /**
   * The run's configuration, validated field by field (a bad field falls back to its default and is listed in
   * `problems`), for `notebook.replace(config, problems)`. Null when the run is gone or cannot be read.
   */
  open(id: string): ParsedConfig | null {
    const index = this.indexOf(id);
    const row = this.rows[index];
    const record = this.records[index];
    if (row === undefined || record === undefined || row.problem !== null) {
      this.error = runsLabels.openFailed;
      return null;
    }
    this.error = null;
    return parseConfig(structuredClone(record.config));
  }

  /** Delete a run for good; the Storage panel's lists are refreshed too. */
  async remove(id: string): Promise<void> {
    const record = this.records[this.indexOf(id)] as { id?: unknown } | undefined;
    const key = typeof record?.id === 'string' || typeof record?.id === 'number' ? record.id : id;
    this.busy = true;
    try {
      const db = await this.#storage.open();
      await db.runs.delete(key as string);
      this.selected = this.selected.filter((s) => s !== id);
      this.error = null;
    } catch (error) {
      this.error = toStorageError(error).message;
    } finally {
      this.busy = false;
    }
    await Promise.all([this.refresh(), this.#storage.refresh()]);
  }

  dismiss(): void {
    this.error = null;
  }

  private indexOf(id: string): number {
    return this.rows.findIndex((row) => row.id === id);
  }

  private isComparable(id: string): boolean {
    const row: RunRow | undefined = this.rows[this.indexOf(id)];
    return row !== undefined && row.id !== '' && row.problem === null;
  }

  private compareSelected(): RunComparison | null {
    const records = this.selected.flatMap((id) => {
      const record = this.records[this.indexOf(id)];
      return record === undefined ? [] : [record];
    });
    return records.length >= MIN_COMPARED_RUNS ? compareRuns(records.slice(0, MAX_COMPARED_RUNS)) : null;
  }
}
