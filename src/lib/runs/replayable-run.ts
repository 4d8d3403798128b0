import { CELLS } from '../notebook/cells';
import { upstreamOf } from '../notebook/cell-graph';
import type { NotebookConfig } from '../notebook/config';
import type { RunRecord } from '../storage/records';
import { diffConfigs } from './diff-configs';

/**
 * The configuration fields a training reads: the `config.*` inputs upstream of the Train cell in the cell graph, so
 * the two cannot drift apart. The dataset field is left out: the data hash says which data it was, whatever it was
 * called when loaded.
 */
const upstream = upstreamOf(CELLS, 'train.models');
const TRAIN_INPUTS: readonly string[] = [
  ...new Set(CELLS.filter((cell) => upstream.has(cell.id)).flatMap((cell) => cell.inputs.filter((input) => input.startsWith('config.') && input !== 'config.dataset'))),
].map((input) => input.slice('config.'.length));

/**
 * The stored run that *is* the Train cell's result for this data and configuration: finished, trained on the same
 * data (hash), with every training input equal. The newest such run when there are several (a determinism check
 * stores two). Runs replay from plain JSON, so an equal configuration on equal data gives the same result: showing the
 * stored one is what training again would show, without the minutes.
 */
export function replayableRun(runs: readonly RunRecord[], wanted: { dataHash: string; config: NotebookConfig }): RunRecord | null {
  const inputs = (config: unknown) => Object.fromEntries(TRAIN_INPUTS.map((field) => [field, (config as Record<string, unknown>)[field] ?? null]));
  const want = inputs(wanted.config);
  let best: RunRecord | null = null;
  for (const run of runs) {
    if (run.status !== 'done' || run.metrics === null || run.dataHash !== wanted.dataHash) continue;
    if (diffConfigs(inputs(run.config), want).length > 0) continue;
    if (best === null || run.created > best.created) best = run;
  }
  return best;
}
