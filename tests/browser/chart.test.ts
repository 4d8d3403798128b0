import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import type { TopLevelSpec } from 'vega-lite';
import { decompositionSpec } from '../../src/lib/charts/decomposition-spec';
import { priceVsSalesSpec } from '../../src/lib/charts/price-vs-sales-spec';
import { salesOverTimeSpec } from '../../src/lib/charts/sales-over-time-spec';
import { seasonalProfileSpec } from '../../src/lib/charts/seasonal-profile-spec';
import { exploreMessages } from '../../src/lib/messages/explore';
import Chart from '../../src/ui/Chart.svelte';
import { exploreFixture } from '../lib/charts/explore-fixture';

const result = exploreFixture();
const decomposition = result.decomposition.ok ? result.decomposition.rows : [];

/** Marks drawn in the SVG, not counting axes, legends and titles (vega gives data marks the role-mark class). */
function svgMarks(container: HTMLElement): number {
  return container.querySelectorAll('svg g.role-mark > path, svg g.role-mark > line, svg g.role-mark > rect').length;
}

async function renderReady(spec: TopLevelSpec, title = 'A chart') {
  const screen = await render(Chart, { spec, title });
  const figure = screen.getByTestId('chart');
  await expect.element(figure).toHaveAttribute('data-state', 'ready');
  return { screen, element: figure.element() as HTMLElement };
}

describe('Chart.svelte', () => {
  it.each([
    ['line: sales over time by store', salesOverTimeSpec(result.salesByGroup?.rows ?? [])],
    ['bar: seasonal profile', seasonalProfileSpec(result.seasonality[0]!)],
    ['vconcat: decomposition', decompositionSpec(decomposition)],
  ])('renders a %s as SVG with marks, and says how many', async (_, spec) => {
    const { element } = await renderReady(spec);
    expect(element.querySelector('svg')).not.toBeNull();
    expect(svgMarks(element)).toBeGreaterThan(0);
    expect(Number(element.dataset.marks)).toBeGreaterThan(0);
    expect(element.getAttribute('aria-label')).toBe('A chart');
  });

  it('keeps stacked panels inside the container, axes included', async () => {
    const { element } = await renderReady(decompositionSpec(decomposition));
    const svg = element.querySelector('svg') as SVGSVGElement;
    expect(svg.getBoundingClientRect().width).toBeLessThanOrEqual(element.getBoundingClientRect().width + 1);
    expect(svg.getBoundingClientRect().width).toBeGreaterThan(element.getBoundingClientRect().width * 0.8);
  });

  it('draws one SVG path per bar for a bar chart', async () => {
    const profile = result.seasonality[0]!;
    const { element } = await renderReady(seasonalProfileSpec(profile));
    const bars = element.querySelectorAll('svg g.mark-rect.role-mark > path').length;
    expect(bars).toBe(profile.slots.filter((s) => s.index !== null).length);
    // The rule at index 1 is a data mark too.
    expect(Number(element.dataset.marks)).toBe(bars + 1);
  });

  it('shows "No data to chart" rather than an empty frame when the spec has no rows', async () => {
    const screen = await render(Chart, { spec: salesOverTimeSpec([]), title: 'Empty' });
    await expect.element(screen.getByText(exploreMessages.noChartData)).toBeVisible();
    const element = screen.getByTestId('chart').element() as HTMLElement;
    expect(element.dataset.state).toBe('empty');
    expect(element.querySelector('svg')).toBeNull();
    expect(element.dataset.marks).toBeUndefined();
  });

  it('re-renders when the spec changes', async () => {
    const rows = result.salesOverTime.rows;
    const { screen, element } = await renderReady(salesOverTimeSpec(rows.slice(0, 10)));
    const before = Number(element.dataset.marks);
    await screen.rerender({ spec: salesOverTimeSpec(rows.slice(0, 40)) });
    await expect.poll(() => Number(element.dataset.marks)).toBe(40);
    expect(before).toBe(10);
  });

  it('draws the newest spec next when specs come faster than it draws, skipping the ones in between', async () => {
    const rows = result.salesOverTime.rows;
    const { screen, element } = await renderReady(salesOverTimeSpec(rows.slice(0, 10)));
    let drawn = 0;
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node.nodeName.toLowerCase() === 'svg') drawn++;
    });
    observer.observe(element, { childList: true, subtree: true });
    // A live chart (the Deploy stage's clock) hands over twenty states while the first is still waiting to draw.
    for (let n = 11; n <= 30; n++) await screen.rerender({ spec: salesOverTimeSpec(rows.slice(0, n)) });
    await expect.poll(() => element.dataset.marks).toBe('30');
    // Charts draw in turn: once a chart queued after these is drawn, nothing of theirs is left to draw.
    const after = await render(Chart, { spec: salesOverTimeSpec(rows.slice(0, 5)), title: 'Queued after' });
    await expect.element(after.getByLabelText('Queued after', { exact: true })).toHaveAttribute('data-state', 'ready');
    observer.disconnect();
    expect(element.dataset.marks).toBe('30');
    expect(drawn).toBeLessThanOrEqual(2);
  });

  it('hands new rows of the same form to the view it has: the same SVG, redrawn', async () => {
    const rows = result.salesOverTime.rows;
    const { screen, element } = await renderReady(salesOverTimeSpec(rows.slice(0, 10)));
    const svg = element.querySelector('svg');
    await screen.rerender({ spec: salesOverTimeSpec(rows.slice(0, 60)) });
    await expect.poll(() => element.dataset.marks).toBe('60');
    expect(element.querySelector('svg')).toBe(svg);
    expect(svgMarks(element)).toBe(1);
  });

  it('builds a new view for a spec of another form, and the new drawing takes the old one’s place', async () => {
    const { screen, element } = await renderReady(salesOverTimeSpec(result.salesOverTime.rows));
    const svg = element.querySelector('svg');
    const byGroup = result.salesByGroup?.rows ?? [];
    await screen.rerender({ spec: salesOverTimeSpec(byGroup) });
    await expect.poll(() => Number(element.dataset.marks)).toBe(byGroup.length);
    expect(element.querySelectorAll('svg')).toHaveLength(1);
    expect(element.querySelector('svg')).not.toBe(svg);
    expect(svgMarks(element)).toBe(new Set(byGroup.map((row) => row.group)).size);
  });

  it('draws two charts of one form, each with its own rows', async () => {
    const rows = result.salesOverTime.rows;
    // Both asked for before either is drawn: one compiled form serves the two views.
    const first = await render(Chart, { spec: salesOverTimeSpec(rows.slice(0, 15)), title: 'First of one form' });
    const second = await render(Chart, { spec: salesOverTimeSpec(rows.slice(0, 25)), title: 'Second of one form' });
    const figures = [first.getByLabelText('First of one form', { exact: true }), second.getByLabelText('Second of one form', { exact: true })];
    for (const figure of figures) await expect.element(figure).toHaveAttribute('data-state', 'ready');
    expect(figures.map((figure) => figure.element().getAttribute('data-marks'))).toEqual(['15', '25']);
  });

  it('redraws a chart away from view in its turn, keeping its last drawing meanwhile, and at once when it comes near', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.prepend(spacer);
    try {
      const rows = result.salesOverTime.rows;
      const { screen, element } = await renderReady(salesOverTimeSpec(rows.slice(0, 10)), 'Far below');
      await screen.rerender({ spec: salesOverTimeSpec(rows.slice(0, 50)) });
      // Just drawn, away from view: the new rows wait their turn, over the last drawing.
      expect([element.dataset.state, element.dataset.marks, element.getAttribute('aria-busy')]).toEqual(['rendering', '10', 'true']);
      await expect.poll(() => element.dataset.marks, { timeout: 10_000 }).toBe('50');
      await screen.rerender({ spec: salesOverTimeSpec(rows.slice(0, 70)) });
      expect(element.dataset.marks).toBe('50');
      element.scrollIntoView();
      await expect.poll(() => element.dataset.marks).toBe('70');
      expect(element.dataset.state).toBe('ready');
    } finally {
      spacer.remove();
    }
  });

  it('draws on a canvas when the spec asks for one as vega-embed reads it (usermeta.embedOptions.renderer)', async () => {
    const price = result.price!;
    const { element } = await renderReady(priceVsSalesSpec(price));
    expect(element.querySelector('canvas')).not.toBeNull();
    expect(element.querySelector('svg')).toBeNull();
    // The points that have a price index and a sales index, and the fitted line's two ends.
    expect(Number(element.dataset.marks)).toBe(price.points.filter((p) => p.priceIndex !== null && p.salesIndex !== null).length + 2);
  });

  it('shows a plain message when the spec cannot be rendered', async () => {
    const broken = { data: { values: [{ a: 1 }] }, mark: 'no-such-mark', encoding: {} } as unknown as TopLevelSpec;
    const screen = await render(Chart, { spec: broken, title: 'Broken' });
    const alert = screen.getByRole('alert');
    await expect.element(alert).toBeVisible();
    await expect.element(alert).toHaveTextContent(/^Could not draw this chart: /);
  });
});
