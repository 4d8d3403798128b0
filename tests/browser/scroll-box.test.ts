import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import ScrollBox from '../../src/ui/ScrollBox.svelte';
import { readTableCells } from '../../src/adapters/table-cells';

// axe's scrollable-region-focusable: a box that scrolls must be reachable from the keyboard, and then named. A box
// whose content fits stays out of the Tab order (and out of the landmarks).
describe('ScrollBox', () => {
  it('ScrollBox({ label }) takes focus, the region role and its label only while its content overflows', async () => {
    const wide = createRawSnippet(() => ({ render: () => '<div style="width: 400px; height: 20px"></div>' }));
    const screen = await render(ScrollBox, { label: 'Column summaries', children: wide });
    const host = screen.container;
    const box = host.querySelector<HTMLElement>('.scroll')!;
    const seen = () => ({ tabindex: box.getAttribute('tabindex'), role: box.getAttribute('role'), label: box.getAttribute('aria-label') });

    host.style.width = '600px';
    await expect.poll(seen).toEqual({ tabindex: null, role: null, label: null });
    host.style.width = '200px';
    await expect.poll(seen).toEqual({ tabindex: '0', role: 'region', label: 'Column summaries' });
    box.focus();
    expect(document.activeElement).toBe(box);
    host.style.width = '600px';
    await expect.poll(seen).toEqual({ tabindex: null, role: null, label: null });
  });

  it("ScrollBox({ height: 'short' }) scrolls a long list down, and then takes focus", async () => {
    const tall = createRawSnippet(() => ({ render: () => '<ol style="height: 2000px; margin: 0"></ol>' }));
    const screen = await render(ScrollBox, { label: 'Events', height: 'short', children: tall });
    const box = screen.container.querySelector<HTMLElement>('.scroll')!;
    await expect.poll(() => box.getAttribute('tabindex')).toBe('0');
    expect(box.clientHeight).toBeLessThan(2000);
    expect(box.getAttribute('aria-label')).toBe('Events');
  });

  it('ScrollBox around a table offers its CSV, named by the label; readTableCells reads what a reader sees', async () => {
    const table = createRawSnippet(() => ({
      render: () =>
        '<table><thead><tr><th>Model</th><th>Loss</th><th>On</th><th><span class="visually-hidden">Actions</span></th></tr></thead>' +
        '<tbody><tr><th scope="row">MLP, <em>small</em> <span aria-hidden="true">▲</span></th><td><select><option>mse</option><option selected>pinball</option></select></td>' +
        '<td><input type="checkbox" checked></td><td><button>Delete</button></td></tr>' +
        '<tr><td>Ridge</td><td><input value="0.01"></td><td><input type="checkbox"></td><td></td></tr></tbody></table>',
    }));
    const screen = await render(ScrollBox, { label: 'Neural models', children: table });
    await expect.element(screen.getByRole('button', { name: 'Download Neural models as CSV' })).toBeVisible();
    expect(readTableCells(screen.container.querySelector('table')!)).toEqual({
      header: ['Model', 'Loss', 'On'],
      rows: [
        ['MLP, small', 'pinball', '✓'],
        ['Ridge', '0.01', ''],
      ],
    });
  });

  it('ScrollBox around no table offers no CSV', async () => {
    const list = createRawSnippet(() => ({ render: () => '<ol><li>one</li></ol>' }));
    const screen = await render(ScrollBox, { label: 'Events', children: list });
    expect(screen.container.querySelector('[data-testid="table-csv"]')).toBeNull();
  });
});
