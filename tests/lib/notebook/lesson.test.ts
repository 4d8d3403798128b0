import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { DEFAULT_CONFIG, type NotebookConfig } from '../../../src/lib/notebook/config';
import { EMPTY_LESSON, LOCK_GROUPS, LessonSchema, isShown, keepLockedSettings, lessonOrNull, lockedOnStage, type Lesson } from '../../../src/lib/notebook/lesson';
import { decodeConfigHash, decodeLinkHash, encodeConfigHash } from '../../../src/lib/notebook/url-hash';
import { STAGES } from '../../../src/lib/notebook/stages';

const lesson: Lesson = { locked: ['horizon', 'models', 'ops.scenario'], hidden: ['monitor', 'retrain', 'explore.summary'], deployStartPeriod: 30, presenter: true };

const link: NotebookConfig = {
  ...DEFAULT_CONFIG,
  seed: 7,
  horizon: 14,
  models: { ...DEFAULT_CONFIG.models, classical: ['theta'], backend: 'cpu' },
  ops: { ...DEFAULT_CONFIG.ops, scenario: { ...DEFAULT_CONFIG.ops.scenario, id: 'gradual-growth', onset: 20 } },
};

const parses = (value: unknown) => v.safeParse(LessonSchema, value).success;

describe('LessonSchema', () => {
  it('reads a lesson, and the empty one', () => {
    expect(parses(lesson)).toBe(true);
    expect(parses(EMPTY_LESSON)).toBe(true);
  });
  it('refuses unknown groups, stages and cells, duplicates and extra keys', () => {
    expect(parses({ ...lesson, locked: ['seed'] })).toBe(false);
    expect(parses({ ...lesson, locked: ['models', 'models'] })).toBe(false);
    expect(parses({ ...lesson, hidden: ['settings'] })).toBe(false);
    expect(parses({ ...lesson, hidden: ['monitor', 'monitor'] })).toBe(false);
    expect(parses({ ...lesson, extra: 1 })).toBe(false);
    expect(parses({ locked: [], hidden: [] })).toBe(false);
  });
  it('bounds the Deploy start period to whole periods the simulation can reach', () => {
    expect(parses({ ...lesson, deployStartPeriod: null })).toBe(true);
    expect(parses({ ...lesson, deployStartPeriod: 3660 })).toBe(true);
    expect(parses({ ...lesson, deployStartPeriod: 0 })).toBe(false);
    expect(parses({ ...lesson, deployStartPeriod: 3661 })).toBe(false);
    expect(parses({ ...lesson, deployStartPeriod: 2.5 })).toBe(false);
  });
  it('refuses a lesson that hides every stage (it would open an empty page)', () => {
    expect(parses({ ...lesson, hidden: STAGES.map((stage) => stage.id) })).toBe(false);
    expect(parses({ ...lesson, hidden: STAGES.slice(1).map((stage) => stage.id) })).toBe(true);
  });
});

describe('encodeConfigHash(config, lesson) / decodeLinkHash(hash)', () => {
  it('round-trips the notebook and its lesson', () => {
    expect(decodeLinkHash(encodeConfigHash(link, lesson))).toEqual({ config: link, problems: [], lesson });
  });
  it('reads a link made before lessons existed as a plain link, and writes a plain link without one', () => {
    const old = encodeConfigHash(link);
    expect(old).not.toContain('lesson');
    expect(decodeLinkHash(old)).toEqual({ config: link, problems: [], lesson: null });
    expect(decodeLinkHash('')).toEqual({ config: DEFAULT_CONFIG, problems: [], lesson: null });
  });
  it('keeps the notebook of a link whose lesson is damaged, and says the lesson was dropped', () => {
    const hash = '#' + encodeURIComponent(JSON.stringify({ ...link, lesson: { ...lesson, locked: ['everything'] } }));
    const parsed = decodeLinkHash(hash);
    expect(parsed.config).toEqual(link);
    expect(parsed.lesson).toBeNull();
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toContain('lesson');
  });
  it('leaves decodeConfigHash as it was: the notebook alone', () => {
    expect(decodeConfigHash(encodeConfigHash(link, lesson))).toEqual({ config: link, problems: [] });
  });
});

describe('keepLockedSettings(next, link, locked)', () => {
  const changed: NotebookConfig = {
    ...link,
    seed: 99,
    horizon: 28,
    split: { ...link.split, folds: 4 },
    models: { ...link.models, backend: 'wasm' },
    ops: { ...link.ops, scenario: { ...link.ops.scenario, id: 'control', onset: 0 }, rules: { ...link.ops.rules, cooldown: 3 } },
  };

  it('puts each locked group back to the link’s value and keeps every other change', () => {
    const kept = keepLockedSettings(changed, link, ['horizon', 'models', 'ops.scenario']);
    expect(kept.horizon).toBe(14);
    expect(kept.models).toEqual(link.models);
    // The seed is set beside the models on the Train stage and locks with them.
    expect(kept.seed).toBe(7);
    expect(kept.ops.scenario).toEqual(link.ops.scenario);
    expect(kept.split.folds).toBe(4);
    expect(kept.ops.rules.cooldown).toBe(3);
  });
  it('changes nothing without locks', () => {
    expect(keepLockedSettings(changed, link, [])).toBe(changed);
  });
  it('holds every group when all are locked: the configuration is the link’s but for the stage in view', () => {
    const all = LOCK_GROUPS.map((group) => group.id);
    expect(keepLockedSettings({ ...changed, explore: { by: 'key', key: 'store', series: null }, stage: 'deploy' }, link, all)).toEqual({
      ...link,
      explore: { by: 'key', key: 'store', series: null },
      stage: 'deploy',
    });
  });
});

describe('lockedOnStage(lesson, stage) / isShown(lesson, id) / lessonOrNull(lesson)', () => {
  it('names the locked groups a stage edits', () => {
    expect(lockedOnStage(lesson, 'scope')).toEqual(['horizon']);
    expect(lockedOnStage(lesson, 'train')).toEqual(['models']);
    expect(lockedOnStage(lesson, 'data')).toEqual([]);
    expect(lockedOnStage(null, 'train')).toEqual([]);
  });
  it('hides the stages and cells listed, and the cells of a hidden stage', () => {
    expect(isShown(lesson, 'monitor')).toBe(false);
    expect(isShown(lesson, 'monitor.report')).toBe(false);
    expect(isShown(lesson, 'explore.summary')).toBe(false);
    expect(isShown(lesson, 'explore')).toBe(true);
    expect(isShown(lesson, 'explore.charts')).toBe(true);
    expect(isShown(null, 'monitor')).toBe(true);
  });
  it('makes a lesson that changes nothing no lesson', () => {
    expect(lessonOrNull(EMPTY_LESSON)).toBeNull();
    expect(lessonOrNull({ ...EMPTY_LESSON, presenter: true })).toEqual({ ...EMPTY_LESSON, presenter: true });
  });
});
