import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { userEvent } from 'vitest/browser';
import { featureSqlMessages as t } from '../../src/lib/messages/feature-sql';
import type { FeatureSpec } from '../../src/lib/features/types';
import type { FeaturesResult } from '../../src/workers/data-protocol';
import FeatureSqlBox from '../../src/ui/FeatureSqlBox.svelte';

const SPEC: FeatureSpec = {
  version: 1,
  lags: [1, 52],
  rolling: [],
  calendar: { dayOfWeek: false, month: false, weekOfYear: true, holiday: 'isholiday', holidayDistance: false },
  covariates: [],
  seriesIdentity: 'one-hot',
  target: 'series-scale',
  scale: 'standard',
};
const NAMES = ['lag_1', 'lag_52', 'week_sin', 'week_cos', 'isholiday', 'series=store 1 · dept 2'];
const MAPPING = { date: 'date', sales: 'sales', keys: ['store', 'dept'], covariates: ['isholiday'] };

/** The fields of the Features cell's result that the box reads (the rest is the stage's table and chart). */
function result(names = NAMES): FeaturesResult {
  return { spec: SPEC, frequency: 'weekly', names, plan: { windows: [{ trainEnd: 15_529 }] } } as unknown as FeaturesResult;
}

afterEach(() => vi.restoreAllMocks());

describe('FeatureSqlBox.svelte', () => {
  it('shows the DuckDB query over the data’s file, and the Spark one over a table, on the toggle', async () => {
    const screen = await render(FeatureSqlBox, { result: result(), mapping: MAPPING, fileName: 'walmart-store1-top10-depts-weekly.csv' });
    const text = screen.getByTestId('feature-sql-text');
    await expect.element(text).toHaveValue(expect.stringContaining("FROM read_csv_auto('walmart-store1-top10-depts-weekly.csv')"));
    await expect.element(text).toHaveValue(expect.stringContaining('unnest(range(first_period, last_period + 1))'));
    await expect.element(text).toHaveValue(expect.stringContaining("DATE '2012-07-08'"));
    await userEvent.click(screen.getByLabelText(t.spark));
    await expect.element(text).toHaveValue(expect.stringContaining('FROM sales\n'));
    await expect.element(text).toHaveValue(expect.stringContaining('explode(sequence(first_period, last_period))'));
    await expect.element(screen.getByRole('textbox', { name: t.sqlLabel(t.spark) })).toBeVisible();
  });

  it('copies the query shown with navigator.clipboard, and says so when the browser refuses', async () => {
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const screen = await render(FeatureSqlBox, { result: result(), mapping: MAPPING, fileName: 'Product-sales example (seed 42)' });
    await userEvent.click(screen.getByTestId('copy-feature-sql'));
    await expect.element(screen.getByTestId('copy-feature-sql')).toHaveTextContent(t.copied);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]![0]).toContain("FROM read_csv_auto('sales.csv')");
    expect(write.mock.calls[0]![0]).toBe((screen.getByTestId('feature-sql-text').element() as HTMLTextAreaElement).value);

    write.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    await userEvent.click(screen.getByTestId('copy-feature-sql'));
    await expect.element(screen.getByRole('status')).toHaveTextContent(t.copyFailed);
  });

  it('says why there is no query when the table’s columns are not the spec’s', async () => {
    const names = NAMES.filter((name) => name !== 'lag_52');
    const screen = await render(FeatureSqlBox, { result: result(names), mapping: MAPPING, fileName: 'x.csv' });
    await expect.element(screen.getByRole('alert')).toHaveTextContent('they first differ at column 2');
    await expect.element(screen.getByTestId('copy-feature-sql')).toBeDisabled();
  });
});
