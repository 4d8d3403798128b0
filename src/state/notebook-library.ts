import { readRecord } from '../adapters/db';
import type { DatasetRef, NotebookConfig } from '../lib/notebook/config';
import { parseConfig, type ParsedConfig } from '../lib/notebook/parse-config';
import { encodeConfigHash } from '../lib/notebook/url-hash';
import type { DatasetRecord, JsonObject } from '../lib/storage/records';
import { savedNotebookName } from '../lib/messages/notebook';
import type { StorageState } from './storage.svelte';

/**
 * Saved notebooks and stored datasets as things to open: the glue between the Storage panel's rows and the
 * notebook's configuration. A stored configuration is untrusted input (a backup may have come from anywhere),
 * so it is validated exactly like a link.
 */
export async function saveNotebook(storage: StorageState, config: NotebookConfig, datasetName: string): Promise<void> {
  const db = await storage.open();
  const now = new Date();
  const id = `${now.getTime().toString(36)}-${Math.round(performance.now() * 1000).toString(36)}`;
  const name = savedNotebookName(datasetName, now.toISOString().slice(0, 16).replace('T', ' '));
  await db.configs.put({ id, name, created: now.toISOString(), updated: now.toISOString(), config: structuredClone(config) as unknown as JsonObject });
  rememberLastSaved({ hash: encodeConfigHash(config), name });
  await storage.refresh();
}

/**
 * The notebook a bare address opens: the one saved last, as a person reopening a notebook app expects, rather than the
 * defaults. Kept as its link in localStorage because the first screen is drawn before IndexedDB opens; the link is
 * decoded and validated like any other, so a stale or tampered entry only costs a problem note.
 */
const LAST_SAVED = 'forecast-lab:last-saved-notebook';

export function lastSavedNotebook(): { hash: string; name: string } | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(LAST_SAVED) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { hash, name } = value as Record<string, unknown>;
    return typeof hash === 'string' && hash.startsWith('#') && typeof name === 'string' ? { hash, name } : null;
  } catch {
    return null;
  }
}

function rememberLastSaved(entry: { hash: string; name: string }): void {
  try {
    localStorage.setItem(LAST_SAVED, JSON.stringify(entry));
  } catch {
    // Storage turned off or full: the notebook is saved all the same; a bare address opens the defaults.
  }
}

/** Null when the notebook is gone or its record is damaged (the Storage list says what is wrong with it). */
export async function openSavedNotebook(storage: StorageState, id: string): Promise<ParsedConfig | null> {
  const record = await readRecord(await storage.open(), 'configs', id);
  return record ? parseConfig(record.config) : null;
}

export async function storedDatasetRef(storage: StorageState, hash: string): Promise<DatasetRef | null> {
  const record = await readRecord(await storage.open(), 'datasets', hash);
  return record ? datasetRefOf(record) : null;
}

function datasetRefOf(record: DatasetRecord): DatasetRef | null {
  const source = record.source;
  if (source.kind === 'imported') return { kind: 'imported', hash: record.hash, name: source.fileName };
  if (source.kind === 'builtin') {
    const parsed = parseConfig({ dataset: { kind: 'builtin', file: source.file } });
    return parsed.problems.length === 0 ? parsed.config.dataset : null;
  }
  const parsed = parseConfig({ dataset: { kind: 'example', ...source.options } });
  return parsed.problems.length === 0 ? parsed.config.dataset : null;
}
