import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import UpdatePrompt from '../../src/ui/UpdatePrompt.svelte';
import { OfflineState } from '../../src/state/offline.svelte';
import { updatePromptTexts } from '../../src/lib/messages/offline';

/** A stand-in for vite-plugin-pwa's registerSW: the test plays the service worker's events through its callbacks. */
function fakeServiceWorker() {
  const fake = { options: {} as RegisterSWOptions, updates: [] as (boolean | undefined)[] };
  const register = (options: RegisterSWOptions) => {
    fake.options = options;
    return async (reloadPage?: boolean) => void fake.updates.push(reloadPage);
  };
  return { fake, offline: new OfflineState(register) };
}

describe('UpdatePrompt', () => {
  it('UpdatePrompt({ offline }) asks before a waiting version takes over: Reload lets it, Later keeps this one', async () => {
    const { fake, offline } = fakeServiceWorker();
    const screen = await render(UpdatePrompt, { offline });
    const prompt = screen.container.querySelector('[data-testid="update-prompt"]')!;
    expect(prompt.getAttribute('role')).toBe('status');
    expect(prompt.textContent?.trim()).toBe('');

    fake.options.onNeedRefresh?.();
    await expect.element(screen.getByText(updatePromptTexts.newVersion)).toBeVisible();
    await screen.getByRole('button', { name: updatePromptTexts.reload }).click();
    expect(fake.updates).toEqual([true]);

    await screen.getByRole('button', { name: updatePromptTexts.later }).click();
    await expect.element(screen.getByText(updatePromptTexts.newVersion)).not.toBeInTheDocument();
    expect(fake.updates).toEqual([true]);
  });

  it('UpdatePrompt({ offline }) says once the app is stored for offline use, until dismissed', async () => {
    const { fake, offline } = fakeServiceWorker();
    const screen = await render(UpdatePrompt, { offline });
    fake.options.onOfflineReady?.();
    await expect.element(screen.getByTestId('offline-ready')).toHaveTextContent(updatePromptTexts.offlineReady);
    await screen.getByRole('button', { name: updatePromptTexts.dismiss }).click();
    await expect.element(screen.getByTestId('offline-ready')).not.toBeInTheDocument();
    expect(fake.updates).toEqual([]);
  });
});
