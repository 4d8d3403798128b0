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

/** Labels and sentences of the Explore stage (ExplorePanel, ColumnSummaryTable). */
export const explorePanelTexts = {
  show: 'Show',
  total: 'Total of all series',
  byKey: (key: string) => `By ${key}`,
  oneSeries: 'One series',
  series: 'Series',
  charts: {
    overTime: 'Sales over time',
    seasonal: (period: string) => `Seasonal profile by ${period}`,
    distribution: 'Distribution of sales',
    promo: 'Promotion uplift',
    price: 'Price against sales',
    decomposition: 'Decomposition of total sales',
    outliers: 'Outliers in the series with the strongest one',
  },
  zeroShare: (percent: string) => `${percent}% of rows sold nothing.`,
  promoUplift: (uplift: string, within: string) => `Promotion days sell ${uplift} against comparable days (${within}).`,
  elasticity: (elasticity: string, percent: string, fewer: boolean) =>
    `Price elasticity ≈ ${elasticity}: 1% dearer sells about ${percent}% ${fewer ? 'fewer' : 'more'} units.`,
  decompositionTitle: 'Trend, seasonality and what is left',
  outliersTitle: 'Outliers and runs of zero sales',
  outlierCount: (facts: { outliers: number; series: number; threshold: number; runs: number; minLength: number }) =>
    `${facts.outliers.toLocaleString('en')} outlier rows in ${facts.series} series (robust z beyond ${facts.threshold}); ${facts.runs.toLocaleString('en')} runs of at least ${facts.minLength} periods with zero sales.`,
  zeroRuns: { series: 'Series', from: 'From', to: 'To', periods: 'Periods', where: 'Where' },
  zeroRunsTable: 'Runs of zero sales',
  summaryTable: 'Column summaries',
  summary: {
    column: 'Column',
    role: 'Role',
    type: 'Type',
    count: 'Count',
    missing: 'Missing',
    distinct: 'Distinct',
    min: 'Min',
    p05: 'P5',
    p25: 'P25',
    median: 'Median',
    p75: 'P75',
    p95: 'P95',
    max: 'Max',
    mean: 'Mean',
    std: 'Std',
    skew: 'Skew',
  },
  stdHelp: 'sample standard deviation (n − 1)',
} as const;
