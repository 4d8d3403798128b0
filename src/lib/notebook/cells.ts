import type { CellSpec } from './cell-graph';

/**
 * The notebook's cells, upstream first.
 */
export const CELLS: readonly CellSpec[] = [
  { id: 'scope.define', stage: 'scope', title: 'Problem, requirements and value', inputs: ['config.scope', 'config.horizon'], cost: 'cheap' },
  { id: 'data.load', stage: 'data', title: 'Load and check the sales data', inputs: ['config.dataset', 'config.mapping'], cost: 'cheap' },
  { id: 'data.clean', stage: 'data', title: 'Validation report and cleaning', inputs: ['data.load', 'config.cleaning', 'config.horizon'], cost: 'cheap' },
  { id: 'explore.summary', stage: 'explore', title: 'Columns, rhythm, promotions and prices', inputs: ['data.clean'], cost: 'cheap' },
  { id: 'explore.charts', stage: 'explore', title: 'Sales over time', inputs: ['data.clean', 'config.explore'], cost: 'cheap' },
  { id: 'features.build', stage: 'features', title: 'Feature table and backtest plan', inputs: ['data.clean', 'config.features', 'config.split', 'config.horizon'], cost: 'cheap' },
  // Evaluation happens inside training (the cost model is applied per window), so the Scope is an input here.
  { id: 'train.models', stage: 'train', title: 'Train the candidate models', inputs: ['features.build', 'config.models', 'config.seed', 'config.scope'], cost: 'expensive' },
  { id: 'evaluate.report', stage: 'evaluate', title: 'One backtest, three role views', inputs: ['train.models'], cost: 'cheap' },
  // The registry lives in IndexedDB per dataset; a finished training run is what can be registered.
  // The registry is stored state of the dataset, read whether or not this session has trained: a stored champion can be
  // served after a reload. (Registering reads stored runs, which the Train cell writes.)
  { id: 'registry.versions', stage: 'registry', title: 'Model versions, aliases and gates', inputs: ['data.clean'], cost: 'cheap' },
  // Starting a simulation builds the world and loads the champion; playing it is the clock's business, not a cell's.
  { id: 'deploy.simulate', stage: 'deploy', title: 'Simulated deployment', inputs: ['registry.versions', 'config.ops', 'config.scope', 'config.seed', 'config.horizon'], cost: 'expensive' },
  { id: 'monitor.report', stage: 'monitor', title: 'Drift, quality and performance', inputs: ['deploy.simulate'], cost: 'cheap' },
  { id: 'retrain.timeline', stage: 'retrain', title: 'Retraining and the whole story', inputs: ['deploy.simulate'], cost: 'cheap' },
];
