// User-facing texts for the Explore stage (src/lib/eda, src/lib/charts, the chart component).

export const exploreMessages = {
  decompositionTooShort: (points: number, period: number) =>
    `Too short to separate trend from seasonality: ${points} periods, and it takes at least ${2 * period} (two full cycles of ${period}).`,
  decompositionTooSparse: (observed: number, period: number) =>
    `Too many missing values to separate trend from seasonality: ${observed} observed periods, and it takes at least ${2 * period}.`,
  promoNoOverlap: (flag: string) =>
    `Cannot estimate the effect of "${flag}": no series has both days with it and days without it.`,
  priceNoVariation: (price: string) =>
    `Cannot estimate price elasticity: "${price}" does not change within any series (on the rows that count).`,
  priceTooFewRows: (price: string) =>
    `Cannot estimate price elasticity: too few rows with a positive "${price}" and positive sales.`,
  noChartData: 'No data to chart',
  chartFailed: (reason: string) => `Could not draw this chart: ${reason}`,
} as const;
