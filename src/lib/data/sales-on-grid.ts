import type { SalesData } from './types';
import { civilFromDays, daysFromCivil } from '../core/days';
import { periodIndex } from '../core/periods';
import type { Scratch } from '../core/scratch';

export interface SalesGridOptions {
  /** Rows from…to (end exclusive), e.g. one series' range; default: all rows, summed across series. */
  from?: number;
  to?: number;
  /** Where the grid's arrays come from, for a caller laying out many series (see Scratch). Default: fresh arrays. */
  scratch?: Scratch;
}

/**
 * Sales laid on the frequency's regular grid, one slot per day, week or month from the first date to the last,
 * summed over the rows in each slot, NaN where no row has recorded sales: the input decomposeSeries expects.
 */
export interface SalesGrid {
  values: Float64Array;
  /** The day each slot stands for: its rows' date, or for an empty slot, one step on from the previous slot. */
  days: Int32Array;
  /** For each row from…to, its slot. */
  slotOfRow: Int32Array;
}

export function salesOnGrid(data: SalesData, { from = 0, to = data.sales.length, scratch }: SalesGridOptions = {}): SalesGrid {
  const { frequency } = data;
  const slotOfRow = scratch?.takeInt32(Math.max(0, to - from)) ?? new Int32Array(Math.max(0, to - from));
  if (to <= from) return { values: new Float64Array(0), days: new Int32Array(0), slotOfRow };
  let first = Infinity;
  let last = -Infinity;
  for (let i = from; i < to; i++) {
    const d = data.date[i] as number;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const base = periodIndex(first, frequency);
  const span = periodIndex(last, frequency) - base + 1;
  const values = (scratch?.take(span) ?? new Float64Array(span)).fill(NaN);
  const days = (scratch?.takeInt32(span) ?? new Int32Array(span)).fill(-0x7fffffff);
  for (let i = from; i < to; i++) {
    const day = data.date[i] as number;
    const slot = periodIndex(day, frequency) - base;
    slotOfRow[i - from] = slot;
    days[slot] = day;
    const v = data.sales[i] as number;
    if (v !== v) continue;
    values[slot] = (values[slot] as number) === (values[slot] as number) ? (values[slot] as number) + v : v;
  }
  for (let slot = 1; slot < span; slot++) {
    if (days[slot] === -0x7fffffff) days[slot] = nextStamp(days[slot - 1] as number, frequency);
  }
  return { values, days, slotOfRow };
}

function nextStamp(day: number, frequency: SalesData['frequency']): number {
  if (frequency === 'daily') return day + 1;
  if (frequency === 'weekly') return day + 7;
  const { year, month, day: dom } = civilFromDays(day);
  // Month-end stamps (the 31st) land on the 28th of a short month rather than spilling into the next.
  return month === 12 ? daysFromCivil(year + 1, 1, Math.min(dom, 28)) : daysFromCivil(year, month + 1, Math.min(dom, 28));
}
