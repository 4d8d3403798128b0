import type { IssueAction, IssueExample, IssueKind, ValidationIssue } from './types';
import { ISSUE_ACTIONS } from './issue-actions';

/** How many example rows an issue shows unless told otherwise. */
export const MAX_EXAMPLES = 5;

export interface IssueFields {
  kind: IssueKind;
  count: number;
  message: string;
  examples?: IssueExample[];
  series?: number[];
  /** Default: 'error' when the kind offers no action (nothing to do but fix the file), else 'warning'. */
  severity?: 'error' | 'warning';
  /** Default: what the kind allows (issue-actions.ts); none when no choice would help. */
  actions?: IssueAction[];
}

/** A ValidationIssue with the actions its kind allows (issue-actions.ts) filled in. */
export function createIssue(fields: IssueFields): ValidationIssue {
  const actions = [...(fields.actions ?? ISSUE_ACTIONS[fields.kind])];
  const severity = fields.severity ?? (actions.length === 0 ? 'error' : 'warning');
  const issue: ValidationIssue = {
    kind: fields.kind,
    severity,
    count: fields.count,
    message: fields.message,
    examples: fields.examples ?? [],
    // An error is an error because no choice makes the data usable: offering choices would mislead.
    actions: severity === 'error' ? [] : actions,
  };
  if (fields.series) issue.series = fields.series;
  return issue;
}
