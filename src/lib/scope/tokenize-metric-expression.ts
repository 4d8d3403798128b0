import { scopeMessages } from '../messages/scope';
import type { MetricErrorResult, Token } from './metric-expression';

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const TWO_CHAR = new Set(['<=', '>=', '==', '!=']);
const ONE_CHAR_OPERATORS = new Set(['+', '-', '*', '/', '^', '<', '>']);
/** Longer formulas are refused: a metric fits in a line or two, and this bounds the parser's recursion. */
export const MAX_FORMULA_LENGTH = 1000;

/** Splits a formula into tokens, ending with an 'end' token; or says which character is not allowed. */
export function tokenizeMetricExpression(text: string): Token[] | MetricErrorResult {
  if (text.length > MAX_FORMULA_LENGTH) return fail(scopeMessages.formulaTooLong(MAX_FORMULA_LENGTH), MAX_FORMULA_LENGTH, text.slice(MAX_FORMULA_LENGTH));
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const number = NUMBER.exec(rest)?.[0];
    if (number !== undefined) {
      // "1.2.3" or "2abc": a number glued to more number or name characters is one bad token.
      const glued = /^[A-Za-z0-9_.]*/.exec(rest.slice(number.length))?.[0] ?? '';
      if (glued !== '') return fail(scopeMessages.badNumber(number + glued), i, number + glued);
      tokens.push({ kind: 'number', text: number, position: i });
      i += number.length;
      continue;
    }
    const name = NAME.exec(rest)?.[0];
    if (name !== undefined) {
      tokens.push({ kind: 'name', text: name, position: i });
      i += name.length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR.has(two)) {
      tokens.push({ kind: 'operator', text: two, position: i });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPERATORS.has(c)) tokens.push({ kind: 'operator', text: c, position: i });
    else if (c === '(' || c === ')' || c === ',') tokens.push({ kind: c, text: c, position: i });
    else if (c === '=') return fail(scopeMessages.singleEquals(), i, c);
    else if (c === '!') return fail(scopeMessages.loneBang(), i, c);
    else return fail(scopeMessages.unexpectedCharacter(String.fromCodePoint(text.codePointAt(i) as number)), i, String.fromCodePoint(text.codePointAt(i) as number));
    i++;
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}

function fail(message: string, position: number, token: string): MetricErrorResult {
  return { error: { message, position, token } };
}
