// User-facing texts for the Scope stage: the cost model and user-defined metric formulas (src/lib/scope).
// See ./index.ts. Parse errors name the offending token; the position is shown by the editor, not in the text.

const quoted = (text: string): string => `“${text}”`;
const suggest = (suggestion: string | null): string => (suggestion ? ` Did you mean ${quoted(suggestion)}?` : '');

export const scopeMessages = {
  emptyFormula: () => 'Type a formula, e.g. sum(abs(actual - forecast)) / sum(actual).',
  unexpectedCharacter: (character: string) =>
    `${quoted(character)} cannot appear in a formula: use numbers, columns, functions, + - * / ^, comparisons (< <= > >= == !=), parentheses and commas.`,
  singleEquals: () => 'To compare, write “==”; a single “=” is not an operator here.',
  loneBang: () => '“!” only appears in “!=” (not equal).',
  badNumber: (text: string) => `${quoted(text)} is not a number.`,
  unknownName: (name: string, suggestion: string | null, columns: readonly string[]) =>
    `Unknown name ${quoted(name)}.${suggest(suggestion)} Columns: ${columns.join(', ')}.`,
  unknownFunction: (name: string, suggestion: string | null, functions: readonly string[]) =>
    `Unknown function ${quoted(name)}.${suggest(suggestion)} Functions: ${functions.join(', ')}.`,
  notAFunction: (name: string) => `${quoted(name)} is a column, not a function: write it without parentheses.`,
  needsParentheses: (name: string) => `${quoted(name)} is a function: write ${name}(…).`,
  wrongArgumentCount: (name: string, expected: string, got: number) =>
    `${name}(…) takes ${expected}, but ${got === 1 ? 'one was' : `${got} were`} given.`,
  nestedAggregate: (inner: string, outer: string) =>
    `${inner}(…) cannot go inside ${outer}(…): an aggregate already turns all rows into one number.`,
  rowLevelResult: (column: string) =>
    `The formula gives one number per row (${quoted(column)} is used outside an aggregate). Wrap it in sum(…), mean(…), min(…), max(…) or count(…).`,
  expectedOperand: (token: string) =>
    token === '' ? 'The formula ends too early: a number, a column or “(” should follow.' : `Expected a number, a column or “(” where ${quoted(token)} is.`,
  unexpectedToken: (token: string) => `${quoted(token)} is not expected here: an operator or the end of the formula is.`,
  unclosedParenthesis: () => 'A “(” is never closed: add “)”.',
  expectedCommaOrClose: (token: string) =>
    token === '' ? 'The formula ends inside a function call: add “)”.' : `Expected “,” or “)” where ${quoted(token)} is.`,
  formulaTooLong: (limit: number) => `The formula is longer than ${limit} characters; shorten it.`,
  tooDeep: () => 'The formula is nested too deeply.',
  missingColumn: (column: string) => `This forecast has no ${quoted(column)} values (e.g. no P10/P90 interval), so the formula cannot use it.`,
} as const;
