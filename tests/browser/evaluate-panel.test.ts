import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import '../../src/ui/theme.css';
import { leaderboard } from '../../src/lib/evaluate/leaderboard';
import { metricsTableRows, metricsToJson } from '../../src/lib/evaluate/metrics-downloads';
import { roleViews } from '../../src/lib/evaluate/role-views';
import { formatMetric } from '../../src/lib/format/format-metric';
import { evaluatePanelMessages } from '../../src/lib/messages/evaluate';
import EvaluatePanel from '../../src/ui/EvaluatePanel.svelte';
import { makeRunMetrics } from '../lib/evaluate/make-run-metrics';

const { metrics, samples } = makeRunMetrics();
const CHARTS = 6;

beforeAll(async () => {
  await page.viewport(1280, 900);
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function renderPanel(props: Partial<{ metrics: typeof metrics | null; primary: 'wape' | 'mase' }> = {}) {
  const screen = await render(EvaluatePanel, { metrics, samples, primary: 'wape', ...props });
  return { screen, panel: screen.getByTestId('evaluate-panel').element() as HTMLElement };
}

/** Waits until every chart in `root` is drawn and returns their states and mark counts. */
async function chartsReady(root: HTMLElement, count: number): Promise<{ state: string | undefined; marks: number; label: string | null }[]> {
  await expect.poll(() => root.querySelectorAll('[data-testid="chart"]').length).toBe(count);
  const figures = [...root.querySelectorAll<HTMLElement>('[data-testid="chart"]')];
  await expect.poll(() => figures.map((f) => f.dataset.state), { timeout: 20_000 }).toEqual(figures.map(() => 'ready'));
  return figures.map((f) => ({ state: f.dataset.state, marks: Number(f.dataset.marks), label: f.getAttribute('aria-label') }));
}

const cellText = (root: HTMLElement, metric: string, window = 'test') =>
  root.querySelector(`tr[data-metric="${metric}"] td[data-window="${window}"]`)?.textContent?.trim();

describe('EvaluatePanel.svelte', () => {
  it('lists every model in order of the primary metric, the best highlighted, with the test-window quality bar', async () => {
    const { screen } = await renderPanel();
    const table = screen.getByTestId('leaderboard');
    await expect.element(table).toBeVisible();
    const element = table.element() as HTMLElement;
    const order = [...element.querySelectorAll<HTMLElement>('tbody tr')].map((tr) => tr.dataset.model);
    expect(order).toEqual(leaderboard(metrics, { primary: 'wape' }).map((r) => r.name));
    expect(order).toHaveLength(6);
    expect(element.querySelector('tbody tr.best')?.getAttribute('data-model')).toBe(metrics.best);
    // The primary metric twice: the selection score the pick was made on, then the test window's, apart.
    expect(element.querySelector('thead th:nth-child(4)')?.textContent?.trim()).toBe('WAPE, selection folds');
    expect(element.querySelector('thead th:nth-child(4)')?.getAttribute('title')).toBe(evaluatePanelMessages.leaderboard.selectionHelp);
    expect(element.querySelector('thead th:nth-child(5)')?.textContent?.trim()).toBe('WAPE, test window');
    expect(element.querySelector('thead th:nth-child(6)')?.getAttribute('title')).toBe(evaluatePanelMessages.help.mae);
    const mlp = element.querySelector('tr[data-model="mlp"]')!;
    expect(mlp.textContent).toMatch(/\d+\.\d% lower/);
    await expect.element(screen.getByTestId('test-improvement')).toHaveTextContent(/^On the test window, MLP’s WAPE \(\d+\.\d%\) is \d+\.\d% lower than seasonal naive’s .* meets the quality bar/);
  });

  it('puts the primary metric first and re-sorts when it changes', async () => {
    const { screen } = await renderPanel({ primary: 'mase' });
    const element = screen.getByTestId('leaderboard').element() as HTMLElement;
    expect(element.querySelector('thead th:nth-child(4)')?.textContent?.trim()).toBe('MASE, selection folds');
    const order = [...element.querySelectorAll<HTMLElement>('tbody tr')].map((tr) => tr.dataset.model);
    expect(order).toEqual(leaderboard(metrics, { primary: 'mase' }).map((r) => r.name));
  });

  it('shows the three role views of the best model with formatted numbers, and switches model from the picker', async () => {
    const { screen, panel } = await renderPanel();
    const ds = screen.getByTestId('role-data-scientist').element() as HTMLElement;
    const expert = screen.getByTestId('role-expert').element() as HTMLElement;
    const business = screen.getByTestId('role-business').element() as HTMLElement;
    const views = roleViews(metrics, 'mlp')!;
    const test = (rows: typeof views.dataScientist.rows, key: string) => rows.find((r) => r.metric === key)!;

    for (const key of ['mae', 'rmse', 'wape', 'smape', 'mase', 'bias', 'pinballP10', 'pinballP50', 'pinballP90', 'coverage80']) {
      const row = test(views.dataScientist.rows, key);
      expect(cellText(ds, key), key).toBe(formatMetric(row.test, row.format));
      expect(ds.querySelector(`tr[data-metric="${key}"] th`)?.getAttribute('title')).toBe(row.help);
    }
    expect(cellText(ds, 'wape')).toMatch(/^\d+\.\d%$/);
    expect(cellText(ds, 'coverage80')).toMatch(/^\d+\.\d%$/);
    for (const key of ['stockoutUnits', 'stockoutPeriods', 'overstockUnits', 'serviceLevel', 'fillRate', 'biasOn:holiday', 'biasOff:holiday', 'biasOn:promo', 'biasOff:promo']) {
      expect(cellText(expert, key), key).toMatch(/^−?-?[\d,]+(\.\d+)?%?$/);
    }
    expect(cellText(business, 'savings')).toBe(formatMetric(test(views.business.rows, 'savings').test, 'money'));
    expect(cellText(business, 'errorCost')).toMatch(/^[\d,]+$/);
    await expect.element(screen.getByTestId('value-estimate')).toHaveTextContent(/worth about [\d,]+ a year \(365 periods\)/);

    await userEvent.selectOptions(screen.getByTestId('evaluate-model'), 'ridge');
    const ridge = roleViews(metrics, 'ridge')!;
    await expect.poll(() => cellText(ds, 'mae')).toBe(formatMetric(test(ridge.dataScientist.rows, 'mae').test, 'number'));
    expect(cellText(expert, 'biasOn:holiday')).toBe(formatMetric(test(ridge.expert.rows, 'biasOn:holiday').test, 'percent'));
    // A baseline has no importance chart, only a plain sentence.
    await userEvent.selectOptions(screen.getByTestId('evaluate-model'), 'naive');
    await expect.element(screen.getByText(evaluatePanelMessages.noImportance)).toBeVisible();
    expect(panel.querySelectorAll('[data-testid="chart"]')).toHaveLength(CHARTS - 1);
  });

  it('draws every chart with marks', async () => {
    const { panel } = await renderPanel();
    const charts = await chartsReady(panel, CHARTS);
    for (const chart of charts) expect(chart.marks, chart.label ?? '').toBeGreaterThan(0);
    expect(charts.map((c) => c.label)).toEqual([
      'Forecast against actual',
      'Residuals',
      'Error by horizon step',
      'WAPE by series',
      'Cost of forecast error per model',
      'Permutation importance',
    ]);
    // Every chart fits its column: nothing overflows to the right of the panel.
    const right = panel.getBoundingClientRect().right;
    for (const svg of panel.querySelectorAll('svg')) expect(svg.getBoundingClientRect().right).toBeLessThanOrEqual(right + 1);
    // For a look by eye (test-output/ is not committed): one picture per part, since the test page paints only
    // about one viewport of a long panel.
    for (const id of ['leaderboard', 'role-data-scientist', 'role-expert', 'role-business', 'importance']) {
      await page.screenshot({ path: `../../test-output/evaluate-panel/${id}.png`, element: panel.querySelector(`[data-testid="${id}"]`)! });
    }
  });

  it('downloads the metrics as CSV (header and one line per model × window × metric) and as JSON', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:fake-${blobs.length}`;
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { screen } = await renderPanel();
    await expect.element(screen.getByTestId('download-csv')).toHaveTextContent('Metrics CSV');
    await screen.getByTestId('download-csv').click();
    await screen.getByTestId('download-json').click();
    await expect.poll(() => blobs.length).toBe(2);

    const lines = (await blobs[0]!.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('model,family,window,cutoff,role,metric,label,value');
    expect(lines).toHaveLength(metricsTableRows(metrics).length + 1);
    expect(blobs[0]!.type).toMatch(/^text\/csv/);
    expect(await blobs[1]!.text()).toBe(metricsToJson(metrics));
    expect(names).toEqual([expect.stringMatching(/^forecast-lab-metrics-\d{4}-\d{2}-\d{2}\.csv$/), expect.stringMatching(/^forecast-lab-metrics-\d{4}-\d{2}-\d{2}\.json$/)]);
  });

  it('says where to go when there is no run yet', async () => {
    const { screen } = await renderPanel({ metrics: null });
    await expect.element(screen.getByTestId('evaluate-empty')).toHaveTextContent(evaluatePanelMessages.empty);
    expect(screen.container.querySelector('[data-testid="leaderboard"]')).toBeNull();
    expect(screen.container.querySelector('[data-testid="chart"]')).toBeNull();
  });
});
