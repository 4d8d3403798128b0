import type { MetricAst, MetricField } from './metric-expression';

/**
 * The first of `fields` read outside any aggregate, in reading order, or null. A formula that reads a per-row column
 * there gives one number per row, not a metric.
 */
export function firstRowField(node: MetricAst, fields: readonly MetricField[]): { name: MetricField; position: number } | null {
  switch (node.type) {
    case 'field':
      return fields.includes(node.name) ? node : null;
    case 'number':
    case 'aggregate':
      return null;
    case 'negate':
      return firstRowField(node.operand, fields);
    case 'binary':
      return firstRowField(node.left, fields) ?? firstRowField(node.right, fields);
    case 'call':
      for (const arg of node.args) {
        const found = firstRowField(arg, fields);
        if (found) return found;
      }
      return null;
  }
}
