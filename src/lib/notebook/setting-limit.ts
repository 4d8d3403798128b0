import * as v from 'valibot';

/**
 * The inclusive bounds of a numeric setting in the notebook's configuration, and whether it takes whole numbers only.
 * A config's table of limits builds its schema, and the panel's field bounds and clamp read the same table, so a panel
 * never stores a value that the link, read back, would reject.
 */
export interface SettingLimit {
  readonly min: number;
  readonly max: number;
  readonly whole: boolean;
}

export const wholeIn = (min: number, max: number): SettingLimit => ({ min, max, whole: true });
export const numberIn = (min: number, max: number): SettingLimit => ({ min, max, whole: false });

export function limitSchema({ min, max, whole }: SettingLimit) {
  return whole ? v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max)) : v.pipe(v.number(), v.minValue(min), v.maxValue(max));
}

/**
 * What a settings field stores for the text typed into it: the number brought within the limit (rounded first when the
 * limit is whole), or null when the field is empty or holds no number. `scale` is field units per stored unit: 100 for a
 * share typed as a percentage.
 */
export function readSetting(raw: string, limit: SettingLimit, scale = 1): number | null {
  const typed = raw.trim() === '' ? Number.NaN : Number(raw) / scale;
  if (!Number.isFinite(typed)) return null;
  return Math.min(limit.max, Math.max(limit.min, limit.whole ? Math.round(typed) : typed));
}

/** The field's min and max attributes: the limit in field units. */
export function fieldBounds(limit: SettingLimit, scale = 1): { min: number; max: number } {
  return { min: limit.min * scale, max: limit.max * scale };
}
