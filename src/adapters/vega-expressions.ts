/**
 * vega expressions run without eval (the page's Content-Security-Policy forbids it), each syntax tree turned once into
 * nested closures that the chart's encoders then call for every item.
 *
 * vega-interpreter 2.3.2, the interpreter vega ships for this, walks the tree on every call and sets up a fresh
 * scope each time (an object and six closures per channel per item): on the default example's 1,096-day lines that
 * made vega's encoders the largest part of drawing a chart, garbage collection included. This is the same
 * interpreter, its rules and tables copied from vega-interpreter (BSD-3-Clause, University of Washington Interactive
 * Data Lab), with the walk done once: the same functions and constants, the same refusals (Function, eval and the
 * timers as values, __proto__/constructor/prototype as object keys), the same results.
 */
import { ascending, DisallowedObjectProperties, isString } from 'vega';

/** A syntax tree node as vega-expression's parser makes it (ESTree-like). */
interface Node {
  type: string;
  [key: string]: unknown;
}

/** Where an expression reads from: the operator parameters, the datum, the event, the scenegraph item. */
type Run = (params: Record<string, unknown> | undefined, datum: unknown, event: VegaEvent | undefined, item: unknown) => unknown;

interface VegaEvent {
  vega: Record<string, (...args: unknown[]) => unknown>;
  item?: { datum?: unknown };
}

interface Context {
  functions: Record<string, unknown>;
}

const Constants: Record<string, number> = {
  NaN: NaN,
  E: Math.E,
  LN2: Math.LN2,
  LN10: Math.LN10,
  LOG2E: Math.LOG2E,
  LOG10E: Math.LOG10E,
  PI: Math.PI,
  SQRT1_2: Math.SQRT1_2,
  SQRT2: Math.SQRT2,
  MIN_VALUE: Number.MIN_VALUE,
  MAX_VALUE: Number.MAX_VALUE,
};

const Ops: Record<string, (a: never, b: never) => unknown> = {
  '*': (a: number, b: number) => a * b,
  '+': (a: number, b: number) => a + b,
  '-': (a: number, b: number) => a - b,
  '/': (a: number, b: number) => a / b,
  '%': (a: number, b: number) => a % b,
  '>': (a: number, b: number) => a > b,
  '<': (a: number, b: number) => a < b,
  '<=': (a: number, b: number) => a <= b,
  '>=': (a: number, b: number) => a >= b,
  '==': (a: unknown, b: unknown) => a == b,
  '!=': (a: unknown, b: unknown) => a != b,
  '===': (a: unknown, b: unknown) => a === b,
  '!==': (a: unknown, b: unknown) => a !== b,
  '&': (a: number, b: number) => a & b,
  '|': (a: number, b: number) => a | b,
  '^': (a: number, b: number) => a ^ b,
  '<<': (a: number, b: number) => a << b,
  '>>': (a: number, b: number) => a >> b,
  '>>>': (a: number, b: number) => a >>> b,
};

const Unary: Record<string, (a: never) => unknown> = {
  '+': (a: number) => +a,
  '-': (a: number) => -a,
  '~': (a: number) => ~a,
  '!': (a: unknown) => !a,
};

type Method = (...args: unknown[]) => unknown;
/** `join(array, sep)` → `array.join(sep)`: a method of the first argument, called with the rest. */
const method =
  (name: string, cast?: (x: unknown) => unknown): Method =>
  (...args) => {
    const target = (cast ? cast(args[0]) : args[0]) as Record<string, Method>;
    return target[name]!.apply(target, args.slice(1));
  };
const datetime = (yearOrTimestring: number | string, m = 0, d = 1, H = 0, M = 0, S = 0, ms = 0) =>
  isString(yearOrTimestring) ? new Date(yearOrTimestring) : new Date(yearOrTimestring, m, d, H, M, S, ms);

const Functions: Record<string, Method> = {
  isNaN: Number.isNaN as Method,
  isFinite: Number.isFinite as Method,
  abs: Math.abs as Method,
  acos: Math.acos as Method,
  asin: Math.asin as Method,
  atan: Math.atan as Method,
  atan2: Math.atan2 as Method,
  ceil: Math.ceil as Method,
  cos: Math.cos as Method,
  exp: Math.exp as Method,
  floor: Math.floor as Method,
  hypot: Math.hypot as Method,
  log: Math.log as Method,
  max: Math.max as Method,
  min: Math.min as Method,
  pow: Math.pow as Method,
  random: Math.random as Method,
  round: Math.round as Method,
  sin: Math.sin as Method,
  sqrt: Math.sqrt as Method,
  tan: Math.tan as Method,
  clamp: ((a: number, b: number, c: number) => Math.max(b, Math.min(c, a))) as Method,
  now: Date.now as Method,
  utc: Date.UTC as Method,
  datetime: datetime as Method,
  date: ((d: number) => new Date(d).getDate()) as Method,
  day: ((d: number) => new Date(d).getDay()) as Method,
  year: ((d: number) => new Date(d).getFullYear()) as Method,
  month: ((d: number) => new Date(d).getMonth()) as Method,
  hours: ((d: number) => new Date(d).getHours()) as Method,
  minutes: ((d: number) => new Date(d).getMinutes()) as Method,
  seconds: ((d: number) => new Date(d).getSeconds()) as Method,
  milliseconds: ((d: number) => new Date(d).getMilliseconds()) as Method,
  time: ((d: number) => new Date(d).getTime()) as Method,
  timezoneoffset: ((d: number) => new Date(d).getTimezoneOffset()) as Method,
  utcdate: ((d: number) => new Date(d).getUTCDate()) as Method,
  utcday: ((d: number) => new Date(d).getUTCDay()) as Method,
  utcyear: ((d: number) => new Date(d).getUTCFullYear()) as Method,
  utcmonth: ((d: number) => new Date(d).getUTCMonth()) as Method,
  utchours: ((d: number) => new Date(d).getUTCHours()) as Method,
  utcminutes: ((d: number) => new Date(d).getUTCMinutes()) as Method,
  utcseconds: ((d: number) => new Date(d).getUTCSeconds()) as Method,
  utcmilliseconds: ((d: number) => new Date(d).getUTCMilliseconds()) as Method,
  length: ((x: { length: number }) => x.length) as Method,
  join: method('join'),
  indexof: method('indexOf'),
  lastindexof: method('lastIndexOf'),
  slice: method('slice'),
  reverse: ((x: unknown[]) => x.slice().reverse()) as Method,
  sort: ((x: unknown[]) => x.slice().sort(ascending as (a: unknown, b: unknown) => number)) as Method,
  parseFloat: parseFloat as Method,
  parseInt: parseInt as Method,
  upper: ((x: unknown) => String(x).toUpperCase()) as Method,
  lower: ((x: unknown) => String(x).toLowerCase()) as Method,
  substring: method('substring', String),
  split: method('split', String),
  replace: method('replace', String),
  trim: ((x: unknown) => String(x).trim()) as Method,
  btoa: ((x: string) => btoa(x)) as Method,
  atob: ((x: string) => atob(x)) as Method,
  encodeURIComponent: ((x: string) => encodeURIComponent(x)) as Method,
  regexp: RegExp as unknown as Method,
  test: ((r: string, t: string) => RegExp(r).test(t)) as Method,
};

/** Functions of the event's view (`x()`, `item()`, …), called on the event an event expression handles. */
const EventFunctions = new Set(['view', 'item', 'group', 'xy', 'x', 'y']);
const DisallowedMethods = new Set<unknown>([Function, eval, setTimeout, setInterval]);
if (typeof setImmediate === 'function') DisallowedMethods.add(setImmediate);

/** A name as it stands for itself: a property after a dot, an object literal's key. */
function keyOf(node: Node): unknown {
  return node.type === 'Identifier' ? node.name : node.value;
}

/** Turns a syntax tree into the closure that evaluates it; `fn` holds vega's expression functions (scale, format, …). */
function compile(node: Node, fn: Record<string, unknown>): Run {
  const $ = (child: unknown) => compile(child as Node, fn);
  switch (node.type) {
    case 'Literal': {
      const value = node.value;
      const regex = node.regex as { pattern: string; flags: string } | undefined;
      // Global and sticky regexps carry lastIndex across calls: a fresh one per evaluation, as vega's own code does.
      if (regex && value && ((value as RegExp).global || (value as RegExp).sticky)) return () => new RegExp(regex.pattern, regex.flags);
      return () => value;
    }
    case 'Identifier': {
      const name = node.name as string;
      if (name === 'datum') return (_, datum) => datum;
      if (name === 'event') return (_, __, event) => event;
      if (name === 'item') return (_, __, ___, item) => item;
      const constant = Constants[name];
      if (constant) return () => constant;
      const param = `$${name}`;
      return (params) => params![param];
    }
    case 'MemberExpression': {
      const object = $(node.object);
      const computed = node.computed as boolean;
      const key = computed ? null : keyOf(node.property as Node);
      const property = computed ? $(node.property) : null;
      return (p, d, e, i) => {
        const o = object(p, d, e, i) as Record<PropertyKey, unknown>;
        const value = o[(computed ? property!(p, d, e, i) : key) as PropertyKey];
        if (DisallowedMethods.has(value)) {
          console.error(`Prevented interpretation of member "${String(computed ? property!(p, d, e, i) : key)}" which could lead to insecure code execution`);
          return undefined;
        }
        return value;
      };
    }
    case 'CallExpression': {
      const args = (node.arguments as Node[]).map($);
      // Encoders call internal functions under a leading underscore: the standard function of that name.
      const name = ((node.callee as Node).name as string).replace(/^_/, '');
      if (name === 'if') {
        const [test, then, otherwise] = args as [Run, Run, Run];
        return (p, d, e, i) => (test(p, d, e, i) ? then(p, d, e, i) : otherwise(p, d, e, i));
      }
      if (EventFunctions.has(name)) return (p, d, e, i) => e!.vega[name]!(...args.map((arg) => arg(p, d, e, i)));
      return (p, d, e, i) => {
        const f = (fn[name] || Functions[name]) as Method;
        return f.apply(fn, args.map((arg) => arg(p, d, e, i)));
      };
    }
    case 'ArrayExpression': {
      const elements = (node.elements as Node[]).map($);
      return (p, d, e, i) => elements.map((element) => element(p, d, e, i));
    }
    case 'BinaryExpression': {
      const op = Ops[node.operator as string]!;
      const [left, right] = [$(node.left), $(node.right)];
      return (p, d, e, i) => op(left(p, d, e, i) as never, right(p, d, e, i) as never);
    }
    case 'UnaryExpression': {
      const op = Unary[node.operator as string]!;
      const argument = $(node.argument);
      return (p, d, e, i) => op(argument(p, d, e, i) as never);
    }
    case 'ConditionalExpression': {
      const [test, consequent, alternate] = [$(node.test), $(node.consequent), $(node.alternate)];
      return (p, d, e, i) => (test(p, d, e, i) ? consequent(p, d, e, i) : alternate(p, d, e, i));
    }
    case 'LogicalExpression': {
      const [left, right] = [$(node.left), $(node.right)];
      return node.operator === '&&' ? (p, d, e, i) => left(p, d, e, i) && right(p, d, e, i) : (p, d, e, i) => left(p, d, e, i) || right(p, d, e, i);
    }
    case 'ObjectExpression': {
      const properties = (node.properties as { key: Node; value: Node }[]).map((property) => ({ key: keyOf(property.key) as string, value: $(property.value) }));
      return (p, d, e, i) => {
        const object: Record<string, unknown> = {};
        for (const { key, value } of properties) {
          const v = value(p, d, e, i);
          if (DisallowedObjectProperties.has(key)) console.error(`Prevented interpretation of property "${key}" which could lead to insecure code execution`);
          else if (DisallowedMethods.has(v)) console.error(`Prevented interpretation of method "${key}" which could lead to insecure code execution`);
          else object[key] = v;
        }
        return object;
      };
    }
    default:
      throw new Error(`Unsupported expression node: ${node.type}`);
  }
}

interface Item {
  datum?: unknown;
  [channel: string]: unknown;
}

/** vega-interpreter's own: x2/y2/xc/yc channels settle x, y, width and height. */
function adjustSpatial(item: Record<string, number>, encode: Record<string, unknown>, swap: boolean): void {
  let t;
  if (encode.x2) {
    if (encode.x) {
      if (swap && item.x! > item.x2!) {
        t = item.x!;
        item.x = item.x2!;
        item.x2 = t;
      }
      item.width = item.x2! - item.x!;
    } else {
      item.x = item.x2! - (item.width || 0);
    }
  }
  if (encode.xc) item.x = item.xc! - (item.width || 0) / 2;
  if (encode.y2) {
    if (encode.y) {
      if (swap && item.y! > item.y2!) {
        t = item.y!;
        item.y = item.y2!;
        item.y2 = t;
      }
      item.height = item.y2! - item.y!;
    } else {
      item.y = item.y2! - (item.height || 0);
    }
  }
  if (encode.yc) item.y = item.yc! - (item.height || 0) / 2;
}

/** The expression evaluator handed to a vega View (`new View(runtime, { expr })`), as vega-interpreter's is. */
export const expressionClosures = {
  operator(ctx: Context, expr: { ast: Node }) {
    const run = compile(expr.ast, ctx.functions);
    return (params: Record<string, unknown>) => run(params, undefined, undefined, undefined);
  },
  parameter(ctx: Context, expr: { ast: Node }) {
    const run = compile(expr.ast, ctx.functions);
    return (datum: unknown, params: Record<string, unknown>) => run(params, datum, undefined, undefined);
  },
  event(ctx: Context, expr: { ast: Node }) {
    const run = compile(expr.ast, ctx.functions);
    return (event: VegaEvent) => run(undefined, undefined, event, undefined);
  },
  handler(ctx: Context, expr: { ast: Node }) {
    const run = compile(expr.ast, ctx.functions);
    return (params: Record<string, unknown>, event: VegaEvent) => run(params, event.item && event.item.datum, event, undefined);
  },
  encode(ctx: Context, encode: { marktype: string; channels: Record<string, { ast: Node }> }) {
    const { marktype, channels } = encode;
    const swap = marktype === 'group' || marktype === 'image' || marktype === 'rect';
    const compiled = Object.entries(channels).map(([name, channel]) => [name, compile(channel.ast, ctx.functions)] as const);
    return (item: Item, params: Record<string, unknown>) => {
      const datum = item.datum;
      let modified = 0;
      for (const [name, run] of compiled) {
        const value = run(params, datum, undefined, item);
        if (item[name] !== value) {
          item[name] = value;
          modified = 1;
        }
      }
      if (marktype !== 'rule') adjustSpatial(item as Record<string, number>, channels, swap);
      return modified;
    };
  },
};
