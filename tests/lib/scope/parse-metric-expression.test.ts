import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeMessages } from '../../../src/lib/messages/scope';
import { evaluateMetric } from '../../../src/lib/scope/evaluate-metric';
import { METRIC_FIELDS, METRIC_FUNCTIONS, type MetricAst } from '../../../src/lib/scope/metric-expression';
import { parseMetricExpression } from '../../../src/lib/scope/parse-metric-expression';
import { MAX_FORMULA_LENGTH, tokenizeMetricExpression } from '../../../src/lib/scope/tokenize-metric-expression';

/** The value of a formula over no particular rows (constants only). */
function constant(text: string): number {
  const ast = parseMetricExpression(text);
  if ('error' in ast) throw new Error(ast.error.message);
  const result = evaluateMetric(ast, { actual: [], forecast: [] });
  if ('error' in result) throw new Error(result.error.message);
  return result.value;
}

function errorOf(text: string) {
  const result = parseMetricExpression(text);
  if (!('error' in result)) throw new Error(`expected an error for ${text}`);
  return result.error;
}

describe('tokenizeMetricExpression(text)', () => {
  it('splits numbers, names, operators, parentheses and commas, with their offsets', () => {
    const tokens = tokenizeMetricExpression('sum(x)>=1.5e2 , .5');
    expect(tokens).toEqual([
      { kind: 'name', text: 'sum', position: 0 },
      { kind: '(', text: '(', position: 3 },
      { kind: 'name', text: 'x', position: 4 },
      { kind: ')', text: ')', position: 5 },
      { kind: 'operator', text: '>=', position: 6 },
      { kind: 'number', text: '1.5e2', position: 8 },
      { kind: ',', text: ',', position: 14 },
      { kind: 'number', text: '.5', position: 16 },
      { kind: 'end', text: '', position: 18 },
    ]);
  });

  it('points at a character that is not allowed, a lone “=” or “!”, and a malformed number', () => {
    expect(tokenizeMetricExpression('1 $ 2')).toEqual({ error: { message: scopeMessages.unexpectedCharacter('$'), position: 2, token: '$' } });
    expect(tokenizeMetricExpression('actual = 1')).toEqual({ error: { message: scopeMessages.singleEquals(), position: 7, token: '=' } });
    expect(tokenizeMetricExpression('!1')).toEqual({ error: { message: scopeMessages.loneBang(), position: 0, token: '!' } });
    expect(tokenizeMetricExpression('2 + 1.2.3')).toEqual({ error: { message: scopeMessages.badNumber('1.2.3'), position: 4, token: '1.2.3' } });
    expect(tokenizeMetricExpression('3x')).toMatchObject({ error: { position: 0, token: '3x' } });
  });

  it('refuses formulas longer than MAX_FORMULA_LENGTH characters', () => {
    expect(tokenizeMetricExpression('1+'.repeat(MAX_FORMULA_LENGTH))).toMatchObject({ error: { position: MAX_FORMULA_LENGTH } });
  });
});

describe('parseMetricExpression(text)', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['12 / 3 / 2', 2],
    ['2 ^ 3 ^ 2', 512],
    ['-2 ^ 2', -4],
    ['2 ^ -1', 0.5],
    ['2 * -3', -6],
    ['- -3', 3],
    ['+4', 4],
    ['1 + 2 < 4', 1],
    ['1 + 2 > 4', 0],
    ['2 * 3 == 6', 1],
    ['3 != 3', 0],
    ['1 < 2 == 1', 1],
    ['2 <= 2', 1],
    ['2 >= 3', 0],
    ['abs(-3) + min(2, 5) * max(1, 4)', 11],
  ])('follows precedence and associativity: %s = %d', (text, expected) => {
    expect(constant(text)).toBe(expected);
  });

  it('builds an AST whose nodes carry their token’s offset', () => {
    const ast = parseMetricExpression('sum(abs(actual - forecast)) / sum(actual)');
    expect(ast).toEqual<MetricAst>({
      type: 'binary',
      operator: '/',
      position: 28,
      left: {
        type: 'aggregate',
        name: 'sum',
        position: 0,
        arg: {
          type: 'call',
          name: 'abs',
          position: 4,
          args: [{ type: 'binary', operator: '-', position: 15, left: { type: 'field', name: 'actual', position: 8 }, right: { type: 'field', name: 'forecast', position: 17 } }],
        },
      },
      right: { type: 'aggregate', name: 'sum', position: 30, arg: { type: 'field', name: 'actual', position: 34 } },
    });
  });

  it('reads min and max with one argument as aggregates, with two as row-by-row', () => {
    expect(parseMetricExpression('max(actual)')).toMatchObject({ type: 'aggregate', name: 'max' });
    expect(parseMetricExpression('sum(max(actual, forecast))')).toMatchObject({ type: 'aggregate', arg: { type: 'call', name: 'max' } });
    expect(parseMetricExpression('count()')).toMatchObject({ type: 'aggregate', name: 'count', arg: null });
  });

  it('names unknown columns and functions at their position, suggesting the nearest name', () => {
    expect(errorOf('sum(actul)')).toEqual({ message: scopeMessages.unknownName('actul', 'actual', METRIC_FIELDS), position: 4, token: 'actul' });
    expect(errorOf('mean(abs(actual - demand))')).toEqual({ message: scopeMessages.unknownName('demand', null, METRIC_FIELDS), position: 18, token: 'demand' });
    expect(errorOf('summ(actual)')).toEqual({ message: scopeMessages.unknownFunction('summ', 'sum', METRIC_FUNCTIONS), position: 0, token: 'summ' });
    expect(errorOf('sum(actual(1))')).toEqual({ message: scopeMessages.notAFunction('actual'), position: 4, token: 'actual' });
    expect(errorOf('sum + 1')).toEqual({ message: scopeMessages.needsParentheses('sum'), position: 0, token: 'sum' });
  });

  it('points syntax errors at the bad token (or at the end, token "")', () => {
    expect(errorOf('')).toEqual({ message: scopeMessages.emptyFormula(), position: 0, token: '' });
    expect(errorOf('   ')).toMatchObject({ position: 3, token: '' });
    expect(errorOf('1 +')).toEqual({ message: scopeMessages.expectedOperand(''), position: 3, token: '' });
    expect(errorOf('1 + * 2')).toEqual({ message: scopeMessages.expectedOperand('*'), position: 4, token: '*' });
    expect(errorOf('(1 + 2')).toEqual({ message: scopeMessages.unclosedParenthesis(), position: 0, token: '(' });
    expect(errorOf('(1 2)')).toEqual({ message: scopeMessages.unexpectedToken('2'), position: 3, token: '2' });
    expect(errorOf('1 + 2)')).toEqual({ message: scopeMessages.unexpectedToken(')'), position: 5, token: ')' });
    expect(errorOf('sum(actual')).toEqual({ message: scopeMessages.expectedCommaOrClose(''), position: 10, token: '' });
    expect(errorOf('max(actual forecast)')).toEqual({ message: scopeMessages.expectedCommaOrClose('forecast'), position: 11, token: 'forecast' });
    expect(errorOf('sum(,)')).toMatchObject({ position: 4, token: ',' });
  });

  it('checks argument counts, nesting of aggregates, and that the formula is one number, not one per row', () => {
    expect(errorOf('abs(1, 2)')).toEqual({ message: scopeMessages.wrongArgumentCount('abs', 'one argument', 2), position: 0, token: 'abs' });
    expect(errorOf('max(1, 2, 3)')).toMatchObject({ position: 0, token: 'max' });
    expect(errorOf('count(1, 2)')).toMatchObject({ position: 0, token: 'count' });
    expect(errorOf('sum()')).toMatchObject({ position: 0, token: 'sum' });
    expect(errorOf('sum(mean(actual))')).toEqual({ message: scopeMessages.nestedAggregate('mean', 'sum'), position: 4, token: 'mean' });
    expect(errorOf('sum(max(actual))')).toEqual({ message: scopeMessages.nestedAggregate('max', 'sum'), position: 4, token: 'max' });
    expect(errorOf('max(1 + sum(actual))')).toEqual({ message: scopeMessages.nestedAggregate('sum', 'max'), position: 8, token: 'sum' });
    expect(errorOf('sum(actual) - forecast')).toEqual({ message: scopeMessages.rowLevelResult('forecast'), position: 14, token: 'forecast' });
    expect(errorOf('abs(actual - forecast)')).toMatchObject({ position: 4, token: 'actual' });
  });

  it('refuses nesting too deep to evaluate safely', () => {
    expect(errorOf(`${'('.repeat(150)}1${')'.repeat(150)}`)).toMatchObject({ message: scopeMessages.tooDeep() });
    expect(errorOf(`${'-'.repeat(300)}1`)).toMatchObject({ message: scopeMessages.tooDeep() });
  });

  it('never throws: any text gives an AST or an error inside the text (fast-check)', () => {
    const pieces = fc.constantFrom('actual', 'forecast', 'p10', 'sum', 'mean', 'max', 'min', 'abs', 'count', 'x', '(', ')', ',', '+', '-', '*', '/', '^', '<', '<=', '==', '!=', '=', '!', '1', '2.5', '.', ' ', '$');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const result = parseMetricExpression(text);
        if ('error' in result) {
          expect(result.error.position).toBeGreaterThanOrEqual(0);
          expect(result.error.position).toBeLessThanOrEqual(text.length);
          expect(text.slice(result.error.position).startsWith(result.error.token)).toBe(true);
          expect(result.error.message.length).toBeGreaterThan(0);
        } else {
          expect(evaluateMetric(result, { actual: [1, 2], forecast: [2, 2], p10: [0, 1] })).toHaveProperty('value');
        }
      }),
      { seed: 99, numRuns: 500 },
    );
  });

  it('is evaluated by hand: no eval and no Function anywhere in src/lib/scope', () => {
    const dir = new URL('../../../src/lib/scope/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      expect(source, file).not.toMatch(/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/);
    }
  });
});
