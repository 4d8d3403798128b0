import type { ModelName } from '../runs/types';

/**
 * One colour per model across every Evaluate chart: the networks in strong hues, the baselines in muted ones, and
 * the actuals in near-black, so a model is recognised at a glance from chart to chart.
 */
export const MODEL_COLORS: Readonly<Record<ModelName, string>> = {
  ridge: '#4e79a7',
  mlp: '#f28e2b',
  cnn: '#59a14f',
  naive: '#bab0ac',
  'seasonal-naive': '#9c755f',
  'moving-average': '#b07aa1',
  ets: '#e15759',
  theta: '#76b7b2',
  arima: '#edc948',
  calendar: '#ff9da7',
  'ensemble-mean': '#17becf',
  'ensemble-median': '#7f3c8d',
};

export const ACTUAL_COLOR = '#222222';

/** A colour scale over models, in the order given: the domain is their display labels. */
export function modelColorScale(models: readonly { name: ModelName; label: string }[]): { domain: string[]; range: string[] } {
  return { domain: models.map((m) => m.label), range: models.map((m) => MODEL_COLORS[m.name]) };
}
