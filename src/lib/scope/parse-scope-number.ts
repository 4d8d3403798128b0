import { scopePanelTexts } from '../messages/scope';

export interface ScopeNumberLimits {
  min: number;
  max: number;
  /** Whole numbers only (periods, not money). */
  integer?: boolean;
  /** An empty field means "the default" (null) rather than an error. */
  optional?: boolean;
}

export type ScopeNumber = { value: number | null } | { error: string };

/** A number typed into a Scope field, checked against the same limits the notebook's link accepts. */
export function parseScopeNumber(text: string, { min, max, integer = false, optional = false }: ScopeNumberLimits): ScopeNumber {
  const trimmed = text.trim();
  if (trimmed === '') return optional ? { value: null } : { error: scopePanelTexts.numberRequired() };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: scopePanelTexts.notANumber(trimmed) };
  if (integer && !Number.isInteger(value)) return { error: scopePanelTexts.notWhole() };
  if (value < min || value > max) return { error: scopePanelTexts.outOfRange(min, max) };
  return { value };
}
