import { scopeMessages } from '../messages/scope';
import { firstRowField } from './first-row-field';
import { METRIC_FIELDS, type MetricAst, type MetricErrorResult, type MetricField, type MetricRows } from './metric-expression';

/** A node's value: one number for all rows, or one per row. */
type Value = number | Float64Array;

/** Thrown inside the evaluator only, for a column the rows do not have. */
class MissingColumn {
  constructor(readonly node: { name: MetricField; position: number }) {}
}

/**
 * Runs a parsed formula over the rows. NaN means "undefined" and is shown as "–":
 * - division by zero gives NaN (not ±Infinity), and so does any other operation whose result is not finite;
 * - a comparison gives 1 or 0, or NaN when either side is NaN, so a missing row stays missing;
 * - sum, mean, min and max skip rows whose value is NaN, and give NaN when no row is left;
 * - count(x) counts rows where x is neither NaN nor 0 (count(actual > forecast) = stockout periods); count() counts all rows.
 * So `mean(abs(actual - forecast) / abs(actual)) * 100` skips zero actuals, exactly as MAPE does.
 * A column the rows do not have (say p10 of a point forecast) is an error pointing at its first use, as is a cost-model
 * column given per row but used outside an aggregate.
 */
export function evaluateMetric(ast: MetricAst, rows: MetricRows): { value: number } | MetricErrorResult {
  try {
    const value = evaluate(ast, rows);
    if (typeof value === 'number') return { value };
    // Only a cost-model column given per row gets here (the parser rejects the other columns outside aggregates).
    const loose = firstRowField(ast, METRIC_FIELDS) ?? { name: 'price', position: 0 };
    return { error: { message: scopeMessages.rowLevelResult(loose.name), position: loose.position, token: loose.name } };
  } catch (failure) {
    if (!(failure instanceof MissingColumn)) throw failure;
    const { name, position } = failure.node;
    return { error: { message: scopeMessages.missingColumn(name), position, token: name } };
  }
}

function evaluate(node: MetricAst, rows: MetricRows): Value {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'field': {
      const column = rows[node.name];
      if (column === undefined) throw new MissingColumn(node);
      return typeof column === 'number' ? column : Float64Array.from(column);
    }
    case 'negate':
      return map(evaluate(node.operand, rows), (x) => -x);
    case 'binary':
      return zip(evaluate(node.left, rows), evaluate(node.right, rows), OPERATORS[node.operator]);
    case 'call': {
      const [a, b] = node.args.map((arg) => evaluate(arg, rows)) as [Value, Value | undefined];
      if (node.name === 'abs') return map(a, Math.abs);
      return zip(a, b as Value, node.name === 'min' ? Math.min : Math.max);
    }
    case 'aggregate':
      return aggregate(node.name, node.arg === null ? null : evaluate(node.arg, rows), rows.actual.length);
  }
}

const finite = (x: number): number => (Number.isFinite(x) ? x : NaN);
const compare = (test: (a: number, b: number) => boolean) => (a: number, b: number) =>
  Number.isNaN(a) || Number.isNaN(b) ? NaN : test(a, b) ? 1 : 0;

const OPERATORS: Record<Extract<MetricAst, { type: 'binary' }>['operator'], (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => (b === 0 ? NaN : a / b),
  '^': (a, b) => a ** b,
  '<': compare((a, b) => a < b),
  '<=': compare((a, b) => a <= b),
  '>': compare((a, b) => a > b),
  '>=': compare((a, b) => a >= b),
  '==': compare((a, b) => a === b),
  '!=': compare((a, b) => a !== b),
};

function map(value: Value, f: (x: number) => number): Value {
  return typeof value === 'number' ? finite(f(value)) : value.map((x) => finite(f(x)));
}

function zip(a: Value, b: Value, f: (x: number, y: number) => number): Value {
  if (typeof a === 'number' && typeof b === 'number') return finite(f(a, b));
  const n = typeof a === 'number' ? (b as Float64Array).length : a.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = finite(f(typeof a === 'number' ? a : (a[i] as number), typeof b === 'number' ? b : (b[i] as number)));
  }
  return out;
}

/** One number from all rows; a constant argument counts once per row (sum(1) = number of rows). */
function aggregate(name: Extract<MetricAst, { type: 'aggregate' }>['name'], value: Value | null, rowCount: number): number {
  if (value === null) return rowCount;
  const values = typeof value === 'number' ? new Float64Array(rowCount).fill(value) : value;
  let n = 0;
  let sum = 0;
  let nonZero = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    if (Number.isNaN(x)) continue;
    n++;
    sum += x;
    if (x !== 0) nonZero++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (name === 'count') return nonZero;
  if (n === 0) return NaN;
  return finite(name === 'sum' ? sum : name === 'mean' ? sum / n : name === 'min' ? min : max);
}
