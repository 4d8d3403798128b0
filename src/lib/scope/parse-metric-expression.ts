import { scopeMessages } from '../messages/scope';
import { closestName } from './closest-name';
import { firstRowField } from './first-row-field';
import {
  METRIC_FIELDS,
  METRIC_FUNCTIONS,
  ROW_FIELDS,
  type BinaryOperator,
  type MetricAst,
  type MetricErrorResult,
  type MetricField,
  type Token,
} from './metric-expression';
import { tokenizeMetricExpression } from './tokenize-metric-expression';

const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);
const MAX_DEPTH = 100;

/** Thrown inside the parser only, caught by `parseMetricExpression`: unwinds the recursion in one step. */
class ParseFailure {
  constructor(readonly result: MetricErrorResult) {}
}

/**
 * Parses a metric formula (grammar in ./metric-expression.ts) into an AST, or returns the first error with the offset
 * and text of the token it is about. Also rejects, with the offending token, what would only fail later: unknown
 * names, wrong argument counts, nested aggregates, and a formula that gives one number per row instead of one number
 * (a per-row column outside any aggregate; the cost-model columns may stand there, see `ROW_FIELDS`).
 */
export function parseMetricExpression(text: string): MetricAst | MetricErrorResult {
  const tokens = tokenizeMetricExpression(text);
  if ('error' in tokens) return tokens;
  if (tokens.length === 1) return fail(scopeMessages.emptyFormula(), tokens[0]!);
  try {
    const parser = new Parser(tokens);
    const ast = parser.expression(0);
    const next = parser.peek();
    if (next.kind !== 'end') throw new ParseFailure(fail(scopeMessages.unexpectedToken(next.text), next));
    const loose = firstRowField(ast, ROW_FIELDS);
    if (loose) return fail(scopeMessages.rowLevelResult(loose.name), { text: loose.name, position: loose.position });
    return ast;
  } catch (failure) {
    if (failure instanceof ParseFailure) return failure.result;
    throw failure;
  }
}

class Parser {
  private index = 0;
  /** The aggregate being parsed, if any: aggregates do not nest. */
  private aggregate: Token | null = null;

  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private take(): Token {
    return this.tokens[this.index++] as Token;
  }

  private isOperator(...ops: string[]): boolean {
    const t = this.peek();
    return t.kind === 'operator' && ops.includes(t.text);
  }

  expression(depth: number): MetricAst {
    if (depth > MAX_DEPTH) throw new ParseFailure(fail(scopeMessages.tooDeep(), this.peek()));
    let left = this.additive(depth);
    while (this.peek().kind === 'operator' && COMPARISONS.has(this.peek().text)) {
      const op = this.take();
      left = binary(op, left, this.additive(depth));
    }
    return left;
  }

  private additive(depth: number): MetricAst {
    let left = this.term(depth);
    while (this.isOperator('+', '-')) {
      const op = this.take();
      left = binary(op, left, this.term(depth));
    }
    return left;
  }

  private term(depth: number): MetricAst {
    let left = this.unary(depth);
    while (this.isOperator('*', '/')) {
      const op = this.take();
      left = binary(op, left, this.unary(depth));
    }
    return left;
  }

  private unary(depth: number): MetricAst {
    if (depth > MAX_DEPTH) throw new ParseFailure(fail(scopeMessages.tooDeep(), this.peek()));
    if (this.isOperator('-', '+')) {
      const op = this.take();
      const operand = this.unary(depth + 1);
      return op.text === '-' ? { type: 'negate', operand, position: op.position } : operand;
    }
    return this.power(depth);
  }

  private power(depth: number): MetricAst {
    const base = this.primary(depth);
    if (!this.isOperator('^')) return base;
    const op = this.take();
    return binary(op, base, this.unary(depth + 1));
  }

  private primary(depth: number): MetricAst {
    const t = this.take();
    if (t.kind === 'number') return { type: 'number', value: Number(t.text), position: t.position };
    if (t.kind === '(') {
      const inner = this.expression(depth + 1);
      const close = this.take();
      if (close.kind === 'end') throw new ParseFailure(fail(scopeMessages.unclosedParenthesis(), t));
      if (close.kind !== ')') throw new ParseFailure(fail(scopeMessages.unexpectedToken(close.text), close));
      return inner;
    }
    if (t.kind === 'name') return this.peek().kind === '(' ? this.call(t, depth) : field(t);
    throw new ParseFailure(fail(scopeMessages.expectedOperand(t.text), t));
  }

  private call(name: Token, depth: number): MetricAst {
    if ((METRIC_FIELDS as readonly string[]).includes(name.text)) throw new ParseFailure(fail(scopeMessages.notAFunction(name.text), name));
    if (!(METRIC_FUNCTIONS as readonly string[]).includes(name.text)) {
      const message = scopeMessages.unknownFunction(name.text, closestName(name.text, METRIC_FUNCTIONS), METRIC_FUNCTIONS);
      throw new ParseFailure(fail(message, name));
    }
    this.take(); // (
    const aggregates = name.text === 'sum' || name.text === 'mean' || name.text === 'count';
    const outer = this.aggregate;
    // min/max are aggregates with one argument; the argument count is only known after parsing, so nesting is
    // checked for them below.
    if (aggregates && outer) throw new ParseFailure(fail(scopeMessages.nestedAggregate(name.text, outer.text), name));
    if (aggregates) this.aggregate = name;
    const args: MetricAst[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        args.push(this.expression(depth + 1));
        const next = this.peek();
        if (next.kind === ',') this.take();
        else if (next.kind === ')') break;
        else throw new ParseFailure(fail(scopeMessages.expectedCommaOrClose(next.text), next));
      }
    }
    this.take(); // )
    this.aggregate = outer;
    return this.checkCall(name, args);
  }

  private checkCall(name: Token, args: MetricAst[]): MetricAst {
    const position = name.position;
    const wrong = (expected: string) => new ParseFailure(fail(scopeMessages.wrongArgumentCount(name.text, expected, args.length), name));
    switch (name.text) {
      case 'abs':
        if (args.length !== 1) throw wrong('one argument');
        return { type: 'call', name: 'abs', args, position };
      case 'min':
      case 'max':
        if (args.length === 2) return { type: 'call', name: name.text, args, position };
        if (args.length !== 1) throw wrong('one argument (over all rows) or two (row by row)');
        if (this.aggregate) throw new ParseFailure(fail(scopeMessages.nestedAggregate(name.text, this.aggregate.text), name));
        if (containsAggregate(args[0]!)) {
          const inner = containsAggregate(args[0]!)!;
          throw new ParseFailure(fail(scopeMessages.nestedAggregate(inner.name, name.text), { text: inner.name, position: inner.position }));
        }
        return { type: 'aggregate', name: name.text, arg: args[0]!, position };
      case 'count':
        if (args.length > 1) throw wrong('at most one argument');
        return { type: 'aggregate', name: 'count', arg: args[0] ?? null, position };
      default:
        if (args.length !== 1) throw wrong('one argument');
        return { type: 'aggregate', name: name.text as 'sum' | 'mean', arg: args[0]!, position };
    }
  }
}

function field(t: Token): MetricAst {
  if ((METRIC_FIELDS as readonly string[]).includes(t.text)) return { type: 'field', name: t.text as MetricField, position: t.position };
  if ((METRIC_FUNCTIONS as readonly string[]).includes(t.text)) throw new ParseFailure(fail(scopeMessages.needsParentheses(t.text), t));
  throw new ParseFailure(fail(scopeMessages.unknownName(t.text, closestName(t.text, METRIC_FIELDS), METRIC_FIELDS), t));
}

function binary(op: Token, left: MetricAst, right: MetricAst): MetricAst {
  return { type: 'binary', operator: op.text as BinaryOperator, left, right, position: op.position };
}

/** An aggregate somewhere inside a min/max argument (parsed before it was known to be an aggregate itself). */
function containsAggregate(node: MetricAst): { name: string; position: number } | null {
  switch (node.type) {
    case 'aggregate':
      return node;
    case 'number':
    case 'field':
      return null;
    case 'negate':
      return containsAggregate(node.operand);
    case 'binary':
      return containsAggregate(node.left) ?? containsAggregate(node.right);
    case 'call':
      for (const arg of node.args) {
        const found = containsAggregate(arg);
        if (found) return found;
      }
      return null;
  }
}

function fail(message: string, at: { text: string; position: number }): MetricErrorResult {
  return { error: { message, position: at.position, token: at.text } };
}
