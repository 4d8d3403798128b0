import { compile, type TopLevelSpec } from 'vega-lite';

/** Compile with vega-lite (pure, no DOM) and collect its warnings: a valid spec compiles with none. */
export function compileSpec(spec: TopLevelSpec): { warnings: string[]; marks: string[] } {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.map(String).join(' '));
    },
    warn: (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const { spec: vega } = compile(spec, { logger: logger as never });
  const marks: string[] = [];
  const walk = (node: { marks?: { type: string; role?: string; marks?: unknown[] }[] }) => {
    for (const mark of node.marks ?? []) {
      if (mark.type === 'group') walk(mark as never);
      else marks.push(mark.type);
    }
  };
  walk(vega as never);
  return { warnings, marks };
}
