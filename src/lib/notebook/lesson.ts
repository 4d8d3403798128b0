import * as v from 'valibot';
import type { NotebookConfig } from './config';
import { CELLS } from './cells';
import { STAGES, type StageId } from './stages';
import { limitSchema, wholeIn } from './setting-limit';
import { SIMULATION_LIMITS } from '../serving/simulation-config';

/**
 * A lesson: what an instructor's link fixes on top of the notebook it carries. It travels in the link beside the
 * configuration (`lesson` in the hash's JSON), not inside it: runs and saved notebooks keep the modelling settings
 * only, and an older app opening a lesson link simply ignores the lesson.
 *
 *   link ──► config + lesson ──► NotebookState.update keeps each locked group at the link's value
 *                             ──► the rail and the page leave hidden stages and cells out (they still run)
 *                             ──► Deploy's clock starts paused at deployStartPeriod
 *
 * A teaching aid, not a security boundary: whoever edits the link's text can drop the lesson.
 */
export interface Lesson {
  /** Setting groups shown read-only and kept at the link's values. */
  locked: LockGroup[];
  /** Stages and cells left out of the page (a hidden cell still runs when a shown one needs it). */
  hidden: string[];
  /** The simulated deployment runs this many periods, then waits for Play; null starts at period 0. */
  deployStartPeriod: number | null;
  /** Whether the page opens in presenter mode (the reader can switch it off; it is not a lock). */
  presenter: boolean;
}

/**
 * What can be locked: the configuration's sections, each edited on one stage. Deploy, Monitor and Retrain share
 * `config.ops`, so its four parts lock on their own.
 */
export const LOCK_GROUPS = [
  { id: 'scope', stage: 'scope' },
  { id: 'horizon', stage: 'scope' },
  { id: 'dataset', stage: 'data' },
  { id: 'cleaning', stage: 'data' },
  { id: 'features', stage: 'features' },
  { id: 'split', stage: 'features' },
  { id: 'models', stage: 'train' },
  { id: 'ops.scenario', stage: 'deploy' },
  { id: 'ops.simulation', stage: 'deploy' },
  { id: 'ops.rules', stage: 'monitor' },
  { id: 'ops.policy', stage: 'retrain' },
] as const satisfies readonly { id: string; stage: StageId }[];

export type LockGroup = (typeof LOCK_GROUPS)[number]['id'];

type ConfigField = Exclude<keyof NotebookConfig, 'ops'>;
type OpsPart = keyof NotebookConfig['ops'];

/** The configuration fields each group holds: the seed is a training setting, set beside the models. */
const LOCKED_FIELDS: Record<LockGroup, { config?: ConfigField[]; ops?: OpsPart }> = {
  scope: { config: ['scope'] },
  horizon: { config: ['horizon'] },
  dataset: { config: ['dataset', 'mapping'] },
  cleaning: { config: ['cleaning'] },
  features: { config: ['features'] },
  split: { config: ['split'] },
  models: { config: ['models', 'seed'] },
  'ops.scenario': { ops: 'scenario' },
  'ops.simulation': { ops: 'simulation' },
  'ops.rules': { ops: 'rules' },
  'ops.policy': { ops: 'policy' },
};

export const DEPLOY_START_LIMIT = wholeIn(1, SIMULATION_LIMITS.periods.max);

const STAGE_IDS = STAGES.map((stage) => stage.id);
const HIDEABLE = [...STAGE_IDS, ...CELLS.map((cell) => cell.id)];
const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;

export const LessonSchema = v.strictObject({
  locked: v.pipe(v.array(v.picklist(LOCK_GROUPS.map((group) => group.id))), v.maxLength(LOCK_GROUPS.length), v.check(unique, 'a group is listed twice')),
  hidden: v.pipe(
    v.array(v.picklist(HIDEABLE)),
    v.maxLength(HIDEABLE.length),
    v.check(unique, 'a stage or cell is listed twice'),
    // A lesson shows something: a link that hides every stage would open an empty page.
    v.check((hidden) => STAGE_IDS.some((id) => !hidden.includes(id)), 'every stage is hidden'),
  ),
  deployStartPeriod: v.nullable(limitSchema(DEPLOY_START_LIMIT)),
  presenter: v.boolean(),
});

export const EMPTY_LESSON: Lesson = { locked: [], hidden: [], deployStartPeriod: null, presenter: false };

/** A lesson that changes nothing is no lesson: the link stays a plain notebook link. */
export function lessonOrNull(lesson: Lesson): Lesson | null {
  const empty = lesson.locked.length === 0 && lesson.hidden.length === 0 && lesson.deployStartPeriod === null && !lesson.presenter;
  return empty ? null : lesson;
}

/**
 * `next` with every locked group put back to the link's value: the one place a lock is enforced, whatever the change
 * came from (a panel, an opened run or saved notebook).
 */
export function keepLockedSettings(next: NotebookConfig, link: NotebookConfig, locked: readonly LockGroup[]): NotebookConfig {
  if (locked.length === 0) return next;
  const kept: Record<string, unknown> = { ...next };
  let ops = next.ops;
  for (const group of locked) {
    const fields = LOCKED_FIELDS[group];
    for (const field of fields.config ?? []) kept[field] = link[field];
    if (fields.ops) ops = { ...ops, [fields.ops]: link.ops[fields.ops] };
  }
  kept.ops = ops;
  return kept as unknown as NotebookConfig;
}

/** The locked groups edited on `stage`, in the order the stage shows them. */
export function lockedOnStage(lesson: Lesson | null, stage: StageId): LockGroup[] {
  if (!lesson) return [];
  return LOCK_GROUPS.filter((group) => group.stage === stage && lesson.locked.includes(group.id)).map((group) => group.id);
}

/** A stage or cell is shown unless the lesson hides it; a cell of a hidden stage is hidden with it. */
export function isShown(lesson: Lesson | null, id: string): boolean {
  if (!lesson) return true;
  const stage = CELLS.find((cell) => cell.id === id)?.stage;
  return !lesson.hidden.includes(id) && (stage === undefined || !lesson.hidden.includes(stage));
}
