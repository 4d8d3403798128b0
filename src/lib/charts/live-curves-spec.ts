import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, CHART_HEIGHT } from './chart-defaults';

/**
 * Training and validation loss per epoch while models train: one colour per model, dashed for validation, and each
 * backtest window fainter than the one before it — the first fold trains from the seed, later ones continue from its
 * weights, so their curves start low and stop early, and should not read as another run of the same model.
 */
export function liveCurvesSpec(curves: readonly { model: string; window: string; epoch: number; loss: number; valLoss: number }[]): TopLevelSpec {
  // Windows in the order they trained ("fold 10" after "fold 9", not after "fold 1").
  const windows = [...new Set(curves.map((c) => c.window))];
  const values = curves.flatMap((c) => {
    const row = { series: `${c.model} · ${c.window}`, model: c.model, window: c.window, order: windows.indexOf(c.window), epoch: c.epoch };
    return [
      { ...row, loss: c.loss, set: 'training' },
      { ...row, loss: c.valLoss, set: 'validation' },
    ];
  });
  return {
    $schema: SCHEMA,
    title: { text: 'Loss per epoch', subtitle: 'solid: training · dashed: validation (on the scaled target) · fainter: later folds, from the previous fold’s weights' },
    width: 'container',
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'Epoch', axis: { tickMinStep: 1 } },
      y: { field: 'loss', type: 'quantitative', title: 'Loss', scale: { type: 'log' } },
      color: { field: 'model', type: 'nominal', title: 'Model' },
      strokeDash: { field: 'set', type: 'nominal', title: 'Rows' },
      opacity: { field: 'window', type: 'ordinal', title: 'Window', sort: { field: 'order', op: 'min' }, scale: { range: [1, 0.4] } },
      detail: { field: 'series' },
    },
  };
}
