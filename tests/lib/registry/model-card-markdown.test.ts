import { describe, expect, it } from 'vitest';
import { modelCardTexts, registryMessages as m } from '../../../src/lib/messages/registry';
import { markdownTable, modelCardMarkdown } from '../../../src/lib/registry/model-card-markdown';
import { registerVersion } from '../../../src/lib/registry/registry-actions';
import { deepFreeze, makeDraft, minute, promotedRegistry, registryWith } from './fixtures';

const sectionOf = (card: string, title: string): string => card.split(`## ${title}\n`)[1]!.split('\n## ')[0]!;

describe('modelCardMarkdown({ registry, versionId, … })', () => {
  const card = modelCardMarkdown({
    registry: deepFreeze(promotedRegistry()),
    versionId: 'sales:v2',
    frequency: 'daily',
    horizon: 14,
    driftHistory: [{ when: '2024-07-01', what: 'PSI 0.31 on price' }],
  });

  it('has a title with the aliases, then every section in order', () => {
    expect(card.startsWith('# Model card: sales v2 (MLP)\n\nAliases: champion.\n')).toBe(true);
    const headings = card.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(Object.values(modelCardTexts.sections).map((title) => `## ${title}`));
    expect(card).toContain('Retrained after a price change.');
  });

  it('states the intended use for the data’s period and horizon, and what it is not for', () => {
    const section = sectionOf(card, 'Intended use');
    expect(section).toContain('per day, up to 14 days ahead, so the shop can buy the right amount');
    expect(section).toContain(modelCardTexts.notFor);
    const custom = modelCardMarkdown({ registry: promotedRegistry(), versionId: 'sales:v2', intendedUse: 'Weekly orders for store 1.' });
    expect(sectionOf(custom, 'Intended use')).toContain('Weekly orders for store 1.');
  });

  it('says what is forecast from the data’s key columns: one series, one key, or a combination', () => {
    const use = (seriesKeys?: string[]) => sectionOf(modelCardMarkdown({ registry: promotedRegistry(), versionId: 'sales:v2', frequency: 'monthly', horizon: 12, ...(seriesKeys ? { seriesKeys } : {}) }), 'Intended use');
    expect(use([])).toContain('Forecasts the units sold per month, up to 12 months ahead');
    expect(use(['dept'])).toContain('Forecasts the units sold of each dept per month');
    expect(use(['store', 'item'])).toContain('Forecasts the units sold of each combination of store and item per month');
    expect(use()).toContain('of each series per month');
  });

  it('describes the data and features: hash, training window as ISO dates, lags, rolling windows, calendar, target', () => {
    const section = sectionOf(card, 'Data and features');
    expect(section).toContain('| Training window | 2024-01-01 to 2024-06-30 |');
    expect(section).toContain('| Lags (periods) | 1, 7, 14 |');
    expect(section).toContain('| Rolling windows | 7 (mean) |');
    expect(section).toContain('| Calendar | day of week, month (cyclic) |');
    expect(section).toContain('| Covariates (known in advance) | none |');
    expect(section).toContain('| Target transform | series-scale |');
    expect(section).toContain('a1b2c3d4');
  });

  it('shows the metrics per role, formatted, with the savings against seasonal naive', () => {
    const section = sectionOf(card, 'Metrics');
    for (const row of [
      '| WAPE | 20.0% |', '| MASE | 0.8 |', '| MAE (units) | 8 |', '| RMSE (units) | 11 |', '| P10–P90 coverage | 78.0% |',
      '| Service level | 90.0% |', '| Stockout units | 10 |', '| Overstock units | 12 |',
      '| Cost of forecast error | 4,600 |', '| Savings vs seasonal naive | 2,200 |', '| WAPE improvement over seasonal naive | 33.3% |',
    ]) expect(section).toContain(row);
    expect(section).toContain('### Data scientist');
    expect(section).toContain('### Demand planner');
    expect(section).toContain('### Business');
  });

  it('lists the honest limitations, the lineage with the model spec as JSON, and the drift history', () => {
    expect(sectionOf(card, 'Limitations')).toContain('errors accumulate');
    const lineage = sectionOf(card, 'Lineage');
    expect(lineage).toContain('| Parent version | v1 |');
    expect(lineage).toContain('| Seed | 42 |');
    expect(lineage).toContain(modelCardTexts.lineage.noRun);
    expect(lineage).toContain('```json\n{\n');
    expect(lineage).toContain('"kind": "mlp"');
    expect(sectionOf(card, 'Drift history')).toContain('| 2024-07-01 | PSI 0.31 on price |');
  });

  it('ends with this version’s audit entries, escaping a "|" and a line break typed in a reason', () => {
    const audit = sectionOf(card, 'Audit');
    expect(audit).toContain('| 2024-07-01T09:04:00.000Z | registered | v2 | drift on price | auto (retrain policy) | – |');
    expect(audit).toContain('| promoted to champion (was v1) | v2 | gates pass | auto (retrain policy) | 1 of 1 passed |');
    expect(audit).not.toContain('first');
    const first = modelCardMarkdown({ registry: promotedRegistry(), versionId: 'sales:v1' });
    expect(sectionOf(first, 'Audit')).toContain('| first \\| model beats naive | you |');
    expect(first).toContain('Aliases: none.');
  });

  it('says "not monitored yet" without drift history, and names an unreadable feature spec', () => {
    let r = registryWith(0);
    r = registerVersion(r, makeDraft({ featureSpec: { lags: 'many' }, spec: null, model: 'seasonal-naive' }), { now: minute(1), why: 'x' }).registry;
    const baseline = modelCardMarkdown({ registry: r, versionId: 'sales:v1' });
    expect(sectionOf(baseline, 'Drift history')).toContain(modelCardTexts.notMonitored);
    expect(baseline).toContain('The feature spec cannot be read');
    expect(baseline).toContain('# Model card: sales v1 (Seasonal naive)');
    expect(sectionOf(baseline, 'Lineage')).toContain(modelCardTexts.lineage.baseline);
  });

  it('throws for a version the registry does not have', () => {
    expect(() => modelCardMarkdown({ registry: promotedRegistry(), versionId: 'sales:v9' })).toThrow(m.unknownVersion('sales:v9', 'sales'));
  });
});

describe('markdownTable(header, rows)', () => {
  it('writes a header separator and keeps every row’s columns', () => {
    expect(markdownTable(['A', 'B'], [['1', ''], ['x|y', 'a\nb']])).toBe('| A | B |\n| --- | --- |\n| 1 | – |\n| x\\|y | a b |');
  });
});
