// User-facing texts for drift monitoring (src/lib/monitor). See ./index.ts.
import { formatNumber } from '../format/format-number';
import type { DriftTestName } from '../monitor/choose-drift-test';

export const monitorMessages = {
  /** Why a column's drift could not be measured. */
  emptySample: (column: string, sides: ('reference' | 'current')[]) =>
    `“${column}” has no values in the ${sides.join(' or the ')} data (all missing), so its drift cannot be measured.`,
  numericTestOnCategories: (test: DriftTestName, column: string) =>
    `The ${driftTestLabels[test]} test needs numbers, but “${column}” is categorical. Choose chi-square, Z-test, Jensen–Shannon or PSI for it.`,
  /** Labels of the bins of the "which bins moved" chart. */
  binBelow: (edge: number) => `< ${formatNumber(edge)}`,
  binBetween: (from: number, to: number) => `${formatNumber(from)} – ${formatNumber(to)}`,
  binFrom: (edge: number) => `≥ ${formatNumber(edge)}`,
  binValue: (value: number) => formatNumber(value),
};

export const driftTestLabels: Record<DriftTestName, string> = {
  ks: 'Kolmogorov–Smirnov',
  chisquare: 'chi-square',
  z: 'Z-test',
  wasserstein: 'Wasserstein distance (normed)',
  jensenshannon: 'Jensen–Shannon distance',
  psi: 'PSI',
};
