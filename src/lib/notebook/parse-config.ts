import * as v from 'valibot';
import { CONFIG_FIELDS, DEFAULT_CONFIG, type NotebookConfig } from './config';
import { configFieldInvalid, configNotAnObject } from '../messages/notebook';

export interface ParsedConfig {
  config: NotebookConfig;
  /** Plain sentences, one per field that was invalid and replaced by its default. Empty when all was well. */
  problems: string[];
}

/**
 * Validates an untrusted value (a URL hash, a stored configuration) field by field: a bad field falls back to its
 * default and says so, the good ones are kept. A link that has been tampered with still opens a working notebook.
 */
export function parseConfig(input: unknown): ParsedConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { config: structuredClone(DEFAULT_CONFIG), problems: [configNotAnObject()] };
  }
  const record = input as Record<string, unknown>;
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const field of Object.keys(CONFIG_FIELDS) as (keyof NotebookConfig)[]) {
    const fallback = structuredClone(DEFAULT_CONFIG[field]);
    if (!(field in record)) {
      config[field] = fallback;
      continue;
    }
    const result = v.safeParse(CONFIG_FIELDS[field], record[field]);
    if (result.success) {
      config[field] = result.output;
    } else {
      config[field] = fallback;
      problems.push(configFieldInvalid(field, result.issues[0]?.message ?? 'invalid value'));
    }
  }
  return { config: config as unknown as NotebookConfig, problems };
}
