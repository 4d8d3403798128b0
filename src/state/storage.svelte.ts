/**
 * The Storage panel's state: what is stored (with sizes), how much room the browser gives, and the actions
 * on it (delete, export everything, import a backup). It also opens the database the other stages use.
 *
 *   open() ──► db (or an in-memory one + warning) ──► refresh(): lists + usage
 *              (rows checked as they are read: a damaged one is listed as such, first, and no stage gets it)
 *   remove / exportAll / importFile ──► notice or error text ──► refresh()
 *   a write commits, in this tab or another ──► refresh() + onChange listeners (the Runs and Registry lists)
 */
import { exportAll, importAll, type ImportMode } from '../adapters/backup';
import { downloadBlob } from '../adapters/download';
import { openForecastLabDb, readEach, type CommitListener, type DbDependencies, type ForecastLabDb } from '../adapters/db';
import { storageNotices } from '../lib/messages/storage';
import { backupFileName } from '../lib/storage/backup-file-name';
import { formatBytes } from '../lib/storage/format-bytes';
import type { TableName } from '../lib/storage/records';
import { StorageError, toStorageError } from '../lib/storage/storage-error';
import { listItems, summarizeRow, type StorageItem } from '../lib/storage/summarize-rows';

export type { ImportMode };

export interface StorageUsage {
  /** Bytes this site uses, as the browser estimates them; null when it does not say. */
  usedBytes: number | null;
  quotaBytes: number | null;
  /** Whether the browser promised to keep the data (navigator.storage.persisted); null when unknown. */
  persisted: boolean | null;
}

export interface StorageStateOptions {
  /** The IndexedDB database name (tests use a fresh one each). */
  name?: string;
  /** Another IndexedDB implementation (tests). */
  dependencies?: DbDependencies;
  /** navigator.storage by default; null for none. */
  storageManager?: StorageManager | null;
  /** Saves a file for the user; by default through a temporary download link. */
  download?: (blob: Blob, fileName: string) => void;
  now?: () => Date;
}

export class StorageState {
  datasets = $state.raw<StorageItem[]>([]);
  configs = $state.raw<StorageItem[]>([]);
  runs = $state.raw<StorageItem[]>([]);
  registries = $state.raw<StorageItem[]>([]);
  /** How many stored rows are damaged (listed first in their table, with the reason). */
  damaged = $state(0);
  usage = $state.raw<StorageUsage | null>(null);
  /** The last action's failure, for the alert region. */
  error = $state<string | null>(null);
  /** The last action's outcome, for the alert region. */
  notice = $state<string | null>(null);
  /** False while the app runs on an in-memory database: nothing survives a reload. */
  persistent = $state(true);
  ready = $state(false);
  busy = $state(false);
  private issue = $state.raw<StorageError | null>(null);
  private openWarning = $state.raw<StorageError | null>(null);
  /** A lasting problem (blocked upgrade, version change, in-memory mode): shown until it is over. */
  warning = $derived(this.issue?.message ?? this.openWarning?.message ?? null);

  private database: ForecastLabDb | null = null;
  private opening: Promise<ForecastLabDb> | null = null;
  private stopWatching: (() => void) | null = null;
  private readonly changeListeners = new Set<CommitListener>();
  private readonly options: StorageStateOptions;

  constructor(options: StorageStateOptions = {}) {
    this.options = options;
  }

  /** The open database; throws before open() has finished. */
  get db(): ForecastLabDb {
    if (!this.database) throw new Error('StorageState.open() has not finished');
    return this.database;
  }

  /** Open the database (marking cut-off runs 'interrupted'), then load the lists. Waits while an upgrade is blocked. */
  open(): Promise<ForecastLabDb> {
    this.opening ??= this.openOnce();
    return this.opening;
  }

  private async openOnce(): Promise<ForecastLabDb> {
    const opened = await openForecastLabDb({
      ...this.options.dependencies,
      name: this.options.name,
      now: this.options.now?.(),
      onIssue: (issue) => (this.issue = issue),
    });
    this.database = opened.db;
    this.stopWatching = opened.db.onCommit((tables) => {
      void this.refresh();
      for (const listener of this.changeListeners) listener(tables);
    });
    this.persistent = opened.persistent;
    this.openWarning = opened.warning;
    await this.refresh();
    const notices = [
      opened.interruptedRuns > 0 ? storageNotices.interrupted(opened.interruptedRuns) : null,
      this.damaged > 0 ? storageNotices.damaged(this.damaged) : null,
    ];
    if (notices.some((notice) => notice !== null)) this.notice = notices.filter((notice) => notice !== null).join(' ');
    this.ready = true;
    return opened.db;
  }

  /**
   * Be told which tables a write changed, once it commits in this tab or another (while the database is open), so a
   * list other tabs add to stays current. Listeners stay for the state's life, as the slices that add them do.
   */
  onChange(listener: CommitListener): void {
    this.changeListeners.add(listener);
  }

  /** Reload the lists and the usage figures. */
  async refresh(): Promise<void> {
    try {
      const db = this.db;
      // Each row summarised as it is read (its size counted while it is at hand), never the whole table at once.
      const items = <T extends TableName>(table: T) => readEach(db, table, (row) => summarizeRow(table, row));
      const [datasets, configs, runs, registries] = await Promise.all([items('datasets'), items('configs'), items('runs'), items('registries')]);
      this.datasets = listItems(datasets.kept, datasets.damaged);
      this.configs = listItems(configs.kept, configs.damaged);
      this.runs = listItems(runs.kept, runs.damaged);
      this.registries = listItems(registries.kept, registries.damaged);
      this.damaged = [datasets, configs, runs, registries].reduce((sum, read) => sum + read.damaged.length, 0);
    } catch (error) {
      this.fail(error);
    }
    this.usage = await this.readUsage();
  }

  async remove(item: Pick<StorageItem, 'table' | 'key' | 'name' | 'damage'>): Promise<void> {
    await this.act(async () => {
      await this.table(item.table).delete(item.damage?.storedKey ?? item.key);
      this.notice = storageNotices.deleted(item.name);
    });
  }

  /** Save everything to `forecast-lab-backup-YYYY-MM-DD.json`. */
  async exportAll(): Promise<void> {
    await this.act(async () => {
      const now = this.now();
      const { text, leftOut } = await exportAll(this.db, { now });
      const blob = new Blob([text], { type: 'application/json' });
      const fileName = backupFileName(now);
      this.download(blob, fileName);
      this.notice = storageNotices.exported(fileName, formatBytes(blob.size)) + (leftOut.length > 0 ? storageNotices.exportLeftOut(leftOut.length) : '');
    });
  }

  /** Import a backup file; a bad file changes nothing and its reason goes to `error`. */
  async importFile(file: File, mode: ImportMode): Promise<void> {
    await this.act(async () => {
      let text: string;
      try {
        text = await file.text();
      } catch {
        this.error = storageNotices.importUnreadable(file.name);
        return;
      }
      const result = await importAll(this.db, text, { mode });
      if (result.ok) this.notice = storageNotices.imported(result.counts, mode === 'replace');
      else this.error = storageNotices.importRejected(file.name, result.reason);
    });
  }

  /** Hand a file to the user (the `download` option, a download link by default). */
  download(blob: Blob, fileName: string): void {
    (this.options.download ?? downloadBlob)(blob, fileName);
  }

  /** Ask the browser not to clear this site's data under storage pressure. */
  async requestPersistence(): Promise<void> {
    const manager = this.storageManager();
    if (!manager?.persist) return;
    await this.act(async () => {
      const granted = await manager.persist();
      this.notice = granted ? storageNotices.persistGranted : storageNotices.persistDenied;
    });
  }

  dismiss(): void {
    this.error = null;
    this.notice = null;
  }

  /** Close the database (tests; the app keeps it open for the page's life). */
  close(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    this.database?.close();
    this.database = null;
    this.opening = null;
    this.ready = false;
  }

  private table(name: TableName) {
    return this.db.table<unknown, IDBValidKey>(name);
  }

  private async act(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      await action();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
    await this.refresh();
  }

  private fail(error: unknown): void {
    this.error = toStorageError(error).message;
  }

  private now(): Date {
     
    return this.options.now?.() ?? new Date();
  }

  private storageManager(): StorageManager | null {
    if (this.options.storageManager !== undefined) return this.options.storageManager;
    return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
  }

  private async readUsage(): Promise<StorageUsage | null> {
    const manager = this.storageManager();
    if (!manager) return null;
    try {
      const [estimate, persisted] = await Promise.all([
        manager.estimate ? manager.estimate() : Promise.resolve<StorageEstimate>({}),
        manager.persisted ? manager.persisted() : Promise.resolve(null),
      ]);
      return { usedBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null, persisted };
    } catch {
      return null;
    }
  }
}
