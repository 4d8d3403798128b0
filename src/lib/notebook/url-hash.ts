import type { NotebookConfig } from './config';
import { DEFAULT_CONFIG } from './config';
import { parseConfig, type ParsedConfig } from './parse-config';
import { configHashUnreadable } from '../messages/notebook';

/**
 * The URL hash is the notebook's configuration as JSON, percent-encoded: readable enough to inspect, and complete,
 * so a pasted link reproduces the notebook in a browser that has never seen it (defaults may change; links must not).
 */
export function encodeConfigHash(config: NotebookConfig): string {
  return '#' + encodeURIComponent(JSON.stringify(config));
}

/** An empty hash is the default notebook; anything unreadable falls back to defaults with a message. */
export function decodeConfigHash(hash: string): ParsedConfig {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.trim() === '') return { config: structuredClone(DEFAULT_CONFIG), problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(body));
  } catch {
    return { config: structuredClone(DEFAULT_CONFIG), problems: [configHashUnreadable()] };
  }
  return parseConfig(value);
}

/**
 * Which `config.<field>` inputs differ between two configurations (for marking cells stale). The playback speed is
 * left out: it changes how fast the simulated story is shown, not what happens in it.
 */
export function changedConfigInputs(before: NotebookConfig, after: NotebookConfig): string[] {
  const a = withoutPlayback(before);
  const b = withoutPlayback(after);
  return (Object.keys(b) as (keyof NotebookConfig)[]).filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field])).map((field) => `config.${field}`);
}

function withoutPlayback(config: NotebookConfig): NotebookConfig {
  return { ...config, ops: { ...config.ops, simulation: { ...config.ops.simulation, speed: 0 } } };
}
