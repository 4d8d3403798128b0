import { sortFinite } from '../core/finite';
import { monitorMessages } from '../messages/monitor';
import { categoryCounts } from './category-counts';
import { chiSquareGoodnessOfFit } from './chi-square';
import { chooseDriftTest, DRIFT_TEST_DEFAULTS, type ColumnKind, type DriftTestName } from './choose-drift-test';
import { MAX_DRIFT_BINS, rangeDriftBins, valueDriftBins, type DriftBin } from './drift-bins';
import { histogramSorted } from './histogram';
import { jensenShannonDistance } from './jensen-shannon';
import { ksTwoSampleSorted } from './ks-two-sample';
import { categoricalPopulationStability, populationStabilitySorted } from './population-stability';
import { sturgesEdges } from './sturges-edges';
import { countDistinctUnion, valueCountsSorted } from './value-counts';
import { normedWassersteinSorted } from './wasserstein-distance';
import { zTest } from './z-test';


export interface ColumnDriftInput {
  column: string;
  kind: ColumnKind;
  reference: ArrayLike<number> | readonly string[];
  current: ArrayLike<number> | readonly string[];
  /** Override of the default test (chooseDriftTest). */
  test?: DriftTestName;
  /** Override of the test's default threshold. */
  threshold?: number;
}

export interface ColumnDrift {
  column: string;
  kind: ColumnKind;
  test: DriftTestName;
  /** KS D, chi-square χ², Z-test z, or the distance (normed Wasserstein, Jensen–Shannon, PSI). NaN when not measurable. */
  statistic: number;
  /** The p-value of a significance test (ks, chisquare, z); null for the distances. */
  pValue: number | null;
  threshold: number;
  thresholdKind: 'p-value' | 'distance';
  drifted: boolean;
  referenceSize: number;
  currentSize: number;
  /** Reference vs current distribution on the bins the test used (numeric: ≤ 20 bins from the reference range; categorical: one per category, new categories included). */
  bins: DriftBin[];
  /** Why the drift could not be measured (a side with no values), when it could not. */
  note?: string;
}

/**
 * Whether one column's distribution moved between the reference data (what the model was trained on) and the current
 * data (what it is being served), with Evidently's defaults (./choose-drift-test.ts) unless `test` or `threshold`
 * say otherwise.
 *
 *   1. clean    numeric: NaN/±Infinity dropped, then sorted once; categorical: null/'' dropped, then counted
 *   2. choose   the test from the column kind, reference size and distinct values (or the override)
 *   3. measure  the statistic (and p-value) on the sorted samples or the counts
 *   4. decide   drifted = p ≤ threshold for a significance test, distance ≥ threshold for a distance
 *   5. bins     both sides' shares per bin, for the chart
 *
 * Every step is linear after the sort — the exact KS p-value, O(n·m), only runs for a reference of ≤ 1000 rows
 * against ≤ 10 000 — so 100 000 × 100 000 rows take tens of milliseconds. KS and Wasserstein need numbers: asked
 * for on a categorical column they throw.
 */
export function columnDrift(input: ColumnDriftInput): ColumnDrift {
  return input.kind === 'numeric' ? _numericDrift(input) : _categoricalDrift(input);
}

interface Measured {
  statistic: number;
  pValue: number | null;
}

function _numericDrift(input: ColumnDriftInput): ColumnDrift {
  const reference = sortFinite(_toNumbers(input.reference));
  const current = sortFinite(_toNumbers(input.current));
  const ref = reference.sorted;
  const cur = current.sorted;
  const distinctValues = countDistinctUnion(ref, cur, MAX_DRIFT_BINS + 1);
  const test = input.test ?? chooseDriftTest({ kind: 'numeric', referenceSize: ref.length, distinctValues });
  const sizes = { referenceSize: ref.length, currentSize: cur.length };
  if (ref.length === 0 || cur.length === 0) return _unmeasured(input, test, sizes);
  const few = distinctValues <= MAX_DRIFT_BINS ? valueCountsSorted(ref, cur) : null;
  const counts = (): { reference: number[]; current: number[] } => few ?? valueCountsSorted(ref, cur);
  let measured: Measured;
  switch (test) {
    case 'ks': {
      const { statistic, pValue } = ksTwoSampleSorted(ref, cur);
      measured = { statistic, pValue };
      break;
    }
    case 'wasserstein':
      measured = { statistic: normedWassersteinSorted(ref, cur), pValue: null };
      break;
    case 'psi':
      measured = { statistic: populationStabilitySorted(ref, cur).value, pValue: null };
      break;
    case 'jensenshannon': {
      // Evidently bins by Sturges' rule when the reference has more than 20 distinct values, by value otherwise.
      if (reference.distinct > MAX_DRIFT_BINS) {
        const edges = sturgesEdges([ref, cur]);
        measured = { statistic: jensenShannonDistance(histogramSorted(ref, edges), histogramSorted(cur, edges)), pValue: null };
      } else {
        const { reference: r, current: c } = counts();
        measured = { statistic: jensenShannonDistance(r, c), pValue: null };
      }
      break;
    }
    default: {
      const { reference: r, current: c } = counts();
      measured = _countTest(test, r, c);
    }
  }
  const bins = few ? valueDriftBins(few.values.map(monitorMessages.binValue), few.reference, few.current) : rangeDriftBins(ref, cur);
  return _decide(input, test, sizes, measured, bins);
}

function _categoricalDrift(input: ColumnDriftInput): ColumnDrift {
  const counts = categoryCounts(_toLabels(input.reference), _toLabels(input.current));
  const sizes = { referenceSize: _sum(counts.reference), currentSize: _sum(counts.current) };
  const test = input.test ?? chooseDriftTest({ kind: 'categorical', referenceSize: sizes.referenceSize, distinctValues: counts.categories.length });
  if (test === 'ks' || test === 'wasserstein') throw new Error(monitorMessages.numericTestOnCategories(test, input.column));
  if (sizes.referenceSize === 0 || sizes.currentSize === 0) return _unmeasured(input, test, sizes);
  const measured = _countTest(test, counts.reference, counts.current);
  return _decide(input, test, sizes, measured, valueDriftBins(counts.categories, counts.reference, counts.current));
}

/** The tests that work on counts per category (or per value of a numeric column). */
function _countTest(test: DriftTestName, reference: number[], current: number[]): Measured {
  switch (test) {
    case 'z': {
      const { statistic, pValue } = zTest(reference, current);
      return { statistic, pValue };
    }
    case 'jensenshannon':
      return { statistic: jensenShannonDistance(reference, current), pValue: null };
    case 'psi':
      return { statistic: categoricalPopulationStability(reference, current), pValue: null };
    default: {
      const { statistic, pValue } = chiSquareGoodnessOfFit(reference, current);
      return { statistic, pValue };
    }
  }
}

type Sizes = Pick<ColumnDrift, 'referenceSize' | 'currentSize'>;

function _decide(input: ColumnDriftInput, test: DriftTestName, sizes: Sizes, measured: Measured, bins: DriftBin[]): ColumnDrift {
  const { thresholdKind, threshold: defaultThreshold } = DRIFT_TEST_DEFAULTS[test];
  const threshold = input.threshold ?? defaultThreshold;
  // NaN compares false either way: a statistic that could not be computed never flags drift.
  const drifted = thresholdKind === 'p-value' ? (measured.pValue as number) <= threshold : measured.statistic >= threshold;
  return { column: input.column, kind: input.kind, test, ...measured, threshold, thresholdKind, drifted, ...sizes, bins };
}

function _unmeasured(input: ColumnDriftInput, test: DriftTestName, sizes: Sizes): ColumnDrift {
  const empty = (['reference', 'current'] as const).filter((side) => sizes[`${side}Size`] === 0);
  const pValue = DRIFT_TEST_DEFAULTS[test].thresholdKind === 'p-value' ? NaN : null;
  return { ..._decide(input, test, sizes, { statistic: NaN, pValue }, []), note: monitorMessages.emptySample(input.column, [...empty]) };
}

/** Numbers as given; strings parsed, the blank ones (a CSV's empty cell) as missing rather than 0. */
function _toNumbers(values: ArrayLike<number> | readonly (string | null)[]): ArrayLike<number> {
  if (ArrayBuffer.isView(values)) return values as ArrayLike<number>;
  return Float64Array.from(values as ArrayLike<number | string | null>, (v) =>
    typeof v === 'number' ? v : v === null || v === undefined || v.trim() === '' ? NaN : Number(v),
  );
}

/** Labels as given; numbers written out, NaN as missing. */
function _toLabels(values: ArrayLike<number> | readonly (string | null)[]): (string | null)[] {
  return Array.from(values as ArrayLike<number | string | null>, (v) =>
    typeof v === 'number' ? (Number.isNaN(v) ? null : String(v)) : v,
  );
}

function _sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
