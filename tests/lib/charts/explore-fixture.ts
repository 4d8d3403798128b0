import { exploreSales, type ExploreResult } from '../../../src/lib/eda/explore-sales';
import { createRng } from '../../../src/lib/random/rng';
import { makeSales, simulateSales } from '../eda/make-sales';

/** One ExploreResult from a small simulated panel with promotions, prices, an outlier and a stock-out. */
export function exploreFixture(): ExploreResult {
  const rows = simulateSales({ rng: createRng(5), days: 120, stores: 3, products: 5, promoUplift: 1.3, elasticity: -1 });
  rows[50]!.sales *= 6;
  for (let t = 60; t < 70; t++) rows[120 + t]!.sales = 0;
  return exploreSales(makeSales(rows, { keys: ['store', 'product'], covariates: ['promo', 'price'] }));
}
