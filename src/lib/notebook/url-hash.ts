import * as v from 'valibot';
import type { NotebookConfig } from './config';
import { DEFAULT_CONFIG } from './config';
import { parseConfig, type ParsedConfig } from './parse-config';
import { LessonSchema, type Lesson } from './lesson';
import { configHashUnreadable } from '../messages/notebook';
import { lessonUnreadable } from '../messages/instructor';

/**
 * The URL hash is the notebook's configuration as JSON, percent-encoded: readable enough to inspect, and complete,
 * so a pasted link reproduces the notebook in a browser that has never seen it (defaults may change; links must not).
 */
export function encodeConfigHash(config: NotebookConfig, lesson: Lesson | null = null): string {
  return '#' + encodeURIComponent(JSON.stringify(lesson ? { ...config, lesson } : config));
}

/** An empty hash is the default notebook; anything unreadable falls back to defaults with a message. */
export function decodeConfigHash(hash: string): ParsedConfig {
  const { config, problems } = decodeLinkHash(hash);
  return { config, problems };
}

export interface ParsedLink extends ParsedConfig {
  /** An instructor's lesson (see lesson.ts); null for a plain link, or one whose lesson could not be read. */
  lesson: Lesson | null;
}

/** The whole link: the notebook and, beside it, the lesson. A damaged lesson is dropped with a message; the notebook stays. */
export function decodeLinkHash(hash: string): ParsedLink {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.trim() === '') return { config: structuredClone(DEFAULT_CONFIG), problems: [], lesson: null };
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(body));
  } catch {
    return { config: structuredClone(DEFAULT_CONFIG), problems: [configHashUnreadable()], lesson: null };
  }
  const parsed = parseConfig(value);
  const raw = typeof value === 'object' && value !== null && 'lesson' in value ? value.lesson : undefined;
  if (raw === undefined || raw === null) return { ...parsed, lesson: null };
  const lesson = v.safeParse(LessonSchema, raw);
  if (lesson.success) return { ...parsed, lesson: lesson.output };
  return { ...parsed, lesson: null, problems: [...parsed.problems, lessonUnreadable(lesson.issues[0]?.message ?? 'invalid value')] };
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
