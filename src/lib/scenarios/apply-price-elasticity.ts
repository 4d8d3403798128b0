import { dayToIso } from '../core/days';
import { isFlagColumn } from '../data/find-covariate';
import { scenarioMessages as m } from '../messages/scenarios';
import { findTargetSeries } from './find-target-series';
import { notApplicable } from './not-applicable';
import { scaleFutureSales } from './scale-future-sales';
import { decimalsOf, roundTo } from './stochastic-round';
import { PRICE_SHOCK_ELASTICITY, type ScenarioInput, type ScenarioOutcome } from './types';

/** Names that usually hold a price (price, unit_price, SellPrice); a 0/1 column such as "price_cut" is a flag, not one. */
const PRICE_PATTERN = /price/i;
/** A price can fall by at most this share: a cut to nothing would make demand infinite. */
const MAX_CUT = 0.95;

/**
 * Concept drift: from the onset the price column is × (1 + strength) in the hit series (default: every series), and
 * sales answer with PRICE_SHOCK_ELASTICITY, i.e. × (1 + strength)^elasticity against the control future, which
 * already carries the old response to last year's prices. The model sees the new prices and applies the response it
 * learnt, so its error comes from the changed relation, not from the inputs alone.
 */
export function applyPriceElasticity(input: ScenarioInput): ScenarioOutcome {
  const { data, spec, step } = input;
  const names = Object.keys(data.covariates);
  const price = names.find((name) => PRICE_PATTERN.test(name) && !isFlagColumn(data.covariates[name] as Float64Array));
  if (price === undefined) return notApplicable(input, m.noPrice(names));
  const target = findTargetSeries(data, spec.target, 'every');
  if (target === null) return notApplicable(input, m.unknownTarget(spec.target ?? ''));

  const rise = Math.max(1 - MAX_CUT, 1 + spec.strength);
  const salesFactor = Math.pow(rise, PRICE_SHOCK_ELASTICITY);
  const column = data.covariates[price] as Float64Array;
  const decimals = decimalsOf(column);
  for (let r = 0; r < step.length; r++) {
    if ((step[r] as number) >= spec.onset && target.hit[data.series[r] as number] === 1) column[r] = roundTo((column[r] as number) * rise, decimals);
  }
  scaleFutureSales(input, target.hit, () => salesFactor);
  return {
    data,
    applicable: true,
    notes: [m.priceElasticity(dayToIso(input.onsetDate), target.where, price, rise - 1, salesFactor)],
  };
}
