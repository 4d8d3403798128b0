import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { userEvent } from 'vitest/browser';
import { scopeMessages, scopePanelTexts } from '../../src/lib/messages/scope';
import { defaultCostModel } from '../../src/lib/scope/cost-model';
import { DEFAULT_HORIZON } from '../../src/lib/scope/default-horizon';
import { formatNumber } from '../../src/lib/format/format-number';
import type { FeatureSpec } from '../../src/lib/features/types';
import type { HeadlineMetrics, ModelName, ModelResult, RunMetrics, WindowResult } from '../../src/lib/runs/types';
import { valueEstimate } from '../../src/lib/evaluate/value-estimate';
import { NotebookState } from '../../src/state/notebook.svelte';
import ScopePanel from '../../src/ui/ScopePanel.svelte';

async function renderPanel(props: { frequency?: 'daily' | 'weekly' | 'monthly' | null; result?: RunMetrics | null } = {}) {
  const notebook = new NotebookState('');
  const screen = await render(ScopePanel, { notebook, frequency: props.frequency ?? 'daily', result: props.result ?? null });
  return { notebook, screen };
}

/** Types into a field and leaves it (Tab), as a user does: the field's change is committed on blur. */
async function typeAndLeave(element: HTMLElement, text: string): Promise<void> {
  await userEvent.clear(element);
  if (text !== '') await userEvent.type(element, text);
  await userEvent.tab();
}

/** Left edge, in pixels, of the character at `offset` in the first text node of `element`. */
function charLeft(element: Element, offset: number): number {
  const range = document.createRange();
  const text = element.firstChild as Text;
  range.setStart(text, offset);
  range.setEnd(text, offset + 1);
  return range.getBoundingClientRect().left;
}

describe('ScopePanel.svelte', () => {
  it('shows the problem, the candidate solutions, the roles and the help line of the metric language', async () => {
    const { screen } = await renderPanel();
    await expect.element(screen.getByText(scopePanelTexts.problemTitle)).toBeVisible();
    await expect.element(screen.getByTestId('candidate-global-ml')).toHaveTextContent(scopePanelTexts.thisNotebook);
    await expect.element(screen.getByTestId('scope-roles')).toHaveTextContent(scopePanelTexts.primaryBadge);
    await expect.element(screen.getByTestId('scope-metric-help')).toHaveTextContent('actual, forecast, price, cost, holding, penalty, p10, p90, step');
    await expect.element(screen.getByTestId('scope-metric-help')).toHaveTextContent('sum, mean, count, min, max, abs');
  });

  it('edits the cost model into notebook.config.scope.cost, refuses a bad number, and resets to the defaults', async () => {
    const { notebook, screen } = await renderPanel({ frequency: 'weekly' });
    const price = screen.getByTestId('scope-cost-unitPrice');
    await expect.element(price).toHaveValue('10');
    await expect.element(screen.getByTestId('scope-cost-note')).toHaveTextContent(scopePanelTexts.costDefaults('weekly'));
    expect(notebook.config.scope.cost).toBeNull();

    await typeAndLeave(price.element() as HTMLElement, '12.5');
    expect(notebook.config.scope.cost).toEqual({ ...defaultCostModel('weekly'), unitPrice: 12.5 });
    await expect.element(screen.getByTestId('scope-cost-note')).toHaveTextContent(scopePanelTexts.costCustom);

    await typeAndLeave(screen.getByTestId('scope-cost-stockoutPenaltyPerUnit').element() as HTMLElement, '-3');
    await expect.element(screen.getByTestId('scope-cost-stockoutPenaltyPerUnit-error')).toHaveTextContent(scopePanelTexts.outOfRange(0, 1e9));
    expect(notebook.config.scope.cost?.stockoutPenaltyPerUnit).toBe(1);

    await screen.getByTestId('scope-cost-reset').click();
    expect(notebook.config.scope.cost).toBeNull();
    await expect.element(screen.getByTestId('scope-cost-unitPrice')).toHaveValue('10');
    await expect.element(screen.getByTestId('scope-cost-stockoutPenaltyPerUnit')).toHaveValue('1');
    await expect.element(screen.getByTestId('scope-cost-stockoutPenaltyPerUnit-error')).not.toBeInTheDocument();
  });

  it('shows a bad formula’s error with the caret under the bad token, and keeps it out of the config', async () => {
    const { notebook, screen } = await renderPanel();
    await screen.getByTestId('scope-add-metric').click();
    const formula = screen.getByTestId('scope-metric-formula');
    await userEvent.type(formula, 'sum(actual - ) / 2');

    const message = screen.getByTestId('scope-metric-message');
    await expect.element(message).toHaveTextContent(scopeMessages.expectedOperand(')'));
    const caret = screen.getByTestId('scope-metric-caret').element();
    expect(caret.textContent).toBe(`${' '.repeat(13)}^`);
    // Same column on screen: the ^ sits under the ")" (offset 13) of the formula printed above it.
    const listing = caret.previousElementSibling!;
    expect(Math.abs(charLeft(caret, 13) - charLeft(listing, 13))).toBeLessThan(1);

    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    expect(notebook.config.scope.customMetrics).toEqual([]);
    await expect.element(screen.getByTestId('scope-metric')).toHaveAttribute('data-saved', 'false');
  });

  it('saves a good formula to the config on Enter, and says ok', async () => {
    const { notebook, screen } = await renderPanel();
    await screen.getByTestId('scope-add-metric').click();
    await typeAndLeave(screen.getByTestId('scope-metric-name').element() as HTMLElement, 'lost margin');
    const formula = screen.getByTestId('scope-metric-formula');
    await userEvent.type(formula, 'sum(max(actual - forecast, 0)) * (price - cost){Enter}');
    await expect.element(screen.getByTestId('scope-metric-ok')).toHaveTextContent(scopePanelTexts.formulaOk);
    expect(notebook.config.scope.customMetrics).toEqual([{ name: 'lost margin', expression: 'sum(max(actual - forecast, 0)) * (price - cost)' }]);

    // Breaking a saved formula leaves the saved version in the notebook until it is fixed.
    await userEvent.type(formula, ' +{Enter}');
    await expect.element(screen.getByTestId('scope-metric-message')).toHaveTextContent(scopeMessages.expectedOperand(''));
    expect(notebook.config.scope.customMetrics[0]!.expression).toBe('sum(max(actual - forecast, 0)) * (price - cost)');
    await expect.element(screen.getByText(scopePanelTexts.formulaUnsaved)).toBeVisible();

    await screen.getByTestId('scope-metric-remove').click();
    expect(notebook.config.scope.customMetrics).toEqual([]);
  });

  it('edits config.horizon, shows the frequency’s default when empty, and refuses a horizon out of range', async () => {
    const { notebook, screen } = await renderPanel({ frequency: 'weekly' });
    const horizon = screen.getByTestId('scope-horizon');
    await expect.element(horizon).toHaveAttribute('placeholder', String(DEFAULT_HORIZON.weekly));
    await expect.element(screen.getByTestId('scope-horizon-note')).toHaveTextContent(scopePanelTexts.horizonDefault(DEFAULT_HORIZON.weekly, 'weekly'));

    await typeAndLeave(horizon.element() as HTMLElement, '13');
    expect(notebook.config.horizon).toBe(13);
    await expect.element(screen.getByTestId('scope-horizon-note')).toHaveTextContent(scopePanelTexts.horizonSet(13, 'weekly'));

    await typeAndLeave(horizon.element() as HTMLElement, '400');
    await expect.element(screen.getByTestId('scope-horizon-error')).toHaveTextContent(scopePanelTexts.outOfRange(1, 366));
    expect(notebook.config.horizon).toBe(13);

    await typeAndLeave(horizon.element() as HTMLElement, '');
    expect(notebook.config.horizon).toBeNull();
    await expect.element(screen.getByTestId('scope-horizon-error')).not.toBeInTheDocument();
  });

  it('sets the primary metric and the requirements', async () => {
    const { notebook, screen } = await renderPanel();
    await screen.getByTestId('scope-primary-metric').selectOptions('mase');
    expect(notebook.config.scope.primaryMetric).toBe('mase');
    await screen.getByTestId('scope-explainability').selectOptions('high');
    await typeAndLeave(screen.getByTestId('scope-team').element() as HTMLElement, 'one analyst');
    expect(notebook.config.scope.requirements).toMatchObject({ explainability: 'high', team: 'one analyst' });
  });

  it('says the value estimate is shown once a model is evaluated, before any run', async () => {
    const { screen } = await renderPanel();
    await expect.element(screen.getByTestId('scope-value-pending')).toHaveTextContent(scopePanelTexts.valuePending);
  });

  it('shows the yearly savings of the best model over seasonal naive once there is a run result', async () => {
    const none: HeadlineMetrics = { wape: null, mae: null, rmse: null, smape: null, mase: null, bias: null, coverage80: null, cost: null };
    // The pick's test window: its cost of forecast error 560 against seasonal naive's 700 on the same rows, annualised
    // as evaluateForecast does.
    const business = { errorCost: 560, baselineErrorCost: 700, savings: 140, value: valueEstimate(140, { periods: 28, frequency: 'daily' }) };
    const test = { window: 'test', cutoff: 0, evaluation: { cutoff: 0, horizon: 28, business }, history: [], bestEpoch: null, stoppedEarly: false, durationMs: 0 } as unknown as WindowResult;
    const model = (name: ModelName, windows: WindowResult[]): ModelResult => ({ name, family: name === 'mlp' ? 'neural' : 'baseline', spec: null, windows, backtest: none, importance: null });
    const result: RunMetrics = {
      backend: 'cpu', featureSpec: {} as FeatureSpec, horizon: 28, folds: 2, best: 'mlp', baseline: 'seasonal-naive',
      models: [model('seasonal-naive', []), model('mlp', [test])],
    };
    const { screen } = await renderPanel({ result });
    // (700 − 560) per 28-day window × 365 / 28 = 1825 a year.
    await expect.element(screen.getByTestId('scope-value-per-year')).toHaveTextContent(formatNumber(1825));
    await expect.element(screen.getByTestId('scope-value')).toHaveTextContent(scopePanelTexts.valueSavings('MLP', 'Seasonal naive'));
    await expect.element(screen.getByTestId('scope-value-pending')).not.toBeInTheDocument();
  });
});
