// User-facing texts of monitoring: alert titles and explanations, data-quality findings (src/lib/monitor alert-*,
// data-quality-*, performance-*). Every explanation names the statistic and the threshold it crossed.
import { formatNumber } from '../format/format-number';

const quoted = (text: string): string => `“${text}”`;
/** 0.125 → "12.5%", 0.5 → "50%": one decimal, dropped when it is 0. */
const pct = (share: number): string => `${Number((share * 100).toFixed(1))}%`;
const times = (ratio: number): string => `${ratio.toFixed(2)}×`;
const list = (items: readonly string[]): string => items.map(quoted).join(', ');

/** Plain names of the drift tests the monitor may run; others are shown as named. */
const TEST_LABELS: Record<string, string> = {
  ks: 'Kolmogorov–Smirnov p-value',
  'ks-two-sample': 'Kolmogorov–Smirnov p-value',
  ks_2samp: 'Kolmogorov–Smirnov p-value',
  'chi-squared': 'chi-squared p-value',
  chisquare: 'chi-squared p-value',
  chi2: 'chi-squared p-value',
  z: 'Z-test p-value',
  psi: 'population stability index',
  wasserstein: 'normed Wasserstein distance',
  'wasserstein-normed': 'normed Wasserstein distance',
  'jensen-shannon': 'Jensen–Shannon distance',
  jensenshannon: 'Jensen–Shannon distance',
};
export const testLabel = (test: string): string => TEST_LABELS[test] ?? test;

/** "KS p-value 0.003 is below the threshold 0.05": a p-value alarms below its threshold, a distance above. */
const crossed = (test: string, statistic: number, threshold: number): string =>
  `the ${testLabel(test)} ${formatNumber(statistic)} is ${statistic < threshold ? 'below' : 'above'} the threshold ${formatNumber(threshold)}`;

export interface DriftText {
  test: string;
  statistic: number;
  threshold: number;
}

export interface DecayText {
  current: number;
  reference: number;
  ratio: number;
  limit: number;
}

export const alertMessages = {
  dataDriftTitle: (column: string) => `Data drift in ${quoted(column)}`,
  dataDrift: (column: string, d: DriftText) =>
    `The values of ${quoted(column)} the endpoint receives no longer look like the training data: ${crossed(d.test, d.statistic, d.threshold)}.`,
  datasetDriftTitle: (share: number) => `Dataset drift: ${pct(share)} of the columns`,
  datasetDrift: (share: number, limit: number, drifted: readonly string[]) =>
    `${pct(share)} of the monitored columns have drifted${drifted.length > 0 ? ` (${list(drifted)})` : ''}, at or above the ${pct(limit)} the alert is set at: the model now sees data unlike what it learnt from.`,
  predictionDriftTitle: () => 'Prediction drift',
  predictionDrift: (d: DriftText) =>
    `The forecasts served no longer look like the forecasts on the training test: ${crossed(d.test, d.statistic, d.threshold)}.`,
  targetDriftTitle: () => 'Target drift: sales have changed',
  targetDrift: (d: DriftText) => `Actual sales no longer look like the sales the model was trained on: ${crossed(d.test, d.statistic, d.threshold)}.`,
  segmentTitle: (column: string, value: string, bias: number) =>
    `Forecasts for ${column} ${value} are ${Math.round(Math.abs(bias) * 100)}% too ${bias > 0 ? 'high' : 'low'}`,
  segment: (column: string, value: string, bias: number, limit: number) =>
    `Over the monitoring window the served forecasts for ${column} ${value} are ${Math.round(Math.abs(bias) * 100)}% ${bias > 0 ? 'above' : 'below'} its actual sales (allowed: ±${Math.round(limit * 100)}%). A change in one ${column} hides in the total: this is where it shows first.`,
  performanceTitle: (ratio: number) => `Accuracy has decayed: WAPE ${times(ratio)} the test's`,
  performance: (d: DecayText) =>
    `The served forecasts’ WAPE is ${pct(d.current)}, ${times(d.ratio)} the ${pct(d.reference)} measured on the test at training; the alert is set above ${times(d.limit)} (WAPE ${pct(d.reference * d.limit)}).`,
  performanceMaeTitle: (ratio: number) => `Accuracy has decayed: MAE ${times(ratio)} the test's`,
  performanceMae: (d: DecayText) =>
    `The served forecasts’ mean absolute error is ${formatNumber(d.current)} units, ${times(d.ratio)} the ${formatNumber(d.reference)} measured on the test at training; the alert is set above ${times(d.limit)}.`,
  costTitle: (ratio: number) => `Forecast errors cost ${times(ratio)} more`,
  cost: (d: DecayText) =>
    `Forecast errors now cost ${formatNumber(d.current)} per series and period, ${times(d.ratio)} the ${formatNumber(d.reference)} on the test at training; the alert is set above ${times(d.limit)}.`,
  qualityTitle: {
    'schema-change': (column: string) => `Column ${quoted(column)} has stopped arriving`,
    missing: (column: string) => `Missing values in ${quoted(column)}`,
    'out-of-range': (column: string) => `Values of ${quoted(column)} out of range`,
    'new-category': (column: string) => `New values of ${quoted(column)}`,
  },
} as const;

export const dataQualityMessages = {
  columnAbsent: (column: string) => `The column ${quoted(column)} is missing from the incoming data, but the model was trained with it.`,
  columnEmpty: (column: string, rows: number) =>
    `Every value of ${quoted(column)} is missing in the ${rows} incoming ${rows === 1 ? 'row' : 'rows'}: the column has stopped arriving.`,
  missing: ({ column, share, reference, limit }: { column: string; share: number; reference: number; limit: number }) =>
    `${pct(share)} of the ${quoted(column)} values are missing, against ${pct(reference)} in training; the alert is set above ${pct(limit)}.`,
  outOfRange: (o: { column: string; count: number; share: number; min: number; max: number; low: number; high: number; limit: number }) =>
    `${o.count} ${o.count === 1 ? 'value' : 'values'} of ${quoted(o.column)} (${pct(o.share)}) fall outside the plausible range ${formatNumber(o.min)} to ${formatNumber(o.max)} (the training range plus its spread on each side; now ${formatNumber(o.low)} to ${formatNumber(o.high)}); the alert is set above ${pct(o.limit)}. A change of units or a data-entry error?`,
  newCategory: ({ column, rows, shown, total }: { column: string; rows: number; shown: readonly string[]; total: number }) =>
    `${rows} ${rows === 1 ? 'row carries' : 'rows carry'} ${total === 1 ? 'a value' : `${total} values`} of ${quoted(column)} never seen in training: ${list(shown)}${total > shown.length ? ', …' : ''}. The model knows nothing about ${total === 1 ? 'it' : 'them'}.`,
} as const;
