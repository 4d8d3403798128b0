import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * ../shared/reference/drift.json (next to the repo root), computed with scipy/numpy by drift_ref.py — see `versions`
 * in the file (scipy 1.10.1, sklearn 1.2.1, numpy 1.24.2 when written). Its `definitions` text says what each number
 * means (bins, eps, which scipy call).
 */
export const DRIFT_REFERENCE_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference/drift.json');

export interface JensenShannonBins {
  n_bins: number;
  value: number;
}

export interface NumericDriftCase {
  name: string;
  reference: number[];
  current: number[];
  expected: {
    kind: 'numeric';
    n_ref: number;
    n_cur: number;
    ref_mean: number;
    cur_mean: number;
    ref_std_ddof0: number;
    ks_2samp: { statistic: number; pvalue_auto: number; pvalue_asymp: number };
    wasserstein: number;
    wasserstein_normed: number;
    psi: { value: number; bins: string; eps: number; inner_edges: number[]; ref_props: number[]; cur_props: number[] };
    jensenshannon_base2: {
      sturges_pooled: JensenShannonBins;
      equal_width_30_pooled: JensenShannonBins;
      psi_ref_decile_bins: JensenShannonBins;
    };
    psi_evidently_style: number;
  };
}

export interface ChiSquareReference {
  /** A number, or the string "inf" (JSON has no Infinity). */
  statistic: number | 'inf';
  pvalue: number;
  dof: number;
}

export interface CategoricalDriftCase {
  name: string;
  reference: string[];
  current: string[];
  expected: {
    kind: 'categorical';
    n_ref: number;
    n_cur: number;
    categories: string[];
    ref_counts: number[];
    cur_counts: number[];
    chisquare_gof: ChiSquareReference;
    chi2_contingency: ChiSquareReference;
    psi: { value: number; eps: number; bins: string };
    jensenshannon_base2: number;
  };
}

export interface DriftReference {
  versions: Record<string, string>;
  definitions: string;
  numeric: NumericDriftCase[];
  categorical: CategoricalDriftCase[];
}

export const driftReference = JSON.parse(readFileSync(DRIFT_REFERENCE_PATH, 'utf8')) as DriftReference;

/** A reference statistic as a number ("inf" → Infinity). */
export const referenceNumber = (value: number | 'inf'): number => (value === 'inf' ? Infinity : value);

export const numericCase = (name: string): NumericDriftCase => {
  const found = driftReference.numeric.find((c) => c.name === name);
  if (!found) throw new Error(`no numeric case ${name} in ${DRIFT_REFERENCE_PATH}`);
  return found;
};

export const categoricalCase = (name: string): CategoricalDriftCase => {
  const found = driftReference.categorical.find((c) => c.name === name);
  if (!found) throw new Error(`no categorical case ${name} in ${DRIFT_REFERENCE_PATH}`);
  return found;
};
