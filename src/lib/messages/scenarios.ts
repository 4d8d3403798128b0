// User-facing texts for the simulated future and its drift scenarios (src/lib/scenarios).
// Tests compare notes and parse results with these, so a wording change here is the only change needed.
import type { Frequency } from '../data/types';
import { PRICE_SHOCK_ELASTICITY, type ScenarioId } from '../scenarios/types';

const quoted = (text: string): string => `“${text}”`;
const list = (names: readonly string[]): string => (names.length === 0 ? 'no covariates' : names.map(quoted).join(', '));
/** 0.35 → "35%", 0.125 → "12.5%": a share or a change as people say it. */
const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;
const PERIOD: Record<Frequency, [string, string]> = { daily: ['day', 'days'], weekly: ['week', 'weeks'], monthly: ['month', 'months'] };
const periods = (count: number, frequency: Frequency): string => `${count} ${PERIOD[frequency][count === 1 ? 0 : 1]}`;
const elasticity = `−${Math.abs(PRICE_SHOCK_ELASTICITY)}`;

/** The scenario library's texts: what each one does to the world, and what monitoring should make of it. */
export const SCENARIO_TEXTS: Readonly<Record<ScenarioId, { title: string; story: string; expectation: string; strengthLabel: string }>> = {
  control: {
    title: 'Control: no drift',
    story:
      'The future carries on like the past: each period replays the same period a year earlier, with each series’ own growth and a little fresh noise. Nothing about the customers, the prices or the data feed changes.',
    expectation:
      'No alert should fire: errors stay close to the backtest’s and the drift scores stay low. An occasional alert here is a false alarm, the price of sensitive thresholds. Measured (npm run bench, 20 seeded worlds of a year, ridge champion on the example, horizon 14, default thresholds): no alert in any of the 20 runs (0 false alarms per simulated year).',
    strengthLabel: 'Not used: nothing changes',
  },
  'gradual-growth': {
    title: 'Gradual demand growth',
    story:
      'From the onset demand climbs steadily, by the strength per year (0.4 = +40% a year), as when a neighbourhood grows or a brand catches on. Prices, promotions and the calendar stay as they were.',
    expectation:
      'A slow drift: the model forecasts more and more below the actual sales, so the bias shows it first and the error grows period by period; alerts come late, once the ramp has built up and the sales distribution has drifted upwards. Retraining on recent data recovers most of it, but keeps lagging a trend that is still going. Measured (20 worlds, default strength 0.4, drift from period 42): no alert within 78 periods of the onset in any run; over a year, a target-drift alert in 20/20 runs, a median 110 periods (86–113) after the onset. Slow drift hides under the noise for months.',
    strengthLabel: 'Growth per year (0.4 = +40%)',
  },
  'level-shift': {
    title: 'Sudden level shift in one store',
    story:
      'At the onset a competitor opens next to one store (the target; by default the first), and its sales drop at once by the strength (0.5 = −50%) and stay down. The other stores carry on as before.',
    expectation:
      'A step: errors for that store jump right after the onset while the others stay flat, so the store’s bias alert fires long before the overall WAPE moves much (the total hides one store). Sales drift for that store. Retraining recovers once enough periods after the onset are in its training window. Measured (20 worlds, default strength 0.5): 20/20 runs alert, a median 9 periods (8–9) after the onset, every time first as the store’s bias alert.',
    strengthLabel: 'Drop in sales (0.5 = −50%)',
  },
  'price-elasticity': {
    title: 'Price rise with a changed price response',
    story: `From the onset prices rise by the strength (0.15 = +15%), and customers react more strongly than they used to: demand follows a price elasticity of ${elasticity}, stronger than the history taught the model. It needs a price column (a covariate whose name contains “price”).`,
    expectation:
      'Concept drift: the price column drifts at once (data drift on the price), and the model, still applying the old price response, forecasts too high, so a performance alert follows. Retraining helps only once enough periods at the new prices are in the training window for the model to learn the new response. Measured (20 worlds, default +15%): 20/20 runs alert, 4 periods after the onset, first as data drift on the price.',
    strengthLabel: 'Price rise (0.15 = +15%)',
  },
  'seasonality-shift': {
    title: 'Seasonality shift',
    story:
      'From the onset the sales pattern runs late by the strength in periods: for daily data the busy weekdays move (with 3, a Saturday peak moves to Tuesday); for weekly or monthly data the yearly peak comes that many weeks or months later. The level stays the same; only the timing moves.',
    expectation:
      'Total sales and their distribution barely change, so drift checks on the sales values can miss it; the performance check catches it, since the model’s weekly (or yearly) pattern is now out of step. The error by weekday, or by period of the year, shows where. Measured (20 worlds, default 3-period delay): 20/20 runs alert, a median 14 periods (13–41) after the onset, first as a performance alert.',
    strengthLabel: 'Delay in periods (days for daily data)',
  },
  'new-product': {
    title: 'New product launch',
    story:
      'At the onset a new product (“new-1”) appears in every store, selling like a copy of an existing product (the target; by default the first) scaled by the strength. It has no history, so the deployed model has never seen it.',
    expectation:
      'The number of series rises: a schema or data-quality check should flag the unseen series at once. The model forecasts them poorly, or not at all, until it is retrained with their first periods; the existing series keep their accuracy. Measured (20 worlds): 20/20 runs alert the period after the onset, first as data drift on the product column (the new category).',
    strengthLabel: 'Size relative to the product it resembles (0.8 = 80%)',
  },
  'units-bug': {
    title: 'Upstream bug: sales in cents',
    story:
      'From the onset the data feed reports sales multiplied by the strength (100: cents instead of units, or pieces instead of boxes). The shops sell exactly as before; only the numbers are wrong.',
    expectation:
      'Data drift on sales is immediate and huge, and every error metric explodes from the first affected period. The right response is to fix the feed, not to retrain: a model retrained on this data learns the bug. Measured (20 worlds, ×100): 20/20 runs alert the period after the onset, first as target drift (with data-quality and performance alerts).',
    strengthLabel: 'Factor on the reported sales (100 = cents)',
  },
  'missing-column': {
    title: 'Upstream bug: a column goes missing',
    story:
      'From the onset a covariate (the target; by default the first, e.g. the price) arrives empty in a share of the rows given by the strength (1 = all of them). With no covariates at all, the sales values go missing instead.',
    expectation:
      'A data-quality alert on the missing values from the first affected period. Forecasts that need the column fail or fall back to a default, so performance degrades as far as the model relied on it; the fix is upstream. Measured (20 worlds, the price column): 20/20 runs alert the period after the onset, first as a data-quality alert on the price.',
    strengthLabel: 'Share of rows that lose the value (1 = all)',
  },
  'renamed-category': {
    title: 'Upstream bug: a renamed category',
    story:
      'From the onset one key value (the target; by default the first store) arrives under a new name, for example “S1” as “s1”. Its series stop in the feed, and new series without history start in their place.',
    expectation:
      'A schema or data-quality check should flag series that stopped arriving and unseen series that appeared, both at the onset. The model has no history for the new names: mapping the name back fixes it, without retraining. Measured (20 worlds): 20/20 runs alert the period after the onset, first as data drift on the store column.',
    strengthLabel: 'Not used',
  },
};

export const scenarioMessages = {
  // Notes: what a simulated world changed, where and from when ---------------------------------------------------
  control: (): string =>
    'Nothing changes: the future replays the same periods a year earlier, with each series’ own growth and fresh noise.',
  gradualGrowth: (date: string, where: string, strength: number): string =>
    `From ${date}, demand in ${where} grows by ${percent(strength)} a year (a steady ramp).`,
  levelShift: (date: string, where: string, strength: number): string => `From ${date}, ${where} sells ${percent(strength)} less.`,
  priceElasticity: (date: string, where: string, price: string, rise: number, salesFactor: number): string =>
    `From ${date}, ${quoted(price)} rises by ${percent(rise)} in ${where}, and demand responds with an elasticity of ${elasticity}: sales are ${percent(1 - salesFactor)} lower than they would have been.`,
  seasonalityShift: (date: string, where: string, shift: number, frequency: Frequency): string =>
    `From ${date}, the sales pattern in ${where} runs ${periods(Math.abs(shift), frequency)} ${shift >= 0 ? 'late' : 'early'}.`,
  newProduct: (date: string, key: string, value: string, count: number, template: string, strength: number): string =>
    `From ${date}, ${key} ${quoted(value)} starts selling in ${count === 1 ? 'one series' : `${count} series`}, at about ${percent(strength)} of ${key} ${quoted(template)}; there is no history for ${count === 1 ? 'it' : 'them'}.`,
  unitsBug: (date: string, where: string, factor: number): string =>
    `From ${date}, the feed reports sales in ${where} multiplied by ${factor}.`,
  missingColumn: (date: string, column: string, share: number): string =>
    `From ${date}, ${quoted(column)} arrives empty in ${share >= 1 ? 'every row' : `${percent(share)} of the rows`}.`,
  missingSales: (date: string, share: number): string =>
    `The data has no covariates, so the sales go missing instead: from ${date}, ${share >= 1 ? 'every row' : `${percent(share)} of the rows`} arrive${share >= 1 ? 's' : ''} without a sales value.`,
  renamedCategory: (date: string, key: string, from: string, to: string, count: number): string =>
    `From ${date}, ${key} ${quoted(from)} arrives as ${quoted(to)}: ${count === 1 ? 'its series stops and a new one starts' : `its ${count} series stop and ${count} new ones start`}.`,
  afterWindow: (onset: number, simulated: number): string =>
    `The onset (period ${onset}) falls after the ${simulated} simulated periods, so nothing changes within them.`,
  everySeries: 'every series',
  theSeries: 'the series',
  keyValue: (key: string, value: string): string => `${key} ${value}`,

  // Scenarios that do not fit the data -----------------------------------------------------------------------------
  noPrice: (covariates: readonly string[]): string =>
    `This scenario needs a price column (a covariate whose name contains “price”), and the data has ${list(covariates)}.`,
  unknownTarget: (target: string): string => `No series has the key value ${quoted(target)}, so the scenario changes nothing.`,
  unknownTemplate: (key: string, target: string): string =>
    `No ${key} is called ${quoted(target)}, so the new product has nothing to resemble.`,
  unknownCovariate: (target: string, covariates: readonly string[]): string =>
    `There is no covariate ${quoted(target)} to remove; the data has ${list(covariates)}.`,
  noKeysForNewProduct: (): string =>
    'The data is one series with no key column, so a new product could not be told apart from it.',
  noKeysForRename: (): string => 'The data is one series with no key column, so there is no category name to rename.',

  // Inputs ---------------------------------------------------------------------------------------------------------
  noHistory: (): string => 'There is no history to continue: the data has no rows.',
  notSeed: (seed: number): string => `The seed must be a whole number (got ${seed}).`,
  notStrength: (strength: number): string => `The scenario’s strength must be a finite number (got ${strength}).`,

  // Reading a scenario spec (from a link or a stored run) ------------------------------------------------------
  specNotJson: (detail: string): string => `The scenario settings are not valid JSON (${detail}).`,
  specNotObject: (received: string): string => `The scenario settings must be an object, got ${received}.`,
  specIssue: (path: string, text: string): string => `Scenario settings, ${path}: ${text}`,
  specUnknownKey: 'not a scenario setting (misspelt, or from a newer version)',
  scenarioId: (ids: readonly string[]): string => `expected one of ${ids.join(', ')}`,
  onsetRange: (max: number): string => `expected a whole number of periods from 0 to ${max}`,
  strengthRange: (max: number): string => `expected a number from −${max} to ${max}`,
  targetLength: (max: number): string => `expected null or a text of 1 to ${max} characters`,
} as const;
