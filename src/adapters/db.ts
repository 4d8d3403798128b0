/**
 * Forecast Lab's browser database (IndexedDB through Dexie): datasets, saved configurations and training runs.
 *
 *   openForecastLabDb()
 *     1. open `forecast-lab` at the newest version, running migrations (v1 → v2 fills sizeBytes; v3 adds registries)
 *        ├─ another tab holds an older version ──► issue 'blocked' until it closes
 *        └─ open fails (private mode, no IndexedDB, newer data) ──► an in-memory database + a warning
 *     2. runs left 'running' by a reload ──► 'interrupted'
 *   later: another tab upgrades ──► this connection closes, issue 'version-change' (reload to go on saving)
 *          a write commits here or in another tab ──► onCommit listeners learn which tables changed
 *   reading: readRecords / readRecord check each row's shape (src/lib/storage/record-schemas.ts); a damaged row is
 *            quarantined: no stage gets it, the Storage list names it with what is wrong, and the user may delete it
 *
 * Row types live in src/lib/storage/records.ts; errors become StorageError (src/lib/storage/storage-error.ts).
 */
import Dexie, { type EntityTable, type IndexableType, type ObservabilitySet, type Transaction } from 'dexie';
import { estimateSize } from '../lib/storage/estimate-size';
import { checkRecord, sortRecords, type DamagedRow } from '../lib/storage/record-schemas';
import { TABLE_NAMES, type ConfigRecord, type DatasetRecord, type RegistryRecord, type RunRecord, type TableName, type TableRows } from '../lib/storage/records';
import { StorageError, toStorageError } from '../lib/storage/storage-error';

export const DB_NAME = 'forecast-lab';

/**
 * The schema history. Never edit a published version: add a new one (with an upgrade when rows must change).
 * The first key of each table is its primary key, the rest are indexes.
 */
export const SCHEMA_HISTORY = [
  { version: 1, stores: { datasets: 'hash, name, created', configs: 'id, name, created, updated' } },
  { version: 2, stores: { datasets: 'hash, name, created, sizeBytes', runs: 'id, created, dataHash, status' } },
  { version: 3, stores: { registries: 'dataHash, name, updated' } },
] as const;
export const DB_VERSION = 3;

/** A storage problem that is not the answer to a call: `null` means the last one is over. */
export type IssueListener = (issue: StorageError | null) => void;

export type CommitListener = (tables: ReadonlySet<TableName>) => void;

export interface DbDependencies {
  /** Another IndexedDB implementation (tests, the in-memory fallback); the browser's by default. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class ForecastLabDb extends Dexie {
  datasets!: EntityTable<DatasetRecord, 'hash'>;
  configs!: EntityTable<ConfigRecord, 'id'>;
  runs!: EntityTable<RunRecord, 'id'>;
  registries!: EntityTable<RegistryRecord, 'dataHash'>;

  // Plain (not #private) fields: Dexie hands a Proxy of the instance to some callbacks.
  private readonly issueListeners = new Set<IssueListener>();
  private currentIssue: StorageError | null = null;

  constructor(name: string = DB_NAME, dependencies: DbDependencies = {}) {
    super(name, withDefinedValues(dependencies));
    this.version(1).stores(SCHEMA_HISTORY[0].stores);
    this.version(2).stores(SCHEMA_HISTORY[1].stores).upgrade(fillDatasetSizes);
    this.version(3).stores(SCHEMA_HISTORY[2].stores);

    this.on('blocked', () => this.report(new StorageError('blocked')));
    // Runs before Dexie's own handler; returning false stops it from re-opening behind the user's back.
    this.on('versionchange', () => {
      this.close();
      this.report(new StorageError('version-change'));
      return false;
    });
    this.on('ready', () => {
      if (this.currentIssue?.kind === 'blocked') this.report(null);
    }, true);
  }

  /** The storage problem going on now (blocked, version change), if any. */
  get issue(): StorageError | null {
    return this.currentIssue;
  }

  /** Listen for storage problems; the current one, if any, is told at once. Returns the unsubscribe function. */
  onIssue(listener: IssueListener): () => void {
    this.issueListeners.add(listener);
    if (this.currentIssue) listener(this.currentIssue);
    return () => this.issueListeners.delete(listener);
  }

  /**
   * Listen for committed writes to this database, from this tab or any other: Dexie relays each commit between tabs
   * (BroadcastChannel) as the parts it touched, the signal its liveQuery() rests on, so no table is re-read to learn
   * of a change. Returns the unsubscribe function.
   */
  onCommit(listener: CommitListener): () => void {
    const prefix = `idb://${this.name}/`;
    const relay = (parts: ObservabilitySet) => {
      // Dexie sends `all` when a page comes back from the back/forward cache: anything may have changed meanwhile.
      const tables = new Set<TableName>(
        'all' in parts ? TABLE_NAMES : TABLE_NAMES.filter((table) => Object.keys(parts).some((part) => part.startsWith(`${prefix}${table}/`))),
      );
      if (tables.size > 0) listener(tables);
    };
    Dexie.on('storagemutated', relay);
    return () => Dexie.on.storagemutated.unsubscribe(relay);
  }

  private report(issue: StorageError | null): void {
    this.currentIssue = issue;
    for (const listener of this.issueListeners) listener(issue);
  }
}

function withDefinedValues(dependencies: DbDependencies): DbDependencies {
  return Object.fromEntries(Object.entries(dependencies).filter(([, value]) => value !== undefined));
}

/** v1 → v2: rows written before sizes were required get their size estimated. */
async function fillDatasetSizes(tx: Transaction): Promise<void> {
  await tx
    .table('datasets')
    .toCollection()
    .modify((row: Partial<DatasetRecord>) => {
      if (typeof row.sizeBytes !== 'number' || !Number.isFinite(row.sizeBytes)) row.sizeBytes = estimateSize(row);
    });
}

/**
 * The rows of `table` (those whose index `where.index` equals `where.equals`, when given) that match their shape, and
 * apart the damaged ones: every reader that hands rows to a stage goes through here or readRecord, never the tables.
 */
export async function readRecords<T extends TableName>(
  db: ForecastLabDb,
  table: T,
  where?: { index: string; equals: IndexableType },
): Promise<{ records: TableRows[T][]; damaged: DamagedRow[] }> {
  const { kept, damaged } = await readEach(db, table, (record) => record, where);
  return { records: kept, damaged };
}

/**
 * readRecords with each sound row turned into `keep(row)` as it is read. Row by row through a cursor, each read,
 * checked and kept in a task of its own: a run can hold a megabyte or more (metrics per window and series, weights,
 * forecasts), and reading every row at once (getAll), then checking and summarising them, made one task of the lot
 * on the page's thread: ~200 ms with eleven stored runs of the default example.
 */
export async function readEach<T extends TableName, R>(
  db: ForecastLabDb,
  table: T,
  keep: (record: TableRows[T]) => R,
  where?: { index: string; equals: IndexableType },
): Promise<{ kept: R[]; damaged: DamagedRow[] }> {
  const collection = where ? db.table(table).where(where.index).equals(where.equals) : db.table(table).toCollection();
  const read: { kept: R[]; damaged: DamagedRow[] } = { kept: [], damaged: [] };
  await collection.each((row: unknown) => {
    const { records, damaged } = sortRecords(table, [row]);
    for (const record of records) read.kept.push(keep(record));
    read.damaged.push(...damaged);
  });
  return read;
}

/** The record stored under `key`; undefined when there is none, or when the row is damaged (the Storage list names it). */
export async function readRecord<T extends TableName>(db: ForecastLabDb, table: T, key: IndexableType): Promise<TableRows[T] | undefined> {
  const row: unknown = await db.table(table).get(key);
  if (row === undefined) return undefined;
  const checked = checkRecord(table, row);
  return checked.ok ? checked.record : undefined;
}

/** The Web Locks name a training tab holds while run `runId` trains, so other tabs leave it 'running'. */
export function runLockName(dbName: string, runId: string): string {
  return `${dbName}:run:${runId}`;
}

/**
 * Runs still 'running' when the app opens were cut off by a reload or a closed tab: mark them 'interrupted'
 * (kept, never deleted). `isActive` spares runs another tab is still training. Returns how many were marked.
 */
export async function markInterruptedRuns(
  db: ForecastLabDb,
  options: { now?: Date; isActive?: (runId: string) => boolean } = {},
): Promise<number> {
  const updated = (options.now ?? new Date()).toISOString();
  const isActive = options.isActive ?? (() => false);
  return db.runs
    .where('status')
    .equals('running')
    .filter((run) => !isActive(run.id))
    .modify({ status: 'interrupted', updated });
}

/** Run ids whose training lock is held right now (by any tab), from the Web Locks API when there is one. */
async function activeRunIds(dbName: string): Promise<Set<string>> {
  const prefix = runLockName(dbName, '');
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return new Set();
  try {
    const { held = [] } = await locks.query();
    return new Set(held.flatMap((lock) => (lock.name?.startsWith(prefix) ? [lock.name.slice(prefix.length)] : [])));
  } catch {
    return new Set();
  }
}

export interface OpenOptions extends DbDependencies {
  name?: string;
  /** Told about 'blocked' while the open waits, and about later problems. */
  onIssue?: IssueListener;
  now?: Date;
}

export interface OpenedDb {
  db: ForecastLabDb;
  /** False when the browser's storage could not be used and `db` lives in memory only. */
  persistent: boolean;
  /** Why the app runs in memory (kind 'unavailable' or 'newer-version'), or a failure while marking runs. */
  warning: StorageError | null;
  /** How many runs were found cut off and marked 'interrupted'. */
  interruptedRuns: number;
}

/** Open the app's database; if the browser will not, fall back to one in memory so the app keeps working. */
export async function openForecastLabDb(options: OpenOptions = {}): Promise<OpenedDb> {
  const { name = DB_NAME, onIssue, now, ...dependencies } = options;
  const db = new ForecastLabDb(name, dependencies);
  if (onIssue) db.onIssue(onIssue);
  try {
    await db.open();
  } catch (error) {
    db.close();
    const cause = toStorageError(error);
    const warning = cause.kind === 'newer-version' ? cause : new StorageError('unavailable', { cause: error });
    return { db: await openInMemory(name, onIssue), persistent: false, warning, interruptedRuns: 0 };
  }
  try {
    const active = await activeRunIds(name);
    const interruptedRuns = await markInterruptedRuns(db, { now, isActive: (id) => active.has(id) });
    return { db, persistent: true, warning: null, interruptedRuns };
  } catch (error) {
    return { db, persistent: true, warning: toStorageError(error), interruptedRuns: 0 };
  }
}

/** A fresh database in memory (fake-indexeddb, loaded only when needed): same API, gone on reload. */
async function openInMemory(name: string, onIssue: IssueListener | undefined): Promise<ForecastLabDb> {
  const memory = await import('fake-indexeddb');
  const db = new ForecastLabDb(name, { indexedDB: new memory.IDBFactory(), IDBKeyRange: memory.IDBKeyRange });
  if (onIssue) db.onIssue(onIssue);
  await db.open();
  return db;
}
