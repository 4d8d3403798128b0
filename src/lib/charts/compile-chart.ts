import { parse, type Runtime } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * A vega-lite spec compiled to vega and parsed into vega's runtime description: the part of drawing a chart that needs
 * no page, done in the chart worker. Expressions come out as syntax trees (`ast: true`), so the result is plain data a
 * worker can post, which the page's View runs with vega-interpreter: no code is generated from strings (the page's
 * Content-Security-Policy forbids eval).
 */
export function compileChart(spec: TopLevelSpec): Runtime {
  return parse(compile(spec).spec, undefined, { ast: true });
}
