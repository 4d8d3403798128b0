import type { StageId } from './stages';

/**
 * Cells with explicit inputs (as Observable Framework's `define({id, inputs, body})` and marimo):
 * a cell names what it reads — other cells, or `config.<field>` of the notebook configuration — so a change
 * upstream marks exactly the downstream cells stale. Cheap cells re-run at once; expensive ones (training)
 * wait for a click. This file is only the bookkeeping: who depends on whom and what must run next.
 */
export type CellStatus = 'not-run' | 'fresh' | 'stale' | 'running' | 'error';
export type CellCost = 'cheap' | 'expensive';

export interface CellSpec {
  id: string;
  stage: StageId;
  title: string;
  /** Cell ids, or `config.<field>` for a field of the notebook configuration. */
  inputs: readonly string[];
  cost: CellCost;
}

export type CellStatuses = Readonly<Record<string, CellStatus>>;

/** Every cell that (transitively) reads one of `changed`, in declaration order. `changed` may hold cell ids or config inputs. */
export function downstreamOf(cells: readonly CellSpec[], changed: readonly string[]): string[] {
  const dirty = new Set(changed);
  const out: string[] = [];
  // Cells are declared upstream-first, so one pass in order reaches every descendant.
  for (const cell of cells) {
    if (cell.inputs.some((input) => dirty.has(input))) {
      dirty.add(cell.id);
      out.push(cell.id);
    }
  }
  return out;
}

/** Statuses after `changed` inputs moved: downstream cells that had run become stale; never-run cells stay not-run. */
export function markStale(cells: readonly CellSpec[], statuses: CellStatuses, changed: readonly string[]): CellStatuses {
  const next: Record<string, CellStatus> = { ...statuses };
  for (const id of downstreamOf(cells, changed)) {
    const current = next[id] ?? 'not-run';
    if (current === 'fresh' || current === 'error' || current === 'running') next[id] = 'stale';
  }
  return next;
}

export interface PlanOptions {
  /** Run only what `target` needs (and `target` itself); all cells when absent. */
  target?: string;
  /** Include expensive cells (a click on "Run all" or on the cell itself). */
  includeExpensive: boolean;
  /**
   * Expensive cells whose result may already be stored (a finished run of the same data and configuration): planned
   * in every pass, so the runner can show the stored result; when there is none, the cell waits for its click.
   */
  restorable?: ReadonlySet<string>;
}

/**
 * The cells to run, upstream first: those not fresh, plus any downstream of them. An expensive cell is left out
 * unless asked for, and then so is everything downstream of it (it would read a result that does not exist yet).
 */
export function planRun(cells: readonly CellSpec[], statuses: CellStatuses, options: PlanOptions): string[] {
  const wanted = options.target ? upstreamOf(cells, options.target) : new Set(cells.map((c) => c.id));
  const blocked = new Set<string>();
  const willRun = new Set<string>();
  const plan: string[] = [];
  for (const cell of cells) {
    if (!wanted.has(cell.id)) continue;
    const inputsBlocked = cell.inputs.some((input) => blocked.has(input));
    const skipExpensive = cell.cost === 'expensive' && !options.includeExpensive && cell.id !== options.target && !options.restorable?.has(cell.id);
    if (inputsBlocked || skipExpensive) {
      if ((statuses[cell.id] ?? 'not-run') !== 'fresh' || inputsBlocked) blocked.add(cell.id);
      continue;
    }
    const needs = (statuses[cell.id] ?? 'not-run') !== 'fresh' || cell.inputs.some((input) => willRun.has(input));
    if (needs) {
      willRun.add(cell.id);
      plan.push(cell.id);
    }
  }
  return plan;
}

/**
 * The expensive cells upstream of `target` that are not fresh: a click on `target` alone does not run them (they wait
 * for their own click), so `target` cannot run until they have.
 */
export function expensiveBlockers(cells: readonly CellSpec[], statuses: CellStatuses, target: string): CellSpec[] {
  const upstream = upstreamOf(cells, target);
  return cells.filter((c) => c.id !== target && upstream.has(c.id) && c.cost === 'expensive' && (statuses[c.id] ?? 'not-run') !== 'fresh');
}

/** `target` and every cell it reads from, transitively. */
export function upstreamOf(cells: readonly CellSpec[], target: string): Set<string> {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const stack = [target];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const cell = byId.get(id);
    if (!cell || seen.has(id)) continue;
    seen.add(id);
    stack.push(...cell.inputs);
  }
  return seen;
}

const STATUS_WEIGHT: Record<CellStatus, number> = { error: 4, running: 3, stale: 2, 'not-run': 1, fresh: 0 };

/** A stage's status on the rail: its worst cell (error over running over stale over not run over fresh). */
export function stageStatus(cells: readonly CellSpec[], statuses: CellStatuses, stage: StageId): CellStatus {
  let worst: CellStatus | null = null;
  for (const cell of cells) {
    if (cell.stage !== stage) continue;
    const status = statuses[cell.id] ?? 'not-run';
    if (worst === null || STATUS_WEIGHT[status] > STATUS_WEIGHT[worst]) worst = status;
  }
  return worst ?? 'not-run';
}
