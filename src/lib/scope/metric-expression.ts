/**
 * User-defined metrics: a tiny, safe formula language over the evaluated rows (no eval, no Function: a hand-written
 * tokenizer, recursive-descent parser and evaluator).
 *
 *   text ──► tokens (tokenizeMetricExpression) ──► MetricAst (parseMetricExpression) ──► number (evaluateMetric)
 *
 * Grammar, loosest binding first:
 *   expression  = additive { ("<" | "<=" | ">" | ">=" | "==" | "!=") additive }     comparisons give 1 or 0
 *   additive    = term { ("+" | "-") term }
 *   term        = unary { ("*" | "/") unary }
 *   unary       = ("-" | "+") unary | power
 *   power       = primary [ "^" unary ]                                           right-associative, -2^2 = -4
 *   primary     = number | column | name "(" [ expression { "," expression } ] ")" | "(" expression ")"
 *
 * Columns hold one value per row; aggregates (sum, mean, count, and min/max with one argument) turn all rows into one
 * number; abs and two-argument min/max work row by row. The whole formula must come out as one number.
 */

/** Per-row columns a formula can read. */
export const METRIC_FIELDS = ['actual', 'forecast', 'price', 'cost', 'holding', 'penalty', 'p10', 'p90', 'step'] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

/**
 * Columns that always hold one value per row. The cost-model columns (price, cost, holding, penalty) are usually one
 * number for all rows and may then stand outside an aggregate: `sum(actual - forecast) * price`; given per row, they
 * need an aggregate like these (evaluateMetric says so).
 */
export const ROW_FIELDS: readonly MetricField[] = ['actual', 'forecast', 'p10', 'p90', 'step'];

/** Functions a formula can call. */
export const METRIC_FUNCTIONS = ['sum', 'mean', 'count', 'min', 'max', 'abs'] as const;
export type MetricFunction = (typeof METRIC_FUNCTIONS)[number];

export type AggregateName = 'sum' | 'mean' | 'count' | 'min' | 'max';
export type BinaryOperator = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=';

export type TokenKind = 'number' | 'name' | 'operator' | '(' | ')' | ',' | 'end';

export interface Token {
  kind: TokenKind;
  /** The token as typed ('' for the end). */
  text: string;
  /** 0-based offset of its first character in the formula. */
  position: number;
}

/** Every node carries the offset of the token it was made from (an operator's own position for binary nodes). */
export type MetricAst =
  | { type: 'number'; value: number; position: number }
  | { type: 'field'; name: MetricField; position: number }
  | { type: 'negate'; operand: MetricAst; position: number }
  | { type: 'binary'; operator: BinaryOperator; left: MetricAst; right: MetricAst; position: number }
  /** Row-by-row functions: abs(x), min(a, b), max(a, b). */
  | { type: 'call'; name: 'abs' | 'min' | 'max'; args: MetricAst[]; position: number }
  /** All rows to one number; `arg` is null only for count(). */
  | { type: 'aggregate'; name: AggregateName; arg: MetricAst | null; position: number };

/** What went wrong, and where: `position` is the 0-based offset of `token` (the formula's length at its end). */
export interface MetricExpressionError {
  message: string;
  position: number;
  token: string;
}

export interface MetricErrorResult {
  error: MetricExpressionError;
}

/**
 * The rows a formula runs over: `actual` and `forecast` per row, the rest per row or one number for all rows
 * (price, cost, holding and penalty usually come from the cost model). A column left out cannot be used.
 */
export type MetricRows = { actual: ArrayLike<number>; forecast: ArrayLike<number> } & Partial<
  Record<Exclude<MetricField, 'actual' | 'forecast'>, number | ArrayLike<number>>
>;
