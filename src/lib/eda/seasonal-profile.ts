import type { SalesData } from '../data/types';
import { dayOfWeek, isoWeekOfYear, monthOfYear } from '../core/days';
import { finiteOrNull } from '../core/finite';
import { meanSalesPerSeries } from './mean-sales-per-series';

const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export type SeasonalPeriod = 'day-of-week' | 'month' | 'week-of-year';

export interface SeasonalProfileOptions {
  period: SeasonalPeriod;
}

export interface SeasonalSlot {
  /** 0-based: Monday = 0, January = 0, ISO week 1 = 0. */
  slot: number;
  label: string;
  /** Rows with recorded sales in this slot. */
  count: number;
  /** Plain mean of sales in the slot, in sales units (dominated by the biggest series: for display only). */
  meanSales: number | null;
  /**
   * Mean of per-series-normalised sales (each series divided by its own mean), relative to the average slot:
   * 1.2 means a typical series sells 20% more than usual in this slot. Null for an empty slot.
   */
  index: number | null;
}

export interface SeasonalProfile {
  period: SeasonalPeriod;
  slots: SeasonalSlot[];
  /** The slot with the highest index; null when fewer than two slots have data (e.g. day-of-week on weekly data). */
  peakSlot: number | null;
  troughSlot: number | null;
}

/**
 * Average sales per calendar slot. Each series is first divided by its own mean so that one big store does not
 * decide the shape for all; then the index is taken relative to the mean of the slot means (each slot weighted once),
 * so a data set covering a year and a half does not tilt the baseline towards the months it has twice.
 * Trend is not removed: on strongly trending data, month and week-of-year profiles mix the two.
 */
export function seasonalProfile(data: SalesData, { period }: SeasonalProfileOptions): SeasonalProfile {
  const slotCount = period === 'day-of-week' ? 7 : period === 'month' ? 12 : 53;
  const slotOf = period === 'day-of-week' ? dayOfWeek : period === 'month' ? monthOfYear : (d: number) => isoWeekOfYear(d) - 1;
  const label = period === 'day-of-week' ? weekdayLabel : period === 'month' ? monthLabel : weekLabel;
  const seriesMean = meanSalesPerSeries(data);
  const slotOfDay = slotsByDay(data.date, slotOf);

  const count = new Float64Array(slotCount);
  const rawSum = new Float64Array(slotCount);
  const normCount = new Float64Array(slotCount);
  const normSum = new Float64Array(slotCount);
  for (let i = 0; i < data.sales.length; i++) {
    const v = data.sales[i] as number;
    if (v !== v) continue;
    const slot = slotOfDay.slots[(data.date[i] as number) - slotOfDay.first] as number;
    count[slot]!++;
    rawSum[slot]! += v;
    // A series that never sells has no shape to contribute.
    const m = seriesMean[data.series[i] as number] as number;
    if (m > 0) {
      normCount[slot]!++;
      normSum[slot]! += v / m;
    }
  }

  const normMean = Array.from(normSum, (sum, s) => ((normCount[s] as number) > 0 ? sum / (normCount[s] as number) : NaN));
  const filled = normMean.filter((m) => m === m);
  const baseline = filled.reduce((a, b) => a + b, 0) / filled.length;
  const slots: SeasonalSlot[] = normMean.map((m, s) => ({
    slot: s,
    label: label(s),
    count: count[s] as number,
    meanSales: (count[s] as number) > 0 ? (rawSum[s] as number) / (count[s] as number) : null,
    index: baseline > 0 ? finiteOrNull(m / baseline) : null,
  }));
  return { period, slots, ...extremes(slots) };
}

function extremes(slots: SeasonalSlot[]): { peakSlot: number | null; troughSlot: number | null } {
  const filled = slots.filter((s): s is SeasonalSlot & { index: number } => s.index !== null);
  if (filled.length < 2) return { peakSlot: null, troughSlot: null };
  let peak = filled[0] as SeasonalSlot & { index: number };
  let trough = peak;
  for (const s of filled) {
    if (s.index > peak.index) peak = s;
    if (s.index < trough.index) trough = s;
  }
  return { peakSlot: peak.slot, troughSlot: trough.slot };
}

/** The slot of every day from the first date to the last, worked out once per day rather than once per row. */
function slotsByDay(dates: Int32Array, slotOf: (day: number) => number): { first: number; slots: Uint8Array } {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i] as number;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  if (dates.length === 0) return { first: 0, slots: new Uint8Array(0) };
  const slots = new Uint8Array(last - first + 1);
  for (let t = 0; t < slots.length; t++) slots[t] = slotOf(first + t);
  return { first, slots };
}

function weekLabel(slot: number): string {
  return `W${String(slot + 1).padStart(2, '0')}`;
}

function weekdayLabel(slot: number): string {
  return WEEKDAY_LABELS[slot] ?? String(slot);
}

function monthLabel(slot: number): string {
  return MONTH_LABELS[slot] ?? String(slot);
}
