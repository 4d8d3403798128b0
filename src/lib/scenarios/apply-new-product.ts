import { dayToIso } from '../core/days';
import { seriesRows } from '../features/series-rows';
import { scenarioMessages as m } from '../messages/scenarios';
import { addSeries } from './add-series';
import { NOISE_SIGMA } from './continue-sales';
import { notApplicable } from './not-applicable';
import { stochasticRound } from './stochastic-round';
import { uniqueValue } from './unique-value';
import type { ScenarioInput, ScenarioOutcome } from './types';

/**
 * From the onset a new value of the last key column ("new-1") sells wherever the template value does (the target;
 * default: the first value of that column), e.g. a new product in every store that sells product P01. Its rows copy
 * the template's future rows, covariates included (same shelf, same promotions), with sales × strength × fresh noise,
 * so it resembles the template without being a copy a model could match exactly. It has no rows before the onset.
 */
export function applyNewProduct(input: ScenarioInput): ScenarioOutcome {
  const { data, spec, step, rng, salesDecimals } = input;
  const last = data.seriesKeys.length - 1;
  if (last < 0) return notApplicable(input, m.noKeysForNewProduct());
  const column = data.seriesKeyValues.map((values) => values[last] ?? '');
  const template = spec.target === null ? (column[0] ?? '') : column.find((value) => value === spec.target);
  if (template === undefined) return notApplicable(input, m.unknownTemplate(data.seriesKeys[last] ?? '', spec.target ?? ''));

  const value = uniqueValue('new-1', column);
  const offsets = seriesRows(data);
  const added = data.seriesKeyValues.flatMap((values, s) => {
    if (values[last] !== template) return [];
    const rows: number[] = [];
    for (let r = offsets[s] as number; r < (offsets[s + 1] as number); r++) if ((step[r] as number) >= spec.onset) rows.push(r);
    return [{ keyValues: values.map((v, k) => (k === last ? value : v)), rows }];
  });
  const out = addSeries(data, step, { added });
  for (let r = out.firstAdded; r < out.data.sales.length; r++) {
    const noise = Math.exp(NOISE_SIGMA * rng.normal() - (NOISE_SIGMA * NOISE_SIGMA) / 2);
    out.data.sales[r] = Math.max(0, stochasticRound((out.data.sales[r] as number) * spec.strength * noise, salesDecimals, rng));
  }
  const key = data.seriesKeys[last] ?? '';
  return {
    data: out.data,
    applicable: true,
    notes: [m.newProduct(dayToIso(input.onsetDate), key, value, added.length, template, spec.strength)],
  };
}
