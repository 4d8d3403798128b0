import type * as v from 'valibot';
import { backupMessages } from '../messages/storage';

/**
 * A valibot issue as one sentence naming where it is: `runs[3].status: expected one of "running", "done", …, got
 * "finished"`, `metrics.models[0].name: expected string, got 42`, `name: missing`. `prefix` is put before the path
 * (a backup's row, say), so a nested check can name the whole way.
 */
export function formatIssue(issue: v.BaseIssue<unknown>, prefix = ''): string {
  const path = issuePath(issue, prefix);
  if (issue.kind === 'validation' || issue.type === 'custom') return backupMessages.issue(path, issue.message);
  if (issue.received === 'undefined' && issue.input === undefined) return backupMessages.missing(path);
  const expected = issue.expected ?? '';
  const received = issue.received === 'undefined' ? 'nothing' : shorten(issue.received);
  if (issue.type === 'picklist' || issue.type === 'variant' || expected.includes(' | ')) {
    return backupMessages.expectedOneOf(path, expected.replace(/^\((.*)\)$/, '$1').split(' | ').join(', '), received);
  }
  return backupMessages.expected(path, expected, received);
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function issuePath(issue: v.BaseIssue<unknown>, prefix: string): string {
  let path = prefix;
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`;
  }
  return path || backupMessages.wholeRecord;
}
