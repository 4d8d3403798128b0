import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, CHART_HEIGHT } from './chart-defaults';

/** Training and validation loss per epoch while models train: one colour per model, dashed for validation. */
export function liveCurvesSpec(curves: readonly { model: string; window: string; epoch: number; loss: number; valLoss: number }[]): TopLevelSpec {
  const values = curves.flatMap((c) => [
    { series: `${c.model} · ${c.window}`, model: c.model, epoch: c.epoch, loss: c.loss, set: 'training' },
    { series: `${c.model} · ${c.window}`, model: c.model, epoch: c.epoch, loss: c.valLoss, set: 'validation' },
  ]);
  return {
    $schema: SCHEMA,
    title: { text: 'Loss per epoch', subtitle: 'solid: training · dashed: validation (on the scaled target)' },
    width: 'container',
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'Epoch', axis: { tickMinStep: 1 } },
      y: { field: 'loss', type: 'quantitative', title: 'Loss', scale: { type: 'log' } },
      color: { field: 'model', type: 'nominal', title: 'Model' },
      strokeDash: { field: 'set', type: 'nominal', title: 'Rows' },
      detail: { field: 'series' },
    },
  };
}
