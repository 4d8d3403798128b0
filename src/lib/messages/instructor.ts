// User-facing texts for teaching with the notebook: lesson links, locks, presenter mode.
import type { LockGroup } from '../notebook/lesson';

export const lessonUnreadable = (detail: string): string =>
  `This link’s lesson (the instructor’s locks and hidden stages) could not be read (${detail}), so the notebook opened without it.`;

/** What each lockable group covers, as the dialog's checkboxes and a stage's note name it. */
export const lockGroupLabels: Record<LockGroup, string> = {
  scope: 'requirements, costs, metrics and gates',
  horizon: 'forecast horizon',
  dataset: 'dataset and column mapping',
  cleaning: 'cleaning choices',
  features: 'feature spec',
  split: 'backtest plan',
  models: 'models, strategy, backend and seed',
  'ops.scenario': 'drift scenario',
  'ops.simulation': 'serving and clock settings',
  'ops.rules': 'alert rules',
  'ops.policy': 'retraining policy',
};

export const lockedNote = (groups: readonly LockGroup[]): string =>
  `Locked by your instructor for this lesson: ${groups.map((group) => lockGroupLabels[group]).join('; ')}. These settings are shown read-only.`;

export const instructorTexts = {
  makeLesson: 'Make a lesson link',
  presenter: 'Presenter',
  presenterHelp: 'Larger text and charts, for a projector',
  resetToLink: 'Reset to the link',
  resetToLinkHelp: 'Put every setting back as the link you opened says',
  lessonBanner: 'This is a lesson link: some settings are locked and some stages may be hidden by your instructor.',
  dialogTitle: 'Make a lesson link',
  dialogIntro:
    'The link carries this notebook as it is now, plus the choices below. Learners who open it see the locked settings read-only, ' +
    'do not see the hidden stages or cells, and find the Deploy clock paused where you chose.',
  lockLegend: 'Lock these settings',
  hideLegend: 'Hide these stages and cells',
  hideCellsOf: (stage: string) => `${stage}’s cells`,
  hiddenStillRun: 'A hidden stage or cell still runs when a shown one needs its result.',
  deployLegend: 'Deploy clock',
  deployStart: 'Start paused at period (empty: period 0)',
  presenterDefault: 'Open in presenter mode (larger text and charts)',
  linkLabel: 'Lesson link',
  copy: 'Copy link',
  copied: 'Copied',
  openHere: 'Open it here',
  close: 'Close',
};
