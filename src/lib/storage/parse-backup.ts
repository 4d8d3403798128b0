/**
 * Read a backup file's text, trusting nothing: a bad file is rejected with one precise reason
 * ("runs[3].status: expected one of …") and nothing else happens.
 *
 *   1. JSON syntax   2. format tag   3. version   4. tagged values (to-json-safe.ts)
 *   5. every row (backup-format.ts, valibot)   6. rules across fields: content of imported files, base64, duplicate keys
 *
 * Whether dataset content matches its hash needs hashing (async): verifyBackup does that on the result.
 */
import * as v from 'valibot';
import { backupMessages } from '../messages/storage';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, type Backup } from './backup-format';
import { BASE64 } from './base64';
import { formatIssue } from './format-issue';
import { PRIMARY_KEYS } from './records';
import { JsonSafeError, fromJsonSafe } from './to-json-safe';

export type BackupResult = { ok: true; backup: Backup } | { ok: false; reason: string };

export function parseBackup(text: string): BackupResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return reject(backupMessages.notJson(error instanceof Error ? error.message : String(error)));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return reject(backupMessages.notObject);
  if (deeperThan(json, MAX_DEPTH)) return reject(backupMessages.tooDeep(MAX_DEPTH));
  const { format, version } = json as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) return reject(backupMessages.wrongFormat(describe(format)));
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return reject(backupMessages.badVersion(describe(version)));
  }
  if (version > BACKUP_VERSION) return reject(backupMessages.newerVersion(version, BACKUP_VERSION));

  let revived: unknown;
  try {
    revived = fromJsonSafe(json);
  } catch (error) {
    if (error instanceof JsonSafeError) return reject(backupMessages.issue(error.path, backupMessages.base64));
    throw error;
  }
  const result = v.safeParse(BackupSchema, revived);
  if (!result.success) {
    const [first, ...rest] = result.issues;
    return reject(formatIssue(first) + (rest.length > 0 ? backupMessages.moreProblems(rest.length) : ''));
  }
  // The rows as they are in the file: checking changes nothing (a parsed copy would reorder keys, and a backup must
  // round-trip exactly); only a file from before the registry existed gets its empty list.
  const checked = revived as Omit<Backup, 'registries'> & { registries?: Backup['registries'] };
  const backup: Backup = { ...checked, registries: checked.registries ?? [] };
  const problems = crossFieldProblems(backup);
  if (problems.length > 0) {
    return reject(problems[0] + (problems.length > 1 ? backupMessages.moreProblems(problems.length - 1) : ''));
  }
  return { ok: true, backup };
}

/**
 * A backup nests a few levels (rows, a run's metrics, a registry's versions and audit): far below this. Deeper JSON is
 * damage, and reading it recursively (tagged values, validation) would overflow the stack instead of saying so.
 */
const MAX_DEPTH = 64;

/** Whether any value sits more than `limit` objects or arrays deep; iterative, so a deep file cannot overflow it. */
function deeperThan(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

function reject(reason: string): BackupResult {
  return { ok: false, reason };
}

/** A value as it appears in the file, shortened: "missing" when absent. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function crossFieldProblems(backup: Backup): string[] {
  const problems: string[] = [];
  backup.datasets.forEach((dataset, index) => {
    const path = `datasets[${index}].content`;
    if (dataset.source.kind === 'imported' && dataset.content === null) problems.push(backupMessages.contentRequired(path));
    if (dataset.content?.encoding === 'base64' && !BASE64.test(dataset.content.data)) {
      problems.push(backupMessages.issue(`${path}.data`, backupMessages.base64));
    }
  });
  for (const table of ['datasets', 'configs', 'runs', 'registries'] as const) {
    const key = PRIMARY_KEYS[table];
    const first = new Map<string, number>();
    backup[table].forEach((row, index) => {
      const value = (row as unknown as Record<string, string>)[key] ?? '';
      const earlier = first.get(value);
      if (earlier === undefined) first.set(value, index);
      else problems.push(backupMessages.duplicateKey(`${table}[${index}].${key}`, `${table}[${earlier}]`));
    });
  }
  return problems;
}
