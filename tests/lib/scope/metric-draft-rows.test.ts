import { describe, expect, it } from 'vitest';
import { scopeMessages, scopePanelTexts } from '../../../src/lib/messages/scope';
import { committedMetrics, metricDraftRows, type MetricDraft } from '../../../src/lib/scope/metric-draft-rows';

const wape = { name: 'wape2', expression: 'sum(abs(actual - forecast)) / sum(actual)' };

describe('metricDraftRows(committed, drafts)', () => {
  it('starts from the notebook’s metrics, each saved and valid', () => {
    const rows = metricDraftRows([wape], []);
    expect(rows).toEqual([{ key: 0, ...wape, committed: wape, nameError: null, formulaError: null, valid: true, saved: true }]);
  });

  it('keeps drafts that agree with the notebook, a bad formula included, and locates its error', () => {
    const drafts: MetricDraft[] = [
      { key: 0, ...wape, committed: wape },
      { key: 3, name: 'bad', expression: 'sum(actual - ) / 2', committed: null },
    ];
    const rows = metricDraftRows([wape], drafts);
    expect(rows.map((r) => r.key)).toEqual([0, 3]);
    expect(rows[1]).toMatchObject({ valid: false, saved: false, nameError: null });
    expect(rows[1]!.formulaError).toEqual({ message: scopeMessages.expectedOperand(')'), position: 13, token: ')' });
  });

  it('starts afresh from the notebook when its metrics changed elsewhere (a pasted link)', () => {
    const drafts: MetricDraft[] = [{ key: 5, name: 'old', expression: 'sum(actual)', committed: { name: 'old', expression: 'sum(actual)' } }];
    expect(metricDraftRows([wape], drafts).map((r) => r.name)).toEqual(['wape2']);
  });

  it('marks an edited row unsaved, and refuses empty and duplicate names', () => {
    const drafts: MetricDraft[] = [
      { key: 0, name: 'wape2', expression: 'sum(actual)', committed: wape },
      { key: 1, name: ' wape2 ', expression: 'sum(actual)', committed: null },
      { key: 2, name: '  ', expression: 'sum(actual)', committed: null },
    ];
    const rows = metricDraftRows([wape], drafts);
    expect(rows.map((r) => r.saved)).toEqual([false, false, false]);
    expect(rows[0]!.nameError).toBe(scopePanelTexts.metricNameTaken('wape2'));
    expect(rows[1]!.nameError).toBe(scopePanelTexts.metricNameTaken('wape2'));
    expect(rows[2]!.nameError).toBe(scopePanelTexts.metricNameMissing());
  });
});

describe('committedMetrics(drafts)', () => {
  it('keeps the saved version of each row, in order, and leaves unsaved rows out', () => {
    const drafts: MetricDraft[] = [
      { key: 0, name: 'a', expression: 'sum(actual', committed: { name: 'a', expression: 'sum(actual)' } },
      { key: 1, name: 'b', expression: 'count()', committed: null },
    ];
    expect(committedMetrics(drafts)).toEqual([{ name: 'a', expression: 'sum(actual)' }]);
  });
});
