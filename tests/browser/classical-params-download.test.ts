import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { ForecastLabDb, readRecords } from '../../src/adapters/db';
import { classicalParamsFile } from '../../src/lib/export/classical-params-file';
import { classicalParamsTexts } from '../../src/lib/messages/classical-params';
import { classicalForecast } from '../../src/lib/models/classical-forecast';
import { classicalParams } from '../../src/lib/runs/classical-params';
import type { ClassicalParams, RunArtifacts, RunMetrics } from '../../src/lib/runs/types';
import type { JsonObject } from '../../src/lib/storage/records';
import EvaluatePanel from '../../src/ui/EvaluatePanel.svelte';
import { isoDay, makeSales, type SalesRow } from '../lib/eda/make-sales';
import { makeRun } from '../lib/runs/make-run';
import { uniqueDbName } from '../node/storage/helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A run whose artifacts hold two classical models' fits on the test window, as the Train stage stores them. */
function runWithClassical() {
  const start = isoDay('2024-01-01');
  const rows: SalesRow[] = [];
  for (let d = 0; d < 120; d++) {
    rows.push({ date: start + d, store: 'a', sales: 30 + 6 * Math.sin((2 * Math.PI * d) / 7) + (d % 3) });
    rows.push({ date: start + d, store: 'b', sales: 9 + (d % 4) });
  }
  const data = makeSales(rows, { keys: ['store'] });
  const options = { cutoff: start + 105, horizon: 14 };
  const classical = (['ets', 'theta'] as const).map((model) => {
    const { forecast, fits } = classicalForecast(model, data, options);
    return classicalParams({ model, data, cutoff: options.cutoff, forecast, fits });
  });
  const run = makeRun('run-classical-0001');
  run.artifacts = { ...(run.artifacts as unknown as RunArtifacts), classical } satisfies RunArtifacts as unknown as JsonObject;
  return { run, classical };
}

describe('EvaluatePanel.svelte: the classical models’ parameters (a run stored in real IndexedDB)', () => {
  it('offers one "Download … parameters (JSON)" per classical model; the file is classicalParamsFile of the stored run', async () => {
    const { run, classical } = runWithClassical();
    const name = uniqueDbName('classical-params');
    const db = new ForecastLabDb(name);
    cleanups.push(() => Dexie.delete(name), () => db.close());
    await db.runs.put(run);
    // Read back as the Train stage restores a run: through the record schemas, a damaged row set aside.
    const { records, damaged } = await readRecords(db, 'runs');
    expect(damaged).toEqual([]);
    const stored = records[0]!;
    const metrics = stored.metrics as unknown as RunMetrics;
    const kept = (stored.artifacts as unknown as RunArtifacts).classical as ClassicalParams[];
    expect(kept).toEqual(classical);

    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:fake-${blobs.length}`;
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const screen = await render(EvaluatePanel, { metrics, samples: [], primary: 'wape', classical: kept, runId: stored.id });
    await expect.element(screen.getByTestId('download-params-ets')).toHaveTextContent(classicalParamsTexts.button('ETS (auto)'));
    await expect.element(screen.getByTestId('download-params-theta')).toHaveTextContent(classicalParamsTexts.button('Theta'));
    await screen.getByTestId('download-params-theta').click();
    await expect.poll(() => blobs.length).toBe(1);
    expect(blobs[0]!.type).toBe('application/json');
    const file = JSON.parse(await blobs[0]!.text());
    expect(file).toEqual(classicalParamsFile({ runId: 'run-classical-0001', metrics, params: classical[1]! }));
    expect(file.series.map((s: { label: string }) => s.label)).toEqual(['store a', 'store b']);
    expect(names).toEqual([expect.stringMatching(/^forecast-lab-theta-parameters-.*\d{4}-\d{2}-\d{2}\.json$/)]);
  });

  it('shows no parameter downloads for a run without classical models', async () => {
    const run = makeRun('run-plain-0001');
    const screen = await render(EvaluatePanel, { metrics: run.metrics as unknown as RunMetrics, samples: [], primary: 'wape' });
    await expect.element(screen.getByTestId('leaderboard')).toBeVisible();
    expect(screen.container.querySelector('[data-testid="classical-params"]')).toBeNull();
  });
});
